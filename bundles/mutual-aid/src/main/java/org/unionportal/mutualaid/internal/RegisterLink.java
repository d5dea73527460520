package org.unionportal.mutualaid.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberListener;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.UserDirectory;
import org.unionportal.mutualaid.internal.service.EnrolmentService;
import org.unionportal.mutualaid.internal.rules.WorkerCategory;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;

/**
 * Keeps the insured persons on the member register. When the module starts, people written before the register
 * existed are put into it once (the register keeps a person it already has; accounts linked in
 * {@code MA_MEMBER.USERNAME} move to the register); afterwards every change of a member in the register (edit,
 * transfer, account) refreshes the module's copy of name, phone and union, so reminders go where the register says.
 */
@Component(service = MemberListener.class, immediate = true)
public class RegisterLink implements MemberListener {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterLink.class);
    private static final int BATCH = 500;
    static final String ACTOR = "mutual-aid";

    private final PortalDatabase db;

    @Activate
    public RegisterLink(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db,
                        @Reference MemberRegistry registry, @Reference UserDirectory users) {
        this.db = db;
        int adopted = adoptExisting(registry, users);
        if (adopted > 0) {
            LOG.info("Mutual aid: put {} insured person(s) of earlier versions into the member register", adopted);
        }
    }

    /** Every insured person without a register id, in batches of {@value #BATCH}, each batch one transaction. */
    int adoptExisting(MemberRegistry registry, UserDirectory users) {
        int total = 0;
        while (true) {
            List<EnrolmentStore.Unregistered> batch = db.read(c -> EnrolmentStore.unregistered(c, BATCH));
            if (batch.isEmpty()) {
                return total;
            }
            Map<String, Long> accounts = new HashMap<>();
            for (EnrolmentStore.Unregistered u : batch) {
                if (u.username() != null) {
                    users.byUsername(u.username()).map(PortalUser::id).ifPresent(id -> accounts.put(u.username(), id));
                }
            }
            // the register's calls run on this transaction: no second connection is asked for while it is held
            db.inTransaction(c -> {
                for (EnrolmentStore.Unregistered u : batch) {
                    MemberDraft draft = MemberDraft.of(u.idNumber(), u.name(), u.phone(),
                            WorkerCategory.parse(u.category()).map(EnrolmentService::memberCategory).orElse(null));
                    Member m = registry.adopt(c, draft, u.orgId(), u.username() == null ? null : accounts.get(u.username()), ACTOR);
                    EnrolmentStore.adopted(c, u.id(), m);
                }
                return null;
            });
            total += batch.size();
        }
    }

    @Override
    public void memberChanged(Member member) {
        db.inTransaction(c -> EnrolmentStore.refreshCopy(c, member));
    }
}
