package org.unionportal.mutualaid.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.demo.DemoMode;
import org.unionportal.api.demo.DemoOrganisations;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.mutualaid.internal.service.EnrolmentService;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.roster.RosterRow;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.mutualaid.internal.service.ClaimAssessor;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.api.db.ClusterCoordination;
import org.unionportal.api.db.Jdbc;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.PayoutStore;
import org.unionportal.mutualaid.internal.rules.Payee;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/**
 * Demo data (only in demo mode, only into empty tables): the four plans of the seeds, members of
 * the demo city, and the seeds' claims, computed by the real rules: 王老师's 34,343 CNY, 虞师傅's
 * 12,100 CNY and 马先生's 30,000 CNY lump sum.
 */
@Component(immediate = true, service = {})
public class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private static final String BY = "demo";

    @Activate
    public DemoSeed(@Reference DemoMode demo, @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db,
                    @Reference OrganisationDirectory organisations, @Reference MemberRegistry registry,
                    @Reference ClusterCoordination cluster) {
        if (!demo.enabled()) {
            return;
        }
        db.inTransaction(c -> {
            cluster.lockUntilCommit(c, "mutual-aid.demo-seed"); // nodes started together seed once
            if (Jdbc.count(c, "SELECT COUNT(*) FROM MA_PLAN") > 0) {
                return null;
            }
            seed(c, organisations, registry);
            LOG.info("Mutual aid: seeded the demo plans, enrolments and claims");
            return null;
        });
    }

    /**
     * The demo's year: the cover year of the seeded claims. It is the year of the day 200 days ago,
     * so that the seeds' events (May to June of that year) lie in the past, after the waiting period,
     * whenever the demo is started.
     */
    public static int baseYear(LocalDate today) {
        return today.minusDays(200).getYear();
    }

    static void seed(Connection c, OrganisationDirectory organisations, MemberRegistry registry) throws SQLException {
        int b = baseYear(PortalTime.SYSTEM.today());
        LocalDate cover = LocalDate.of(b, 1, 1);
        // Enrolment windows of the current plans stay open for every "today" that has this base year.
        LocalDate openFrom = LocalDate.of(b, 7, 1);
        LocalDate openUntil = LocalDate.of(b + 1, 7, 31);
        // The three-in-one plan: version 1 covers year b; version 2, open for enrolment now, covers b + 1.
        Plan wuxi = insert(c, DemoPlans.wuxiThreeInOne(), LocalDate.of(b - 1, 11, 1), LocalDate.of(b - 1, 12, 31), cover);
        insert(c, DemoPlans.wuxiThreeInOne(), openFrom, openUntil, LocalDate.of(b + 1, 1, 1));
        Plan gig = insert(c, DemoPlans.wuxiGigWorkers(), LocalDate.of(b, 1, 1), openUntil, cover);
        Plan women = insert(c, DemoPlans.wuxiWomenThreeYear(), LocalDate.of(b - 2, 11, 1), LocalDate.of(b - 2, 12, 31),
                LocalDate.of(b - 1, 1, 1));
        Plan huaian = insert(c, DemoPlans.huaianFifty(), LocalDate.of(b - 1, 11, 1), openUntil, cover);

        OrganisationInfo kindergarten = org(organisations, DemoOrganisations.LIANGXI_KINDERGARTEN);
        OrganisationInfo courier = org(organisations, DemoOrganisations.SHUNDA_EXPRESS);
        OrganisationInfo factory = org(organisations, DemoOrganisations.XINWU_ELECTRONICS);

        RosterRow wang = row(1, "王丽华", "32020219800312004", "13961000001", "EMPLOYEE");
        RosterRow chen = row(2, "陈静", "32020219920715002", "13961000002", "EMPLOYEE");
        RosterRow zhou = row(3, "周敏", "32020219880101003", "13961000003", "EMPLOYEE");
        long teachers = enrol(c, registry, wuxi, cover, kindergarten, List.of(wang, chen, zhou));
        EnrolmentStore.setBatchStatus(c, teachers, "PENDING_PAYMENT", "ACTIVE");
        long womenBatch = enrol(c, registry, women, women.coverFrom(), kindergarten, List.of(chen, zhou));
        EnrolmentStore.setBatchStatus(c, womenBatch, "PENDING_PAYMENT", "ACTIVE");
        // 陈静 is the demo 'member' account's person: the core's demo register links them, so 我的保障 finds her.

        RosterRow yu = row(1, "虞建国", "32020319870520001", "13961000011", "GIG_WORKER");
        enrol(c, registry, gig, cover, courier, List.of(yu));
        RosterRow ma = row(1, "马志强", "32080319750909001", "13961000021", "EMPLOYEE");
        long factoryBatch = enrol(c, registry, huaian, cover, factory, List.of(ma));
        EnrolmentStore.setBatchStatus(c, factoryBatch, "PENDING_PAYMENT", "ACTIVE");

        // 王老师: lung cancer, 12 days in hospital -> 13,743 + 600 + 20,000 = 34,343 CNY, paid.
        paidClaim(c, wang.idNumber(), wuxi.code(), new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(b, 6, 1),
                LocalDate.of(b, 6, 1), LocalDate.of(b, 6, 13), "恶性肿瘤", null, 10_800_000, 6_200_000, 1_851_400),
                "无锡市人民医院", "肺恶性肿瘤 (lung cancer)");
        // 虞师傅: serious illness, 4 days -> 1,900 + 200 + 10,000 = 12,100 CNY, paid.
        paidClaim(c, yu.idNumber(), gig.code(), new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(b, 5, 10),
                LocalDate.of(b, 5, 10), LocalDate.of(b, 5, 14), "恶性肿瘤", null, 900_000, 520_000, 0),
                "无锡市第二人民医院", "恶性肿瘤");
        // 马先生: oesophageal cancer -> the special-disease payment of 30,000 CNY at once, approved.
        approvedClaim(c, ma.idNumber(), huaian.code(), new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(b, 6, 17),
                LocalDate.of(b, 6, 17), LocalDate.of(b, 6, 27), "食管恶性肿瘤", null, 4_500_000, 2_900_000, 0),
                "金湖县人民医院", "食管恶性肿瘤");
    }

    /** The people as members of their union in the register (on this transaction), then their enrolment. */
    private static long enrol(Connection c, MemberRegistry registry, Plan plan, LocalDate cover, OrganisationInfo org,
                              List<RosterRow> rows) throws SQLException {
        return EnrolmentStore.enrol(c, plan, cover, org, rows,
                registry.register(c, EnrolmentService.drafts(rows), org.id(), BY), BY).batchId();
    }

    private static Plan insert(Connection c, PlanTemplate t, LocalDate enrolFrom, LocalDate enrolUntil, LocalDate coverFrom)
            throws SQLException {
        Plan plan = new Plan(0, t.code(), 0, true, t.nameZh(), t.nameEn(), t.termYears(), t.feeFen(), t.feeBasis(), enrolFrom,
                enrolUntil, coverFrom, t.waitingDaysIllness(), new Plan.PlanRules(t.eligibility(), t.benefits()), t.descriptionZh());
        long id = PlanStore.insertVersion(c, plan, BY);
        return PlanStore.byId(c, id).orElseThrow();
    }

    private static OrganisationInfo org(OrganisationDirectory organisations, String code) {
        return organisations.byCode(code).orElseThrow(() -> new IllegalStateException("Demo organisation missing: " + code));
    }

    private static RosterRow row(int line, String name, String first17, String phone, String category) {
        String id = IdNumbers.withCheckDigit(first17);
        return new RosterRow(line, name, id, phone, IdNumbers.gender(id), category, true, true);
    }

    private static long claim(Connection c, String idNumber, String planCode, ClaimFacts facts, String hospital, String diagnosis)
            throws SQLException {
        long enrolmentId = Jdbc.one(c, "SELECT E.ID FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID "
                + "WHERE M.ID_NUMBER = ? AND E.PLAN_CODE = ?", rs -> rs.getLong(1), idNumber, planCode).orElseThrow();
        EnrolmentStore.EnrolmentView enrolment = EnrolmentStore.byId(c, enrolmentId, facts.eventDate()).orElseThrow();
        Assessment assessment = ClaimAssessor.assess(c, enrolment, facts, 0);
        // Demo accounts (收款账户): a test card number per member, never a real one.
        long id = ClaimStore.insert(c, enrolmentId, enrolment.memberId(), enrolment.orgPath(), facts, hospital, diagnosis,
                ClaimStatus.SUBMITTED, assessment, "operator",
                Payee.of("中国工商银行无锡分行", "62220203020" + idNumber.substring(9, 17)));
        ClaimStore.transition(c, id, List.of(ClaimStatus.SUBMITTED), ClaimStatus.APPROVED, assessment.totalFen(), assessment, null);
        ClaimStore.event(c, id, "district", "APPROVE", ClaimStatus.SUBMITTED, ClaimStatus.APPROVED,
                "amount " + assessment.totalFen() + " fen");
        return id;
    }

    private static void approvedClaim(Connection c, String idNumber, String planCode, ClaimFacts facts, String hospital,
                                      String diagnosis) throws SQLException {
        claim(c, idNumber, planCode, facts, hospital, diagnosis);
    }

    private static void paidClaim(Connection c, String idNumber, String planCode, ClaimFacts facts, String hospital,
                                  String diagnosis) throws SQLException {
        long id = claim(c, idNumber, planCode, facts, hospital, diagnosis);
        Claim claim = ClaimStore.byId(c, id).orElseThrow();
        // Made by the district, approved by the city, paid by the bank: the whole way, as a real batch goes.
        long batch = PayoutStore.insertBatch(c, claim.orgPath(), 1, claim.approvedFen(), "district", java.time.Instant.now());
        PayoutStore.addLine(c, batch, new PayoutStore.Payable(id, claim.approvedFen(), claim.memberId(), claim.memberName(),
                claim.idNumber(), claim.orgPath(), claim.payeeBank(), claim.payeeAccount(), claim.planNameZh(), claim.planNameEn()));
        ClaimStore.event(c, id, "district", "PAYOUT", ClaimStatus.APPROVED, ClaimStatus.IN_PAYMENT, "payout batch " + batch);
        PayoutStore.approve(c, batch, "checker", java.time.Instant.now());
        java.time.LocalDate today = org.unionportal.api.time.PortalTime.SYSTEM.today();
        PayoutStore.paid(c, batch, id, today);
        PayoutStore.close(c, batch, "district", java.time.Instant.now(), today);
        ClaimStore.event(c, id, "district", "PAY", ClaimStatus.IN_PAYMENT, ClaimStatus.PAID, "payout batch " + batch + "; paid on " + today);
    }
}
