package org.unionportal.mutualaid.internal.todo;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.todo.WorkItem;
import org.unionportal.api.todo.WorkItems;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;

/**
 * Mutual aid's part of the home page's work to do: claims to review (district and city staff), groups whose fee is
 * not yet recorded while their cover has not ended (staff: to confirm the payment; operators: to pay), in the caller's
 * subtree.
 */
@Component(service = WorkItems.class)
public class MutualAidWorkItems implements WorkItems {

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

    /** Whose cover has ended no longer waits for payment: "today" decides (fixed in tests). */
    PortalTime time = PortalTime.SYSTEM;

    @Override
    public String moduleId() {
        return "mutual-aid";
    }

    @Override
    public List<WorkItem> itemsFor(PortalUser user) {
        boolean staff = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
        boolean operator = user.hasRole(Role.UNION_OPERATOR);
        if (!staff && !operator) {
            return List.of();
        }
        DataScope scope = DataScope.of(user);
        return db.read(c -> {
            List<WorkItem> items = new ArrayList<>();
            long unpaidGroups = EnrolmentStore.countAwaitingPayment(c, scope, time.today());
            if (staff) {
                // one item per status, each linking to the list of exactly what it counts
                items.add(WorkItem.of("mutual-aid.claims.toReview", "件理赔待审核", "claims to review",
                        ClaimStore.countIn(c, scope, List.of(ClaimStatus.SUBMITTED)),
                        "mutual-aid/claims?status=SUBMITTED"));
                items.add(WorkItem.of("mutual-aid.claims.underReview", "件理赔审核中", "claims under review",
                        ClaimStore.countIn(c, scope, List.of(ClaimStatus.UNDER_REVIEW)),
                        "mutual-aid/claims?status=UNDER_REVIEW"));
                items.add(WorkItem.of("mutual-aid.groups.toConfirmPayment", "个团体参保待确认收款", "group enrolments awaiting payment",
                        unpaidGroups, "mutual-aid/enrol?status=PENDING_PAYMENT"));
            } else {
                items.add(WorkItem.of("mutual-aid.groups.toPay", "个团体参保待缴费", "group enrolments to pay",
                        unpaidGroups, "mutual-aid/enrol?status=PENDING_PAYMENT"));
            }
            return items;
        });
    }
}
