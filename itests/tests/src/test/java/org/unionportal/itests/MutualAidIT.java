package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mutual-aid module on the built distribution: the seeds' cases from demo data, a plan made by
 * the administrator, a roster previewed and confirmed, claims filed, reviewed and paid, bad input,
 * concurrent approvals that never overpay, tenancy, and data kept across uninstall and install.
 */
@ExtendWith(SharedPortal.class)
class MutualAidIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";
    private static final ZoneId SHANGHAI = MutualAidData.SHANGHAI;
    private static Distribution portal;
    private static Api api;

    @RegisterExtension
    static final ModuleForClass MODULE = ModuleForClass.of(FEATURE, PROBE);

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    @Test
    void demoDataReproducesTheSeedsCases() {
        String admin = api.login("admin");
        List<String> codes = texts(api.get("/api/mutual-aid/plans", admin).expect(200).json(), "code");
        assertTrue(codes.containsAll(List.of("WX-3IN1", "WX-XINBAO", "WX-WOMEN3", "HA-50")), () -> "plans: " + codes);
        JsonNode claims = api.get("/api/mutual-aid/claims?size=500", admin).expect(200).json().path("items");
        assertEquals(3_434_300, approvedOf(claims, "王丽华"), "王老师: 13,743 + 600 + 20,000 = 34,343 CNY");
        assertEquals(1_210_000, approvedOf(claims, "虞建国"), "虞师傅: 12,100 CNY");
        assertEquals(3_000_000, approvedOf(claims, "马志强"), "马先生: 30,000 CNY at once");
        JsonNode wang = find(claims, "memberName", "王丽华");
        assertEquals("PAID", wang.path("status").asText());
        assertTrue(wang.path("idNumber").asText().contains("*"), () -> "ID number not masked: " + wang);

        // The same figures from the module's shell commands.
        String plans = portal.shell("mutual-aid:plans");
        assertTrue(plans.contains("WX-3IN1") && plans.contains("HA-50"), () -> "mutual-aid:plans printed: " + plans);
        String paid = portal.shell("mutual-aid:claims -s PAID --lang en");
        assertTrue(paid.contains("王丽华") && paid.contains("34343.00") && !paid.contains("Submitted")
                && !paid.contains("Under review"), () -> "mutual-aid:claims -s PAID printed: " + paid);
        assertTrue(paid.contains("**********"), () -> "ID numbers not masked in the shell: " + paid);
        // One language per run, chosen by --lang: Chinese headers and labels, or English ones.
        String paidZh = portal.shell("mutual-aid:claims -s PAID --lang zh");
        assertTrue(paidZh.contains("已支付") && paidZh.contains("核准金额") && !paidZh.contains("Paid"),
                () -> "mutual-aid:claims --lang zh printed: " + paidZh);
        assertTrue(paid.contains("Paid") && paid.contains("Approved (CNY)") && !paid.contains("已支付"),
                () -> "mutual-aid:claims --lang en printed: " + paid);
    }

    @Test
    void rosterIsPreviewedWithEveryProblemAndWrittenOnlyWhenConfirmed() {
        String admin = api.login("admin");
        String operator = api.login("operator");
        long planId = openPlan(admin, "ROSTER");
        String good1 = idNumber(1990, 'F');
        String good2 = idNumber(1985, 'M');
        String bad = good1.substring(0, 17) + (good1.charAt(17) == '1' ? '2' : '1');
        String csv = header()
                + "李娜," + good1 + ",13912345678,女,在职职工,是,是\n"
                + "张伟," + good2 + ",13912345679,男,在职职工,是,是\n"
                + "错号," + bad + ",13912345670,女,在职职工,是,是\n"
                + "重复," + good1 + ",13912345671,女,在职职工,是,是\n"
                + "坏电话," + idNumber(1991, 'M') + ",12345,男,在职职工,是,是\n"
                + "性别," + idNumber(1992, 'M') + ",13912345672,女,在职职工,是,是\n";
        JsonNode preview = upload(operator, planId, "bad.csv", csv).expect(201).json();
        assertEquals(6, preview.path("rows").asInt());
        assertFalse(preview.path("canConfirm").asBoolean());
        List<String> problems = StreamSupport.stream(preview.path("problems").spliterator(), false)
                .map(p -> p.path("line").asInt() + ":" + p.path("field").asText()).toList();
        assertTrue(problems.contains("4:idNumber"), () -> "check digit not caught: " + problems);
        assertTrue(problems.contains("5:idNumber") && problems.contains("2:idNumber"), () -> "duplicate not caught on both lines: " + problems);
        assertTrue(problems.contains("6:phone"), () -> "phone not caught: " + problems);
        assertTrue(problems.contains("7:gender"), () -> "gender mismatch not caught: " + problems);
        long before = enrolmentCount(admin);
        JsonNode refused = api.post("/api/mutual-aid/enrolments/uploads/" + preview.path("uploadId").asLong() + "/confirm",
                operator, null).expectProblem(422);
        assertTrue(refused.path("errors").size() >= 5, () -> "confirm of a bad roster: " + refused);
        assertEquals(before, enrolmentCount(admin), "a refused roster wrote enrolments");

        String goodCsv = header() + "李娜," + good1 + ",13912345678,女,在职职工,是,是\n"
                + "张伟," + good2 + ",139-1234-5679,男,EMPLOYEE,yes,1\n";
        JsonNode ok = upload(operator, planId, "good.csv", goodCsv).expect(201).json();
        assertTrue(ok.path("canConfirm").asBoolean(), () -> "good roster: " + ok);
        assertEquals(0, ok.path("feeTotalFen").asLong(), "the test plan is free");
        long uploadId = ok.path("uploadId").asLong();
        JsonNode batch = api.post("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm", operator, null).expect(201).json();
        assertEquals(2, batch.path("persons").asInt());
        assertEquals(before + 2, enrolmentCount(admin));
        api.post("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm", operator, null).expectProblem(409);
        // The confirmed roster is in its district's audit trail under the operator's name; another district sees nothing of it.
        String batchAudit = "/api/portal/audit?module=mutual-aid&recordType=enrolment-batch&recordId=" + batch.path("batchId").asLong();
        JsonNode audited = api.get(batchAudit, api.login("district")).expect(200).json();
        assertEquals(1, audited.path("total").asLong(), () -> "audit of the batch: " + audited);
        JsonNode entry = audited.path("items").get(0);
        assertEquals("CREATE", entry.path("action").asText(), () -> "audit entry: " + entry);
        assertEquals("operator", entry.path("username").asText(), () -> "audit entry: " + entry);
        assertEquals(2, entry.path("after").path("persons").asInt(), () -> "audit entry: " + entry);
        assertEquals(uploadId, entry.path("after").path("uploadId").asLong(), () -> "audit entry: " + entry);
        assertEquals(0, api.get(batchAudit, api.login("district2")).expect(200).json().path("total").asLong(),
                "another district reads this district's audit trail");
        // the register keeps one entry for the roster's new people (not one each), naming the roster
        JsonNode registrations = api.get("/api/portal/audit?module=portal&recordType=member-registration&user=operator&size=100",
                api.login("district")).expect(200).json();
        JsonNode registration = StreamSupport.stream(registrations.path("items").spliterator(), false)
                .filter(r -> r.path("after").path("batchId").asLong() == batch.path("batchId").asLong()).findFirst()
                .orElseThrow(() -> new AssertionError("no register entry for the roster: " + registrations));
        assertEquals(2, registration.path("after").path("newMembers").asInt(), registration::toString);
        assertEquals("good.csv", registration.path("after").path("fileName").asText(), registration::toString);
        JsonNode again = upload(operator, planId, "again.csv", goodCsv).expect(201).json();
        assertEquals(2, again.path("problemCount").asInt(), () -> "enrolled twice for the same term: " + again);

        // Another district's operator sees none of it; a member may not upload at all.
        String operator2 = api.login("operator2");
        JsonNode theirs = api.get("/api/mutual-aid/enrolments/batches", operator2).expect(200).json();
        assertTrue(StreamSupport.stream(theirs.spliterator(), false).noneMatch(b -> b.path("id").asLong() == batch.path("batchId").asLong()),
                () -> "operator2 sees 梁溪's batch: " + theirs);
        upload(api.login("member"), planId, "x.csv", goodCsv).expectProblem(403);
    }

    @Test
    void eligibilityReasonsHaveTheirCodeAndOneLanguage() {
        String admin = api.login("admin");
        Map<String, Object> plan = new java.util.LinkedHashMap<>(MutualAidData.openPlan("ELIGIBLE"));
        plan.put("eligibility", Map.of("inServiceRequired", true, "basicInsuranceRequired", true, "unionMemberRequired", true,
                "womenOnly", false, "categories", List.of()));
        long planId = api.post("/api/mutual-aid/plans", admin, plan).expect(201).json().path("id").asLong();
        String csv = header() + "李娜," + idNumber(1990, 'F') + ",13912345678,女,在职职工,是,否\n";
        String operator = api.login("operator");
        JsonNode zh = upload(operator, planId, "eligible.csv", csv).expect(201).json().path("problems");
        assertEquals(1, zh.size(), () -> "problems: " + zh);
        assertEquals("not_union_member", zh.get(0).path("code").asText(), () -> "problems: " + zh);
        assertEquals("eligibility", zh.get(0).path("field").asText());
        assertEquals("非工会会员", zh.get(0).path("message").asText());
        JsonNode en = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=eligible.csv", operator,
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream", "Accept-Language", "en"))
                .expect(201).json().path("problems");
        assertEquals("not_union_member", en.get(0).path("code").asText(), () -> "problems: " + en);
        assertEquals("Not a union member", en.get(0).path("message").asText());
    }

    @Test
    void claimGoesFromFilingThroughReviewToPayment() {
        String member = api.login("member");
        String district = api.login("district");
        String admin = api.login("admin");
        JsonNode me = api.get("/api/mutual-aid/me", member).expect(200).json();
        assertTrue(me.path("enrolled").asBoolean());
        JsonNode enrolment = demoCover(me, "WX-3IN1");
        int year = LocalDate.parse(enrolment.path("coverStart").asText()).getYear();
        Map<String, Object> claim = claim(enrolment.path("id").asLong(), LocalDate.of(year, 7, 5), 5, 2_000_000, 1_200_000);
        String queue = "/api/mutual-aid/claims?status=SUBMITTED&size=5";
        long queued = api.get(queue, district).expect(200).json().path("total").asLong();
        api.get(queue, district).expect(200); // read twice: the page is now kept in memory
        JsonNode filed = api.post("/api/mutual-aid/claims", member, claim).expect(201).json();
        long id = filed.path("id").asLong();
        // The kept page gives way to the write at once: the new claim heads the queue, summarised for a list.
        JsonNode page = api.get(queue, district).expect(200).json();
        assertEquals(queued + 1, page.path("total").asLong());
        JsonNode head = page.path("items").get(0);
        assertEquals(id, head.path("id").asLong(), () -> "queue after filing: " + page);
        assertTrue(head.path("idNumber").asText().contains("*") && head.path("diagnosis").isMissingNode()
                && head.path("assessment").isMissingNode(), () -> "a list shows too much: " + head);
        assertEquals("SUBMITTED", filed.path("status").asText());
        // (20,000 - 12,000) x 50 % = 4,000 medical + 5 days x 50 consolation = 4,250 CNY.
        assertEquals(425_000, filed.path("computedFen").asLong(), () -> "assessment: " + filed.path("assessment"));
        assertTrue(filed.path("assessment").path("lines").get(0).path("explanationZh").asText().contains("× 50%"));
        api.post("/api/mutual-aid/claims", member, claim).expectProblem(409); // the same stay twice

        decide(district, id, Map.of("action", "START_REVIEW")).expect(200);
        assertEquals(queued, api.get(queue, district).expect(200).json().path("total").asLong(), "the queue after the review began");
        // More than the rules allow: a stable code, and each page reads the limit in yuan in its own language only.
        JsonNode tooMuch = decide(district, id, Map.of("action", "APPROVE", "amountFen", 500_000)).expectProblem(422).path("errors").get(0);
        assertEquals("amount_out_of_range", tooMuch.path("code").asText(), () -> "problem: " + tooMuch);
        String zh = tooMuch.path("message").asText();
        assertTrue(zh.contains("4250.00 元") && !zh.matches("(?s).*[A-Za-z]{3,}.*"), () -> "the Chinese message: " + zh);
        String en = api.send("POST", "/api/mutual-aid/claims/" + id + "/decision", district, Map.of("action", "APPROVE", "amountFen", 500_000),
                Map.of("Accept-Language", "en")).expectProblem(422).path("errors").get(0).path("message").asText();
        assertTrue(en.contains("4250.00 yuan") && en.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                () -> "the English message: " + en);
        decide(district, id, Map.of("action", "APPROVE", "amountFen", 400_000)).expectProblem(422); // lower needs a reason
        JsonNode approved = decide(district, id, Map.of("action", "APPROVE")).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText());
        assertEquals(425_000, approved.path("approvedFen").asLong());
        decide(district, id, Map.of("action", "REJECT", "reason", "x")).expectProblem(409);

        // The account (收款账户) is added after filing; the member sees it masked.
        JsonNode withAccount = api.send("PUT", "/api/mutual-aid/claims/" + id + "/payee", member,
                Map.of("bankName", "中国工商银行无锡分行", "bankAccount", "6222 0203 0200 1234 567"), Map.of()).expect(200).json();
        assertEquals("***************4567", withAccount.path("payeeAccount").asText());

        secondPerson("on");
        try {
            // The proposal changes nothing: the claim is still approved.
            JsonNode proposal = api.get("/api/mutual-aid/payouts/proposal", district).expect(200).json();
            assertTrue(proposal.path("secondPersonRequired").asBoolean());
            List<Long> ids = StreamSupport.stream(proposal.path("claims").spliterator(), false).map(c -> c.path("claimId").asLong()).toList();
            assertTrue(ids.contains(id), () -> "proposal: " + proposal);
            assertEquals("APPROVED", api.get("/api/mutual-aid/claims/" + id, member).expect(200).json().path("status").asText());

            JsonNode batch = api.post("/api/mutual-aid/payouts", district, Map.of("claimIds", ids)).expect(201).json();
            long batchId = batch.path("id").asLong();
            assertEquals("DRAFT", batch.path("status").asText());
            assertEquals(proposal.path("totalFen").asLong(), batch.path("totalFen").asLong());
            assertEquals("IN_PAYMENT", api.get("/api/mutual-aid/claims/" + id, member).expect(200).json().path("status").asText());
            api.post("/api/mutual-aid/payouts", district, Map.of("claimIds", ids)).expectProblem(409); // already in a batch
            api.send("GET", "/api/mutual-aid/payouts/" + batchId + "/bank-file", district, null, Map.of("Accept", "text/csv"))
                    .expectProblem(409); // no bank file before approval

            // Maker-checker: the maker is refused, with a code and one language per page; the city's admin approves.
            JsonNode refused = api.post("/api/mutual-aid/payouts/" + batchId + "/approve", district, null).expectProblem(403);
            assertEquals("second_person_needed", refused.path("code").asText(), () -> "problem: " + refused);
            String refusedZh = refused.path("detail").asText();
            assertTrue(refusedZh.contains("另一位") && !refusedZh.matches("(?s).*[A-Za-z]{3,}.*"), () -> "the Chinese message: " + refused);
            JsonNode refusedEn = api.send("POST", "/api/mutual-aid/payouts/" + batchId + "/approve", district, null,
                    Map.of("Accept-Language", "en")).expectProblem(403);
            String refusedEnText = refusedEn.path("detail").asText();
            assertTrue(refusedEnText.contains("someone else") && refusedEnText.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp)
                    == Character.UnicodeScript.HAN), () -> "the English message: " + refusedEn);
            api.post("/api/mutual-aid/payouts/" + batchId + "/approve", api.login("district2"), null).expectProblem(404);
            assertEquals("APPROVED", api.post("/api/mutual-aid/payouts/" + batchId + "/approve", admin, null).expect(200).json()
                    .path("status").asText());

            Api.Reply file = api.send("GET", "/api/mutual-aid/payouts/" + batchId + "/bank-file", district, null,
                    Map.of("Accept", "text/csv")).expect(200);
            assertTrue(file.body().contains("陈静") && file.body().contains("4250.00") && file.body().contains("6222020302001234567"),
                    () -> "bank file: " + file.body());
            assertEquals("private, no-store", file.header("Cache-Control").orElse(""), "full accounts kept by a cache");
            assertEquals("IN_PAYMENT", api.get("/api/mutual-aid/claims/" + id, member).expect(200).json().path("status").asText(),
                    "a bank file pays nothing");

            // The bank's result: this claim paid, every other claim of the batch failed (back to approved with the reason).
            String today = LocalDate.now(SHANGHAI).toString();
            List<Map<String, Object>> failed = ids.stream().filter(other -> other != id)
                    .map(other -> Map.<String, Object>of("claimId", other, "reason", "账户已销户")).toList();
            api.post("/api/mutual-aid/payouts/" + batchId + "/result", district, Map.of("paidOn", today,
                    "failed", List.of(Map.of("claimId", id, "reason", " ")))).expectProblem(422);
            JsonNode closed = api.post("/api/mutual-aid/payouts/" + batchId + "/result", district,
                    Map.of("paidOn", today, "failed", failed)).expect(200).json();
            assertEquals("CLOSED", closed.path("status").asText());
            api.post("/api/mutual-aid/payouts/" + batchId + "/result", district, Map.of("paidOn", today, "failed", List.of()))
                    .expectProblem(409);
            for (Map<String, Object> f : failed) {
                JsonNode back = api.get("/api/mutual-aid/claims/" + f.get("claimId"), admin).expect(200).json();
                assertEquals("APPROVED", back.path("status").asText());
                assertEquals("账户已销户", back.path("paymentFailure").asText());
            }
            String audit = "/api/portal/audit?module=mutual-aid&recordType=payout-batch&recordId=" + batchId;
            List<String> steps = texts(api.get(audit, admin).expect(200).json().path("items"), "action");
            assertTrue(steps.containsAll(List.of("CREATE", "APPROVE", "EXPORT_BANK_FILE", "RESULT")), () -> "audited: " + steps);
        } finally {
            secondPerson("auto");
        }
        JsonNode paid = api.get("/api/mutual-aid/claims/" + id, member).expect(200).json();
        assertEquals("PAID", paid.path("status").asText());
        assertEquals(LocalDate.now(SHANGHAI).toString(), paid.path("paidOn").asText());
        List<String> steps = texts(paid.path("history"), "action");
        assertEquals(List.of("FILE", "START_REVIEW", "APPROVE", "PAYEE", "PAYOUT", "PAY"), steps);
        // Another district cannot see it, by id or in its list.
        String district2 = api.login("district2");
        api.get("/api/mutual-aid/claims/" + id, district2).expectProblem(404);
        decide(district2, id, Map.of("action", "REJECT", "reason", "x")).expectProblem(404);
    }

    @Test
    void listsExportAsCsvAndXlsxAndLastPeriodRenewsInOneStep() {
        String admin = api.login("admin");
        Api.Reply csv = api.send("GET", "/api/mutual-aid/claims/export?format=csv", admin, null, Map.of("Accept", "text/csv"))
                .expect(200);
        assertTrue(csv.body().startsWith("\uFEFF理赔编号") && csv.body().contains("王丽华") && csv.body().contains("34343.00"),
                () -> "claims CSV: " + csv.body());
        assertFalse(csv.body().contains("肺恶性肿瘤"), "diagnoses must not leave in exports");
        assertEquals("private, no-store", csv.header("Cache-Control").orElse(""), "personal data kept by a cache");
        Api.Reply xlsx = api.send("GET", "/api/mutual-aid/enrolments/export?format=xlsx", admin, null,
                Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).expect(200);
        assertTrue(xlsx.body().startsWith("PK"), "an XLSX file is a zip");
        api.send("GET", "/api/mutual-aid/enrolments/export?format=pdf", admin, null, Map.of("Accept", "text/csv")).expectProblem(400);

        // The kindergarten's group enrolment of last period renews into the plan's current version.
        String operator = api.login("operator");
        JsonNode batches = api.get("/api/mutual-aid/enrolments/batches", operator).expect(200).json();
        JsonNode teachers = StreamSupport.stream(batches.spliterator(), false)
                .filter(b -> "WX-3IN1".equals(b.path("planCode").asText()) && b.path("personCount").asInt() == 3)
                .findFirst().orElseThrow(() -> new AssertionError("no demo WX-3IN1 batch: " + batches));
        JsonNode renewed = api.post("/api/mutual-aid/enrolments/batches/" + teachers.path("id").asLong() + "/renew", operator, null)
                .expect(201).json();
        assertEquals(3, renewed.path("persons").asInt());
        assertEquals(36_000, renewed.path("feeTotalFen").asLong(), "3 persons x 120 CNY");
        api.post("/api/mutual-aid/enrolments/batches/" + teachers.path("id").asLong() + "/renew", operator, null).expectProblem(422);
    }

    @Test
    void settlementsPrepareDraftClaimsOnceAndTheyAreSubmitted() {
        String admin = api.login("admin");
        String operator = api.login("operator");
        long planId = openPlan(admin, "SETTLE");
        String id = idNumber(1983, 'F');
        JsonNode ok = upload(operator, planId, "s.csv", header() + "赵敏," + id + ",13900000002,女,在职职工,是,是\n").expect(201).json();
        api.post("/api/mutual-aid/enrolments/uploads/" + ok.path("uploadId").asLong() + "/confirm", operator, null).expect(201);
        LocalDate in = MutualAidData.today().minusDays(30);
        String csv = "身份证号,入院日期,出院日期,医院,医疗总费用,基本医保支付,诊断\n"
                + id + "," + in + "," + in.plusDays(4) + ",无锡市第二人民医院,8000.00,3000.00,阑尾炎\n"
                + idNumber(1970, 'M') + "," + in + "," + in.plusDays(2) + ",无锡市人民医院,1000,500,\n"
                + id + ",2026-13-01," + in + ",无锡市人民医院,1000,500,\n";
        JsonNode result = settlements(admin, csv).expect(200).json();
        assertEquals(1, result.path("draftClaims").asInt(), () -> "import: " + result);
        assertEquals(1, result.path("notCovered").asInt(), () -> "import: " + result);
        assertEquals(1, result.path("problems").size(), () -> "import: " + result);
        JsonNode again = settlements(admin, csv).expect(200).json();
        assertEquals(0, again.path("draftClaims").asInt(), () -> "a second import prepared drafts again: " + again);
        assertEquals(1, again.path("alreadyClaimed").asInt());
        settlements(operator, csv).expectProblem(403);
        settlements(admin, "姓名,金额\n张三,1\n").expectProblem(422);

        JsonNode draft = find(api.get("/api/mutual-aid/claims?status=DRAFT&size=500", admin).expect(200).json().path("items"),
                "memberName", "赵敏");
        // (8,000 - 3,000) x 50 % = 2,500 CNY, computed by the plan's rules.
        assertEquals(250_000, draft.path("computedFen").asLong(), () -> "draft: " + draft);
        long draftId = draft.path("id").asLong();
        decide(api.login("district"), draftId, Map.of("action", "APPROVE")).expectProblem(409); // a draft is not a claim yet
        JsonNode submitted = decide(operator, draftId, Map.of("action", "SUBMIT")).expect(200).json();
        assertEquals("SUBMITTED", submitted.path("status").asText());
        assertEquals(List.of("FILE", "SUBMIT"), texts(submitted.path("history"), "action"));

        // The member is reminded once, by the outbox, masked in every list; the default sender logs it.
        JsonNode reminder = Await.until("the draft's reminder to be sent", Duration.ofSeconds(30),
                () -> reminders(admin, "DRAFT_CLAIM"), list -> list.stream().anyMatch(r -> r.path("message").asText().contains("赵敏")
                        && "SENT".equals(r.path("status").asText()))).stream()
                .filter(r -> r.path("message").asText().contains("赵敏")).findFirst().orElseThrow();
        assertEquals("139****0002", reminder.path("phone").asText());
        assertEquals("log", reminder.path("sender").asText());
        assertEquals(1, reminders(admin, "DRAFT_CLAIM").stream().filter(r -> r.path("message").asText().contains("赵敏")).count(),
                "a second import must not remind twice");
        api.get("/api/portal/notifications?module=mutual-aid", api.login("member")).expectProblem(403);

        // Returned for documents: one reminder per return.
        String district = api.login("district");
        decide(district, draftId, Map.of("action", "RETURN", "reason", "请补充出院小结")).expect(200);
        decide(operator, draftId, Map.of("action", "RESUBMIT")).expect(200);
        decide(district, draftId, Map.of("action", "RETURN", "reason", "出院小结不清晰")).expect(200);
        List<JsonNode> returned = reminders(admin, "CLAIM_RETURNED").stream()
                .filter(r -> r.path("message").asText().contains("编号 " + draftId)).toList();
        assertEquals(2, returned.size(), () -> "reminders for two returns: " + returned);
    }

    @Test
    void staffLinkAnInsuredPersonToTheMembersAccountOnly() {
        String operator = api.login("operator");
        // The demo's 陈静 and 王丽华, members of the kindergarten's union in the register; 'member' is 陈静's account.
        long chen = memberId(operator, MutualAidData.withCheckDigit("32020219920715002"));
        long wang = memberId(operator, MutualAidData.withCheckDigit("32020219800312004"));
        JsonNode linked = link(operator, chen, "member").expect(200).json();
        assertEquals("陈静", linked.path("name").asText());
        assertEquals("member", linked.path("account").asText());
        assertEquals("username", link(operator, chen, "operator").expectProblem(422).path("errors").get(0).path("field").asText());
        assertEquals("account_linked_elsewhere", link(operator, wang, "member").expectProblem(409).path("code").asText());
        link(api.login("district2"), chen, "member").expectProblem(404);
        link(api.login("member"), chen, "member").expectProblem(403);
        assertTrue(api.get("/api/mutual-aid/me", api.login("member")).expect(200).json().path("enrolled").asBoolean());
        // the module's own link endpoint is gone: the register links accounts
        assertEquals(404, api.post("/api/mutual-aid/members/link", operator, Map.of("idNumber", "x", "username", "member")).status());
    }

    private static long memberId(String token, String idNumber) {
        JsonNode items = api.get("/api/portal/members?q=" + idNumber, token).expect(200).json().path("items");
        assertEquals(1, items.size(), () -> "register search for " + idNumber + ": " + items);
        return items.get(0).path("id").asLong();
    }

    private static Api.Reply link(String token, long memberId, String username) {
        return api.put("/api/portal/members/" + memberId + "/account", token, Map.of("username", username));
    }

    @Test
    void theWebConsoleShowsTheModulesFigures() {
        Api.Reply reply = api.basic("GET", "/system/console/union-status.json", "admin", Distribution.PASSWORD, null, Map.of()).expect(200);
        JsonNode module = null;
        for (JsonNode m : reply.json().path("modules")) {
            if ("mutual-aid".equals(m.path("id").asText())) {
                module = m;
            }
        }
        assertNotNull(module, () -> "module status: " + reply.body());
        Map<String, Long> figures = new java.util.HashMap<>();
        module.path("figures").forEach(f -> figures.put(f.path("code").asText(), f.path("value").asLong()));
        long claims = figures.entrySet().stream().filter(e -> e.getKey().startsWith("claims.") && !e.getKey().endsWith("Fen"))
                .mapToLong(Map.Entry::getValue).sum();
        assertTrue(claims >= 3, () -> "console figures: " + figures);
        assertTrue(figures.getOrDefault("plans.current", 0L) >= 4, () -> "console figures: " + figures);
        assertFalse(reply.body().matches("(?s).*1[3-9]\\d{9}.*"), "a full phone number in the console figures");
        assertEquals(401, api.basic("GET", "/system/console/union-status.json", "member", Distribution.PASSWORD, null, Map.of()).status());
    }

    @Test
    void documentsAreCheckedByContentAndShownOnlyToThoseWhoMaySeeTheClaim() {
        String member = api.login("member");
        JsonNode enrolment = demoCover(api.get("/api/mutual-aid/me", member).expect(200).json(), "WX-3IN1");
        int year = LocalDate.parse(enrolment.path("coverStart").asText()).getYear();
        long claimId = api.post("/api/mutual-aid/claims", member,
                claim(enrolment.path("id").asLong(), LocalDate.of(year, 7, 15), 2, 300_000, 100_000)).expect(201).json()
                .path("id").asLong();
        byte[] pdf = "%PDF-1.4\n% 出院小结 discharge summary\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String path = "/api/mutual-aid/claims/" + claimId + "/documents";
        JsonNode doc = api.send("POST", path + "?fileName=" + java.net.URLEncoder.encode("../../出院小结.pdf", StandardCharsets.UTF_8), member, pdf,
                Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertEquals("出院小结.pdf", doc.path("fileName").asText(), "the path part of the name must be dropped");
        assertEquals("application/pdf", doc.path("contentType").asText());
        api.send("POST", path + "?fileName=x.pdf", member, "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/octet-stream")).expectProblem(415);
        assertEquals(1, api.get(path, member).expect(200).json().size());
        Api.Reply download = api.send("GET", path + "/" + doc.path("id").asLong(), api.login("district"), null, Map.of("Accept", "*/*"))
                .expect(200);
        assertTrue(download.body().contains("discharge summary"), () -> "download: " + download);
        assertEquals("nosniff", download.header("X-Content-Type-Options").orElse(""));
        for (String outsider : List.of("district2", "operator2")) {
            String token = api.login(outsider);
            api.get(path, token).expectProblem(404);
            api.send("GET", path + "/" + doc.path("id").asLong(), token, null, Map.of("Accept", "*/*")).expectProblem(404);
        }
    }

    @Test
    void badClaimsGetFieldLevelAnswers() {
        String member = api.login("member");
        long enrolmentId = demoCover(api.get("/api/mutual-aid/me", member).expect(200).json(), "WX-3IN1").path("id").asLong();
        Map<String, Object> backwards = claim(enrolmentId, LocalDate.now(SHANGHAI).minusDays(20), 3, 100_000, 0);
        backwards.put("dischargeDate", LocalDate.now(SHANGHAI).minusDays(30).toString());
        JsonNode invalid = api.post("/api/mutual-aid/claims", member, backwards).expectProblem(422);
        assertEquals("facts", invalid.path("errors").get(0).path("field").asText());
        Map<String, Object> future = claim(enrolmentId, LocalDate.now(SHANGHAI).plusDays(3), 1, 100_000, 0);
        assertEquals("eventDate", api.post("/api/mutual-aid/claims", member, future).expectProblem(422)
                .path("errors").get(0).path("field").asText());
        api.post("/api/mutual-aid/claims", member, "{\"enrolmentId\":\"x\"}").expectProblem(400);
        api.post("/api/mutual-aid/claims", member, claim(999_999, LocalDate.now(SHANGHAI).minusDays(5), 1, 1, 0))
                .expectProblem(404);
        // Someone else's enrolment: the member may only claim on their own.
        JsonNode others = api.get("/api/mutual-aid/enrolments?size=500", api.login("admin")).expect(200).json().path("items");
        long foreign = find(others, "memberName", "王丽华").path("id").asLong();
        api.post("/api/mutual-aid/claims", member, claim(foreign, LocalDate.now(SHANGHAI).minusDays(5), 1, 1, 0)).expectProblem(404);
    }

    @Test
    void concurrentApprovalsNeverPayMoreThanTheCaps() throws Exception {
        String admin = api.login("admin");
        String operator = api.login("operator");
        long planId = openPlan(admin, "CAPS");
        String id = idNumber(1980, 'M');
        JsonNode ok = upload(operator, planId, "one.csv", header() + "王强," + id + ",13900000001,男,在职职工,是,是\n").expect(201).json();
        api.post("/api/mutual-aid/enrolments/uploads/" + ok.path("uploadId").asLong() + "/confirm", operator, null).expect(201);
        long enrolmentId = find(api.get("/api/mutual-aid/enrolments?size=500", admin).expect(200).json().path("items"),
                "memberName", "王强").path("id").asLong();
        // Each claim alone is worth the per-claim cap of 10,000 CNY; the yearly cap is 15,000 CNY.
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(40);
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claims.add(api.post("/api/mutual-aid/claims", operator, claim(enrolmentId, day.plusDays(i * 5L), 1, 5_000_000, 0))
                    .expect(201).json().path("id").asLong());
        }
        String district = api.login("district");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Reply>> answers = new ArrayList<>();
            for (long claimId : claims) {
                for (String reviewer : List.of(district, admin)) {
                    Callable<Api.Reply> approve = () -> decide(reviewer, claimId, Map.of("action", "APPROVE"));
                    answers.add(pool.submit(approve));
                }
            }
            for (Future<Api.Reply> answer : answers) {
                int status = answer.get().status();
                assertTrue(status == 200 || status == 409, () -> "an approval answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        long total = 0;
        int approved = 0;
        for (long claimId : claims) {
            JsonNode c = api.get("/api/mutual-aid/claims/" + claimId, admin).expect(200).json();
            if ("APPROVED".equals(c.path("status").asText())) {
                approved++;
                total += c.path("approvedFen").asLong();
                assertEquals(1, texts(c.path("history"), "action").stream().filter("APPROVE"::equals).count(),
                        () -> "claim approved twice: " + c.path("history"));
            }
        }
        assertEquals(1_500_000, total, "three claims of 10,000 each must together get exactly the yearly 15,000");
        assertTrue(approved >= 2, "the first two claims fit under the yearly cap");
    }

    @Test
    void dataIsKeptWhenTheModuleIsUninstalledAndInstalledAgain() {
        String admin = api.login("admin");
        long claimsBefore = api.get("/api/mutual-aid/claims", admin).expect(200).json().path("total").asLong();
        portal.shell("feature:uninstall " + FEATURE);
        Await.until("the mutual-aid API to go", Await.MODULE_CHANGE, () -> api.get("/api/mutual-aid/plans", admin),
                r -> r.status() == 404);
        assertTrue(api.menuEntryIds(admin).stream().noneMatch(e -> e.startsWith("mutual-aid.")));
        portal.shell("feature:install " + FEATURE);
        Await.until("the mutual-aid API to come back", Await.MODULE_CHANGE, () -> api.get("/api/mutual-aid/plans", admin),
                r -> r.status() == 200);
        assertEquals(claimsBefore, api.get("/api/mutual-aid/claims", admin).expect(200).json().path("total").asLong(),
                "claims lost or demo data seeded twice across uninstall and install");
        assertTrue(api.menuEntryIds(admin).contains("mutual-aid.plans"));
        assertTrue(api.menuEntryIds(api.login("member")).contains("mutual-aid.mine"));
        assertFalse(api.menuEntryIds(api.login("member")).contains("mutual-aid.plans"));
    }

    // ----------------------------------------------------------------------------------- helpers

    private static long openPlan(String admin, String label) {
        Map<String, Object> plan = MutualAidData.openPlan(label);
        api.post("/api/mutual-aid/plans", api.login("operator"), plan).expectProblem(403);
        return api.post("/api/mutual-aid/plans", admin, plan).expect(201).json().path("id").asLong();
    }

    private static Api.Reply upload(String token, long planId, String fileName, String csv) {
        return api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=" + fileName, token,
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream"));
    }

    private static List<JsonNode> reminders(String token, String kind) {
        JsonNode items = api.get("/api/portal/notifications?module=mutual-aid&kind=" + kind + "&size=500", token).expect(200).json().path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static Api.Reply settlements(String token, String csv) {
        return api.send("POST", "/api/mutual-aid/settlements", token, csv.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/octet-stream"));
    }

    private static Api.Reply decide(String token, long claimId, Map<String, Object> decision) {
        return api.post("/api/mutual-aid/claims/" + claimId + "/decision", token, decision);
    }

    private static Map<String, Object> claim(long enrolmentId, LocalDate admission, int days, long costFen, long basicFen) {
        return MutualAidData.hospitalStay(enrolmentId, admission, days, costFen, basicFen);
    }

    /** Sets payouts.secondPerson (on, off, auto) and waits until the module applies it. */
    private static void secondPerson(String setting) {
        portal.shell("config:property-set -p org.unionportal.mutualaid payouts.secondPerson " + setting);
        boolean expected = "on".equals(setting); // the ITs run in demo mode: auto is off there
        String admin = api.login("admin");
        Await.until("payouts.secondPerson = " + setting, Duration.ofSeconds(20), () -> api.get("/api/mutual-aid/payouts/proposal", admin)
                .expect(200).json().path("secondPersonRequired").asBoolean() == expected);
    }

    private static long enrolmentCount(String admin) {
        return api.get("/api/mutual-aid/enrolments?size=1", admin).expect(200).json().path("total").asLong();
    }

    private static String header() {
        return MutualAidData.ROSTER_HEADER;
    }

    static String idNumber(int year, char gender) {
        return MutualAidData.idNumber(year, gender);
    }

    private static long approvedOf(JsonNode claims, String name) {
        return find(claims, "memberName", name).path("approvedFen").asLong();
    }

    /**
     * The member's demo cover under {@code planCode}: the one of the demo's year, which (as the demo
     * data defines it) is the year of the day 200 days ago, so its July lies in the past. A renewal
     * for the next year may exist too.
     */
    private static JsonNode demoCover(JsonNode me, String planCode) {
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        for (JsonNode e : me.path("enrolments")) {
            if (planCode.equals(e.path("planCode").asText())
                    && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear) {
                return e;
            }
        }
        throw new AssertionError("no " + planCode + " cover of " + demoYear + " in " + me.path("enrolments"));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return MutualAidData.find(array, field, value);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
