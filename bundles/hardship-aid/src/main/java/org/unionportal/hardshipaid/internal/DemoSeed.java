package org.unionportal.hardshipaid.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.ClusterCoordination;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.demo.DemoMode;
import org.unionportal.api.demo.DemoOrganisations;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.FileLevel;
import org.unionportal.hardshipaid.internal.rules.HistoryStep;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm.MemberForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm.SchoolingForm;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.rules.Relation;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore;

/**
 * Demo data (only in demo mode, only into an empty registry): households of the demo city on file since two years,
 * among them the example of a special-hardship family with a university student and a primary pupil
 * (3,000 + 1,000 per school year), an application waiting for review, a re-check falling due, and medical costs
 * that pass the safety-net threshold. No batch is seeded: generating one is the demo.
 */
@Component(immediate = true, service = {})
public class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private static final String BY = "operator";

    @Activate
    public DemoSeed(@Reference DemoMode demo, @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
                    @Reference OrganisationDirectory organisations, @Reference ClusterCoordination cluster) {
        if (!demo.enabled()) {
            return;
        }
        OrganisationInfo kindergarten = organisations.byCode(DemoOrganisations.LIANGXI_KINDERGARTEN).orElse(null);
        OrganisationInfo sanitation = organisations.byCode(DemoOrganisations.LIANGXI_SANITATION).orElse(null);
        OrganisationInfo softwarePark = organisations.byCode(DemoOrganisations.BINHU_SOFTWARE_PARK).orElse(null);
        if (kindergarten == null || sanitation == null || softwarePark == null) {
            return;   // not the demo union tree
        }
        db.inTransaction(c -> {
            cluster.lockUntilCommit(c, "hardship-aid.demo-seed"); // nodes started together seed once
            if (!HouseholdStore.isEmpty(c)) {
                return null;
            }
            seed(c, kindergarten, sanitation, softwarePark);
            LOG.info("Hardship aid: seeded the demo households");
            return null;
        });
    }

    static void seed(Connection c, OrganisationInfo kindergarten, OrganisationInfo sanitation, OrganisationInfo softwarePark)
            throws SQLException {
        LocalDate today = PortalTime.SYSTEM.today();
        int schoolYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        LocalDate since = today.minusYears(2).withDayOfMonth(1);

        long wang = onFile(c, sanitation, form(sanitation, List.of("ILLNESS", "EDUCATION"), "妻子患尿毒症，每周透析三次", "SPECIAL",
                "BANK", "AX00010001",
                member("王建国", id(1978, 5, 6, 1), "SELF", 320_000, null, "环卫工", null),
                member("李秀英", id(1980, 3, 12, 2), "SPOUSE", 0, "尿毒症（血液透析）", "无业", null),
                member("王小燕", id(2006, 9, 1, 3), "CHILD", 0, null, "学生",
                        new SchoolingForm(schoolYear, "UNIVERSITY", "南京大学", today.getYear() == schoolYear, true, 14_000L, 14_000L)),
                member("王小明", id(2017, 4, 20, 4), "CHILD", 0, null, "学生",
                        new SchoolingForm(schoolYear, "PRIMARY", "梁溪区实验小学", false, false, null, null))),
                "SPECIAL", since, today.plusDays(20), "TK" + since.getYear() + "-00001");
        onFile(c, kindergarten, form(kindergarten, List.of("DISABILITY", "SINGLE_PARENT"), "本人肢体二级残疾，单亲抚养女儿", "SPECIAL",
                "LOVE_CARD", "AX00010002",
                member("陈桂芳", id(1983, 11, 2, 5), "SELF", 210_000, "肢体残疾二级", "保育员", null),
                member("陈思雨", id(2010, 6, 15, 6), "CHILD", 0, null, "学生",
                        new SchoolingForm(schoolYear, "SENIOR_HIGH", "无锡市第一中学", false, false, null, null))),
                "SPECIAL", since, today.plusMonths(5), "TK" + since.getYear() + "-00002");
        onFile(c, sanitation, form(sanitation, List.of("JOB_LOSS"), "企业关停后失业，现打零工", "HARDSHIP", "BANK", null,
                member("赵德明", id(1972, 1, 30, 7), "SELF", 180_000, null, "临时工", null),
                member("赵母", id(1948, 8, 8, 8), "PARENT", 90_000, "高血压、糖尿病", "退休", null)),
                "HARDSHIP", since, today.plusMonths(8), null);
        onFile(c, softwarePark, form(softwarePark, List.of("ILLNESS"), "本人胃癌术后化疗", "SPECIAL", "BANK", "AX00020001",
                member("刘海涛", id(1985, 7, 7, 9), "SELF", 150_000, "胃恶性肿瘤术后", "程序员（病休）", null)),
                "SPECIAL", since, today.plusMonths(10), "TK" + since.getYear() + "-00003");
        long applied = HouseholdStore.insert(c, form(kindergarten, List.of("ACCIDENT"), "丈夫工地意外受伤，长期卧床", "SPECIAL", "BANK",
                "AX00010003",
                member("孙丽", id(1988, 2, 14, 10), "SELF", 260_000, null, "厨师", null),
                member("周强", id(1986, 10, 1, 11), "SPOUSE", 0, "腰椎骨折后截瘫", "无业", null)), kindergarten, BY);
        HouseholdStore.history(c, applied, BY, HistoryStep.filed(Level.SPECIAL));
        // the three certificates above are the year's first three
        for (int i = 0; i < 3; i++) {
            HouseholdStore.nextCertificateNo(c, since.getYear());
        }
        // 李秀英's dialysis: well above the safety-net threshold after insurance (the Huai'an rule).
        long spouse = HouseholdStore.memberId(c, wang, Relation.SPOUSE).orElseThrow();
        LocalDate jan = LocalDate.of(today.getYear(), 1, 20);
        expense(c, wang, spouse, jan, "无锡市人民医院", 4_860_000, 3_650_000, "血液透析（上半年）");
        expense(c, wang, spouse, jan.plusMonths(6).isAfter(today) ? today : jan.plusMonths(6), "无锡市人民医院", 3_120_000, 2_350_000,
                "血液透析及住院");
    }

    private static long onFile(Connection c, OrganisationInfo org, HouseholdForm f, String level, LocalDate since, LocalDate review,
            String certificate) throws SQLException {
        long id = HouseholdStore.insert(c, f, org, BY);
        HouseholdStore.putOnFile(c, id, Level.valueOf(level), FileLevel.DISTRICT, certificate, since, review);
        HouseholdStore.setFiledAt(c, id, PortalTime.startOf(since));
        HouseholdStore.history(c, id, BY, HistoryStep.filed(null));
        HouseholdStore.history(c, id, "district", HistoryStep.approved(Level.valueOf(level), FileLevel.DISTRICT,
                "SPECIAL".equals(level) ? certificate : null, true, null));
        return id;
    }

    private static void expense(Connection c, long household, long member, LocalDate date, String hospital, long total, long reimbursed,
            String note) throws SQLException {
        SafetyNetStore.insertExpense(c, household, member, date, hospital, total, reimbursed, note, "district", PortalTime.SYSTEM.now());
    }

    private static HouseholdForm form(OrganisationInfo org, List<String> causes, String note, String level, String channel, String card,
            MemberForm... members) {
        return new HouseholdForm(org.id(), "无锡市" + org.name().substring(0, 3) + "演示路 " + members.length + " 号", "13912340000",
                causes, note, level, channel, "中国工商银行无锡分行", "62220203020" + String.format("%08d", Math.abs(members[0].name().hashCode()) % 100_000_000),
                card, List.of(members));
    }

    private static MemberForm member(String name, String id, String relation, long income, String health, String work, SchoolingForm s) {
        return new MemberForm(name, id, relation, income, health, work, s);
    }

    private static String id(int year, int month, int day, int seq) {
        return IdNumbers.of("320202", LocalDate.of(year, month, day), 100 + seq);
    }
}
