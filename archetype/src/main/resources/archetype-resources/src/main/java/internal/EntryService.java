package ${package}.internal;

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import ${package}.internal.EntryRequests.CreateEntry;

/**
 * What can be done with entries, each in one transaction: the rules decide, the store reads and writes
 * inside the caller's subtree, an entry outside it is 404 like a missing one. Roles are checked by the
 * resource's {@code @RolesAllowed}. The "done" message is queued in the portal's {@link Notifications} on
 * the same transaction: it exists exactly when the change was committed.
 */
@Component(service = EntryService.class)
public class EntryService {
    private final PortalDatabase db;
    private final OrganisationDirectory organisations;
    private final Notifications notifications;

    @Activate
    public EntryService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=${moduleId})") PortalDatabase db,
                        @Reference OrganisationDirectory organisations, @Reference Notifications notifications) {
        this.db = db;
        this.organisations = organisations;
        this.notifications = notifications;
    }

    public List<Entry> list(PortalUser user) {
        return db.read(c -> EntryStore.list(c, DataScope.of(user)));
    }

    public Entry get(PortalUser user, long id) {
        return db.read(c -> EntryStore.visible(c, DataScope.of(user), id)).orElseThrow(EntryRules::notFound);
    }

    /** A new entry for the user's own organisation, or for {@code orgId} inside the user's subtree. */
    public Entry create(PortalUser user, CreateEntry body) {
        CreateEntry request = EntryRules.required(body);
        String title = EntryRules.validTitle(request.title());
        long orgId = request.orgId() == null ? user.orgId() : request.orgId();
        DataScope scope = DataScope.of(user);
        OrganisationInfo org = organisations.byId(orgId).filter(o -> scope.covers(o.path()))
                .orElseThrow(EntryRules::organisationNotFound);
        return db.inTransaction(c -> {
            long id = EntryStore.insert(c, org.id(), org.path(), title, user.username(), user.id());
            return EntryStore.visible(c, scope, id).orElseThrow(EntryRules::notFound);
        });
    }

    public Entry markDone(PortalUser user, long id) {
        DataScope scope = DataScope.of(user);
        return db.inTransaction(c -> {
            EntryRules.requireOpen(EntryStore.visible(c, scope, id).orElseThrow(EntryRules::notFound));
            EntryStore.markDone(c, scope, id, user.username());
            Entry done = EntryStore.visible(c, scope, id).orElseThrow(EntryRules::notFound);
            Optional<Notification> notice = EntryRules.doneNotice(done, user);
            if (notice.isPresent()) {
                notifications.queue(c, notice.get());
            }
            return done;
        });
    }

    /** Entries per status of the user's organisation and of each of its direct children. */
    public EntryRules.Figures figures(PortalUser user) {
        OrganisationInfo own = organisations.byId(user.orgId()).orElseThrow(EntryRules::organisationNotFound);
        List<OrganisationInfo> subtree = organisations.subtree(own.path());
        return EntryRules.figures(own, subtree, db.read(c -> EntryStore.counts(c, DataScope.of(user))));
    }
}
