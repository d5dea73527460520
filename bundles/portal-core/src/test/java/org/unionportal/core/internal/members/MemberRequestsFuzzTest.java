package org.unionportal.core.internal.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.audit.PortalAuditTrail;
import org.unionportal.core.internal.members.MembersResource.MemberBody;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;
import org.unionportal.testing.fuzz.FuzzTries;
import org.unionportal.testing.fuzz.Gen;
import org.unionportal.testing.fuzz.HostileBodies;
import org.unionportal.testing.fuzz.RequestFuzz;

/**
 * The fuzz layer over the member register's JSON bodies (new member, edit), read by the portal's JSON provider and
 * turned into the service's form as the resource does: never a 500, never half a change (the audit rows included).
 */
class MemberRequestsFuzzTest {
    private static final AtomicInteger SEQ = new AtomicInteger(1);
    private static ModuleTestDatabase db;
    private static MemberService service;
    private static RequestFuzz fuzz;
    private static long union;
    private static PortalUser operator;
    private static long member;

    @BeforeAll
    static void start() {
        db = ModuleTestDatabase.inMemory("portal");
        service = new MemberService(db, new PortalAuditTrail());
        db.inTransaction(c -> {
            long city = AccountStore.addOrganisation(c, null, "市总", "CITY");
            long district = AccountStore.addOrganisation(c, city, "甲区", "DISTRICT");
            union = AccountStore.addOrganisation(c, district, "甲区一厂工会", "GRASSROOTS");
            return null;
        });
        String path = db.read(c -> AccountStore.organisation(c, union)).orElseThrow().path();
        operator = new PortalUser(100, "op", "经办人", union, path, Set.of(Role.UNION_OPERATOR));
        member = service.create(operator, MembersResource.form(body(SEQ.getAndIncrement())), null).id();
        fuzz = RequestFuzz.on(db);
    }

    private static MemberBody body(int n) {
        return new MemberBody(IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(n), n % 1000), "会员" + n, "13900000020",
                List.of("EMPLOYEE"), null, LocalDate.of(2020, 5, 1), null, null, null);
    }

    @TestFactory
    Stream<DynamicTest> creatingAndEditingMembers() {
        Gen<String> members = Gen.oneOf(HostileBodies.forRecord(MemberBody.class),
                Gen.ints(100, 20_000).flatMap(n -> HostileBodies.mutating(body(n))));
        return FuzzTries.of("creating and editing members", r -> {
            String body = members.next(r);
            boolean edit = r.nextBoolean();
            return fuzz.send(body, MemberBody.class, b -> {
                if (edit) {
                    service.update(operator, member, MembersResource.form(b), null, b.leftOn());
                } else {
                    service.create(operator, MembersResource.form(b), b.orgId());
                }
            });
        });
    }
}
