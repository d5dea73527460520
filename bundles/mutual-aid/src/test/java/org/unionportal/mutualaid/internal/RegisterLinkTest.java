package org.unionportal.mutualaid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/** Insured persons of an installation older than the register are adopted once, with their account link. */
class RegisterLinkTest {
    @TempDir
    Path dir;

    /** A register that adopts everyone into the union it is given, member ids from 1000. */
    static final class FakeRegistry implements MemberRegistry {
        final List<MemberDraft> adopted = new ArrayList<>();
        final List<Long> accounts = new ArrayList<>();

        @Override
        public Member adopt(Connection c, MemberDraft d, long orgId, Long userId, String actor) {
            adopted.add(d);
            accounts.add(userId);
            return new Member(1000 + adopted.size(), d.idNumber(), d.name() + "（会员库）", "13800000000", "F", null, orgId,
                    "/1/" + orgId + "/", d.categories(), null, MembershipStatus.ACTIVE, null, null, userId);
        }

        @Override public Optional<Member> byId(long id, String subtreePath) { return Optional.empty(); }
        @Override public Optional<Member> byIdNumber(String idNumber, String subtreePath) { return Optional.empty(); }
        @Override public Optional<Member> ofUser(long userId) { return Optional.empty(); }
        @Override public List<Member> byIds(Collection<Long> ids, String subtreePath) { return List.of(); }
        @Override public Set<String> ofOtherUnions(Collection<String> idNumbers, long orgId) { return Set.of(); }
        @Override public Set<String> ofOtherUnions(Connection c, Collection<String> idNumbers, long orgId) { return Set.of(); }
        @Override public Member register(MemberDraft draft, long orgId, String actor) { throw new UnsupportedOperationException(); }
        @Override public Map<String, Member> register(Connection c, List<MemberDraft> drafts, long orgId, String actor) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void existingInsuredPersonsAreAdoptedOnceWithTheirAccounts() {
        TestDatabase db = TestDatabase.create(dir);
        long chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/7/");
        long wang = db.member("王丽华", "320202198003120041", "13961000001", "/1/2/7/");
        db.inTransaction(c -> Jdbc.update(c, "UPDATE MA_MEMBER SET USERNAME = 'member' WHERE ID = ?", chen));
        FakeRegistry registry = new FakeRegistry();
        PortalUser memberAccount = new PortalUser(42, "member", "会员", 7, "/1/2/7/", Set.of(Role.MEMBER));

        RegisterLink link = new RegisterLink(db, registry, name -> "member".equals(name) ? Optional.of(memberAccount) : Optional.empty());
        assertEquals(2, registry.adopted.size());
        assertEquals(Set.of(MemberCategory.EMPLOYEE), registry.adopted.get(0).categories());
        assertEquals(java.util.Arrays.asList(42L, null), registry.accounts);
        assertEquals(0, db.count("SELECT COUNT(*) FROM MA_MEMBER WHERE REGISTER_ID IS NULL"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_MEMBER WHERE ID = ? AND USER_ID = 42 AND NAME = '陈静（会员库）'", chen));

        // once: a second start adopts nobody
        assertEquals(0, link.adoptExisting(registry, name -> Optional.empty()));
        assertEquals(2, registry.adopted.size());

        // a later change in the register reaches the copy (the phone reminders go to)
        link.memberChanged(new Member(1002, "320202198003120041", "王丽华", "13999999999", "F", null, 9, "/1/3/9/",
                Set.of(MemberCategory.EMPLOYEE), null, MembershipStatus.ACTIVE, null, null, null));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_MEMBER WHERE ID = ? AND PHONE = '13999999999' AND ORG_PATH = '/1/3/9/'", wang));
    }
}
