package org.unionportal.core.internal.store;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.core.internal.audit.PortalAuditTrail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.unionportal.api.demo.DemoOrganisations;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.core.internal.members.MemberRules;
import org.unionportal.core.internal.members.MemberStore;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.security.PasswordHasher;

/**
 * The demo city (Wuxi, see shared/DOMAIN.md): the city federation, its districts and an industry
 * union, grassroots unions, and one user per role, all with the password {@value #PASSWORD}.
 */
public final class DemoData {
    public static final String PASSWORD = "demo1234";

    /**
     * The demo users' password hashes, made once from {@value #PASSWORD} (public anyway) by
     * {@link PasswordHasher} with its full work factor and a salt of their own each: seeding a fresh demo
     * otherwise derived a 600,000-iteration hash on the start-up's cold JIT, on the way to the first sign-in.
     * They verify, and are made again on sign-in when the work factor grows, like any stored hash
     * (DemoDataHashesTest checks both).
     */
    static final Map<String, String> DEMO_HASHES = Map.of(
            "admin", "pbkdf2-sha256$600000$+uMAdgjGh9HsifrQx07ijA$Bx1geAX/tLGBZ6ZUJY6UnkoBbLqVqiI9p27I6qaO4Uc",
            "checker", "pbkdf2-sha256$600000$/rRz9H+9V0irwXFVv+9eTg$ZlqjJytWlvGR7aqQc2uJ4SBaFKwo4h2cqzcPUz7D5Dk",
            "reviewer", "pbkdf2-sha256$600000$N4XXcDubHfJjC7Thb3jb0Q$M4dBPrnyuKXtVNLGZLyUBAxmgIxHAF6RpegzCbWSDQs",
            "district", "pbkdf2-sha256$600000$e7CpLNWk/DPMbdWJjtJCXQ$SoxzytmxX4VJxW1sv91VUZHHqHYT0i2H55aEPdweRwg",
            "operator", "pbkdf2-sha256$600000$Q/9Hhn//qe1C/DiRSsfYMg$ZO8HyRcB92ZJl8u9H2yZVsrhpsfkeSGZSrf0wtyUJi0",
            "member", "pbkdf2-sha256$600000$CHXSXTQ621dj+AYO0Y/Htw$4fz9BdUbtCNxg4Bkwg6VFQGnZpxPPzaCvfSWDpriGKA",
            "district2", "pbkdf2-sha256$600000$VpMIVrEzw+2hoL85WBFPVg$xFwqD/2VIRN0Ps/a3fjnv1m0wSaKOPIwlYv5d1SIQRA",
            "operator2", "pbkdf2-sha256$600000$A6vcB+DNENCuXq46OuhzVg$V/9PkV+Dd5gYI7afowI1QV4HEWhl4598PPMZmlSvPWg");

    private DemoData() {
    }

    public static void seed(Connection c) throws SQLException {
        long city = AccountStore.addOrganisation(c, null, "无锡市总工会", "CITY");
        long liangxi = AccountStore.addOrganisation(c, city, "梁溪区总工会", "DISTRICT");
        long binhu = AccountStore.addOrganisation(c, city, "滨湖区总工会", "DISTRICT");
        long xinwu = AccountStore.addOrganisation(c, city, "新吴区总工会", "DISTRICT");
        AccountStore.addOrganisation(c, city, "锡山区总工会", "DISTRICT");
        AccountStore.addOrganisation(c, city, "惠山区总工会", "DISTRICT");
        long logistics = AccountStore.addOrganisation(c, city, "无锡市物流行业工会联合会", "INDUSTRY");
        long kindergarten = AccountStore.addOrganisation(c, liangxi, "梁溪区实验幼儿园工会", "GRASSROOTS");
        long sanitation = AccountStore.addOrganisation(c, liangxi, "梁溪区环卫所工会", "GRASSROOTS");
        long softwarePark = AccountStore.addOrganisation(c, binhu, "滨湖区软件园联合工会", "GRASSROOTS");
        long factory = AccountStore.addOrganisation(c, xinwu, "新吴区电子厂工会", "GRASSROOTS");
        long courier = AccountStore.addOrganisation(c, logistics, "顺达快递无锡分公司工会", "GRASSROOTS");
        assignCodes(c);

        AccountStore.addUser(c, "admin", "市总平台管理员", city, "13800000001", DEMO_HASHES.get("admin"), Set.of(Role.PLATFORM_ADMIN));
        // a second city administrator: standards and similar decisions need a second person (maker-checker)
        AccountStore.addUser(c, "checker", "市总财务复核 钱敏", city, "13800000008", DEMO_HASHES.get("checker"), Set.of(Role.PLATFORM_ADMIN));
        AccountStore.addUser(c, "reviewer", "评审专家 李明", city, "13800000002", DEMO_HASHES.get("reviewer"), Set.of(Role.REVIEWER));
        AccountStore.addUser(c, "district", "梁溪区管理员 王芳", liangxi, "13800000003", DEMO_HASHES.get("district"), Set.of(Role.DISTRICT_ADMIN));
        AccountStore.addUser(c, "operator", "幼儿园工会经办人 张丽", kindergarten, "13800000004", DEMO_HASHES.get("operator"), Set.of(Role.UNION_OPERATOR));
        long member = AccountStore.addUser(c, "member", "会员 陈静", kindergarten, "13800000005", DEMO_HASHES.get("member"), Set.of(Role.MEMBER));
        AccountStore.addUser(c, "district2", "滨湖区管理员 赵强", binhu, "13800000006", DEMO_HASHES.get("district2"), Set.of(Role.DISTRICT_ADMIN));
        AccountStore.addUser(c, "operator2", "软件园工会经办人 刘洋", softwarePark, "13800000007", DEMO_HASHES.get("operator2"), Set.of(Role.UNION_OPERATOR));

        // The member register: the people of the demo (mutual aid's insured persons among them, with the same
        // ID numbers, so that the module finds them as members of their unions), 陈静 linked to the 'member' account.
        Instant now = Instant.now();
        LocalDate y = LocalDate.now(IdNumbers.ZONE).minusYears(1).withDayOfYear(1);
        member(c, kindergarten, "王丽华", "32020219800312004", "13961000001", y.minusYears(12), null, MemberCategory.EMPLOYEE,
                MemberCategory.MODEL_WORKER);
        long chen = member(c, kindergarten, "陈静", "32020219920715002", "13961000002", y.minusYears(6), null,
                MemberCategory.EMPLOYEE);
        MemberStore.linkUser(c, chen, member, "demo", now);
        member(c, kindergarten, "周敏", "32020219880101003", "13961000003", y.minusYears(9), null, MemberCategory.EMPLOYEE,
                MemberCategory.WORKER_REPRESENTATIVE);
        member(c, sanitation, "孙建华", "32020219700405001", "13961000031", y.minusYears(20), null,
                MemberCategory.SANITATION_WORKER, MemberCategory.DISPATCHED);
        member(c, courier, "虞建国", "32020319870520001", "13961000011", y.minusYears(3), GigOccupation.COURIER,
                MemberCategory.GIG_WORKER);
        member(c, courier, "吴晓东", "32020519950218003", "13961000012", y.minusYears(1), GigOccupation.FOOD_DELIVERY_RIDER,
                MemberCategory.GIG_WORKER);
        member(c, factory, "马志强", "32080319750909001", "13961000021", y.minusYears(15), null, MemberCategory.EMPLOYEE);
        member(c, softwarePark, "刘芳", "32021119900606002", "13961000041", y.minusYears(4), null, MemberCategory.EMPLOYEE,
                MemberCategory.WORKER_REPRESENTATIVE);
    }

    private static long member(Connection c, long orgId, String name, String first17, String phone, LocalDate joined,
                               GigOccupation occupation, MemberCategory... categories) throws SQLException {
        String path = AccountStore.organisation(c, orgId).orElseThrow().path();
        String id = IdNumbers.withCheckDigit(first17);
        long memberId = MemberStore.insert(c, new MemberRules.Form(id, name, phone, Set.of(categories), occupation, joined),
                orgId, path, joined, "demo", Instant.now());
        // the demo's people come with the first line of their history, as a form would write it
        DEMO_TRAIL.record(c, AuditEntry.of("portal", "member", memberId, "CREATE", path, Actor.named("demo"))
                .changes(Map.of(), Map.of("orgId", orgId, "note", "demo data")));
        return memberId;
    }

    private static final PortalAuditTrail DEMO_TRAIL = new PortalAuditTrail();

    /** The demo organisations' stable codes, by name (names are unique in the demo city). */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry(DemoOrganisations.CITY, "无锡市总工会"),
            Map.entry(DemoOrganisations.LIANGXI, "梁溪区总工会"),
            Map.entry(DemoOrganisations.BINHU, "滨湖区总工会"),
            Map.entry(DemoOrganisations.XINWU, "新吴区总工会"),
            Map.entry(DemoOrganisations.XISHAN, "锡山区总工会"),
            Map.entry(DemoOrganisations.HUISHAN, "惠山区总工会"),
            Map.entry(DemoOrganisations.LOGISTICS, "无锡市物流行业工会联合会"),
            Map.entry(DemoOrganisations.LIANGXI_KINDERGARTEN, "梁溪区实验幼儿园工会"),
            Map.entry(DemoOrganisations.LIANGXI_SANITATION, "梁溪区环卫所工会"),
            Map.entry(DemoOrganisations.BINHU_SOFTWARE_PARK, "滨湖区软件园联合工会"),
            Map.entry(DemoOrganisations.XINWU_ELECTRONICS, "新吴区电子厂工会"),
            Map.entry(DemoOrganisations.SHUNDA_EXPRESS, "顺达快递无锡分公司工会"));

    private static void assignCodes(Connection c) throws SQLException {
        for (Map.Entry<String, String> e : CODES.entrySet()) {
            AccountStore.setOrganisationCode(c, e.getValue(), e.getKey());
        }
    }
}
