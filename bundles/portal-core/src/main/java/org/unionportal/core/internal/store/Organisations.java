package org.unionportal.core.internal.store;

import org.unionportal.api.db.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;

/** The union tree for modules. */
@Component(service = OrganisationDirectory.class)
public class Organisations implements OrganisationDirectory {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    @Override
    public Optional<OrganisationInfo> byId(long id) {
        return db.read(c -> AccountStore.organisation(c, id)).map(Organisations::info);
    }

    @Override
    public List<OrganisationInfo> subtree(String path) {
        return db.read(c -> AccountStore.subtree(c, path)).stream().map(Organisations::info).toList();
    }

    @Override
    public Optional<OrganisationInfo> byName(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = Jdbc.prepare(c,
                    "SELECT ID FROM PORTAL_ORGANISATION WHERE NAME = ? ORDER BY ID", name);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? AccountStore.organisation(c, rs.getLong(1)) : Optional.<Organisation>empty();
            }
        }).map(Organisations::info);
    }

    @Override
    public Optional<OrganisationInfo> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> {
            Optional<Long> id = AccountStore.organisationIdByCode(c, code);
            return id.isPresent() ? AccountStore.organisation(c, id.get()) : Optional.<Organisation>empty();
        }).map(Organisations::info);
    }

    static OrganisationInfo info(Organisation o) {
        return new OrganisationInfo(o.id(), o.parentId(), o.name(), o.kind(), o.path());
    }
}
