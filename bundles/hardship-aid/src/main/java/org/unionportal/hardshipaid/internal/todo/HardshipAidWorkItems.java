package org.unionportal.hardshipaid.internal.todo;

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
import org.unionportal.hardshipaid.internal.rules.BatchStatus;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.store.BatchStore;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;

/**
 * Hardship aid's part of the home page's work to do, in the caller's subtree: applications to review, payment batches
 * to approve and households whose yearly re-check is due within 30 days (district and city staff); applications
 * returned for correction (operators).
 */
@Component(service = WorkItems.class)
public class HardshipAidWorkItems implements WorkItems {
    /** As the households list's "due" filter: re-checks due within this many days. */
    private static final int RECHECK_NOTICE_DAYS = 30;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Override
    public String moduleId() {
        return "hardship-aid";
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
            if (staff) {
                items.add(WorkItem.of("hardship-aid.households.toReview", "户建档待审核", "household applications to review",
                        HouseholdStore.count(c, scope, HouseholdStatus.APPLIED),
                        "hardship-aid/households?status=APPLIED"));
                items.add(WorkItem.of("hardship-aid.batches.toApprove", "个批次待审批", "payment batches to approve",
                        BatchStore.count(c, scope, BatchStatus.DRAFT),
                        "hardship-aid/batches?status=DRAFT"));
                items.add(WorkItem.of("hardship-aid.households.recheckDue", "户待复查", "households due for re-check",
                        HouseholdStore.countRecheckDue(c, scope, PortalTime.SYSTEM.today().plusDays(RECHECK_NOTICE_DAYS)),
                        "hardship-aid/households?due=true"));
            }
            if (operator) {
                items.add(WorkItem.of("hardship-aid.households.returned", "户建档申请退回待修改", "applications returned for correction",
                        HouseholdStore.count(c, scope, HouseholdStatus.RETURNED),
                        "hardship-aid/households?status=RETURNED"));
            }
            return items;
        });
    }
}
