package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

class RemindersResourceTest {
    @TempDir
    Path dir;
    TestDatabase db;
    RemindersResource resource;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        resource = new RemindersResource();
        resource.db = db;
        long inside = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
        long outside = db.member("马志强", "320803197509090011", "13961000021", "/1/9/");
        db.inTransaction(c -> {
            Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:1", inside, Reminders.paymentMade("陈静", 1, 100));
            Reminders.enqueue(c, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:2:1", inside, Reminders.claimReturned("陈静", 2, "x"));
            Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:3", outside, Reminders.paymentMade("马志强", 3, 100));
            return null;
        });
    }

    private static SecurityContext as(String orgPath, Role role) {
        PortalUser user = new PortalUser(1, "district", "区管理员", 2, orgPath, Set.of(role));
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String r) {
                return user.hasRole(Role.valueOf(r));
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheSubtreeNewestFirstWithMaskedPhones() {
        Map<String, Object> answer = resource.list(null, null, null, null, as("/1/2/", Role.DISTRICT_ADMIN));
        assertEquals(2L, answer.get("total"));
        List<RemindersResource.ReminderView> items = (List<RemindersResource.ReminderView>) answer.get("items");
        assertEquals(List.of(Reminders.CLAIM_RETURNED, Reminders.PAYMENT_MADE), items.stream().map(RemindersResource.ReminderView::kind).toList());
        assertEquals("139****0002", items.get(0).phone());
        assertEquals("PENDING", items.get(0).status());

        Map<String, Object> paymentsOnly = resource.list("PENDING", "PAYMENT_MADE", 1, 1, as("/1/", Role.PLATFORM_ADMIN));
        assertEquals(2L, paymentsOnly.get("total"));
        assertEquals(1, ((List<?>) paymentsOnly.get("items")).size());
        Map<String, Object> secondPage = resource.list(null, "PAYMENT_MADE", 2, 1, as("/1/", Role.PLATFORM_ADMIN));
        assertEquals("139****0002", ((List<RemindersResource.ReminderView>) secondPage.get("items")).get(0).phone());
        assertEquals(0L, resource.list("SENT", null, null, null, as("/1/", Role.PLATFORM_ADMIN)).get("total"));

        ProblemException bad = assertThrows(ProblemException.class,
                () -> resource.list("LOST", null, null, null, as("/1/", Role.PLATFORM_ADMIN)));
        assertEquals(400, bad.status());
    }

    @Test
    void rolesAndScan() throws Exception {
        assertEquals(List.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN),
                List.of(RemindersResource.class.getAnnotation(RolesAllowed.class).value()));
        assertEquals(List.of(Role.PLATFORM_ADMIN),
                List.of(RemindersResource.class.getMethod("scanCoverEnding").getAnnotation(RolesAllowed.class).value()));
        assertEquals(Map.of("queued", 0), resource.scanCoverEnding());
    }
}
