package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hardship-aid module on the built distribution, over HTTP: an application filed, approved and paid in a
 * batch with its bank and love-card files; failed transfers reissued; batches generated twice or at once paying
 * nothing twice; a standard change touching only later periods (maker-checker); the medical safety net; bad
 * input; privacy and tenancy. Each test uses its own batch kind or period, so the order does not matter.
 */
@ExtendWith(SharedPortal.class)
class HardshipAidIT {
    private static final String PROBE = "/api/hardship-aid/households?size=1";
    private static final String FEATURE = "union-hardship-aid";
    private static final String BASE = "/api/hardship-aid";
    private static Distribution portal;
    private static Api api;

    @RegisterExtension
    static final ModuleForClass MODULE = ModuleForClass.of(FEATURE, PROBE);

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    // ------------------------------------------------------------------ helpers

    /** An application of a special-hardship family: the applicant and a new university entrant studying away. */
    private static Map<String, Object> application(String headId, String childId) {
        Map<String, Object> head = member("周建华", headId, "SELF", 250_000);
        head.put("health", "慢性肾病");
        Map<String, Object> child = member("周小雨", childId, "CHILD", 0);
        child.put("schooling", Map.of("schoolYear", MutualAidData.today().getYear(), "stage", "UNIVERSITY", "school", "苏州大学",
                "newEntrant", true, "studyAway", true, "ticketFen", 9_900, "fareCapFen", 9_900));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", "梁溪区测试路 8 号");
        body.put("phone", "13900001111");
        body.put("causes", List.of("ILLNESS", "EDUCATION"));
        body.put("hardshipNote", "本人慢性肾病，长期服药");
        body.put("requestedLevel", "SPECIAL");
        body.put("channel", "BANK");
        body.put("bankName", "中国农业银行无锡分行");
        body.put("bankAccount", "6228480402564890018");
        body.put("loveCardNo", "AX77001122");
        body.put("members", new ArrayList<>(List.of(head, child)));
        return body;
    }

    private static Map<String, Object> member(String name, String id, String relation, long incomeFen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("idNumber", id);
        m.put("relation", relation);
        m.put("monthlyIncomeFen", incomeFen);
        return m;
    }

    /** Files an application as the operator and approves it as the district: a special household on file now. */
    private static JsonNode onFileHousehold() {
        String operator = api.login("operator");
        String district = api.login("district");
        JsonNode filed = api.post(BASE + "/households", operator, application(MutualAidData.idNumber(1979, 'M'),
                MutualAidData.idNumber(2007, 'F'))).expect(201).json();
        return api.post(BASE + "/households/" + filed.path("id").asLong() + "/decision", district,
                Map.of("action", "APPROVE", "level", "SPECIAL", "fileLevel", "DISTRICT")).expect(200).json();
    }

    private static JsonNode line(JsonNode batch, long householdId, String item) {
        for (JsonNode l : batch.path("lines")) {
            if (l.path("householdId").asLong() == householdId && l.path("item").asText().equals(item)) {
                return l;
            }
        }
        return null;
    }

    /**
     * The year of the first period of a yearly kind due (on {@code month}/{@code day}) today or later: a household
     * approved today is paid from that period on, and the distribution's horizon lets a batch be generated for it.
     */
    private static int yearDueFromToday(int month, int day) {
        LocalDate today = MutualAidData.today();
        return LocalDate.of(today.getYear(), month, day).isBefore(today) ? today.getYear() + 1 : today.getYear();
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> out = new HashSet<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void anApplicationIsApprovedPaidInABatchExportedAndAFailedTransferReissued() {
        String operator = api.login("operator");
        String district = api.login("district");
        String headId = MutualAidData.idNumber(1980, 'M');
        JsonNode filed = api.post(BASE + "/households", operator, application(headId, MutualAidData.idNumber(2007, 'F')))
                .expect(201).json();
        long id = filed.path("id").asLong();
        assertEquals("APPLIED", filed.path("status").asText());
        assertEquals(headId, filed.path("headIdNumber").asText(), "the operator corrects an open application, so sees it");

        // The district returns it, the operator corrects and resubmits, the district approves it.
        api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "RETURN")).expectProblem(422);
        api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "RETURN", "note", "请补充收入证明"))
                .expect(200);
        Map<String, Object> corrected = application(headId, MutualAidData.idNumber(2007, 'F'));
        corrected.put("address", "梁溪区测试路 9 号");
        assertEquals("APPLIED", api.put(BASE + "/households/" + id, operator, corrected).expect(200).json().path("status").asText());
        api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "APPROVE", "level", "SPECIAL",
                "fileLevel", "CITY")).expectProblem(403);
        JsonNode approved = api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "APPROVE",
                "level", "SPECIAL", "fileLevel", "DISTRICT")).expect(200).json();
        assertEquals("ON_FILE", approved.path("status").asText());
        assertTrue(approved.path("certificateNo").asText().matches("TK\\d{4}-\\d{5}"), () -> "certificate: " + approved);
        assertEquals(headId, approved.path("headIdNumber").asText(), "district staff see the ID number in full");
        assertEquals(250_000, approved.path("monthlyIncomeFen").asLong());
        List<String> actions = new ArrayList<>();
        approved.path("history").forEach(h -> actions.add(h.path("action").asText()));
        assertEquals(List.of("FILE", "RETURN", "UPDATE", "APPROVE"), actions);
        // Once decided, the operator sees the household masked: no ID number, income or illness.
        JsonNode operatorView = api.get(BASE + "/households/" + id, operator).expect(200).json();
        assertEquals(MutualAidData.masked(headId), operatorView.path("headIdNumber").asText());
        assertTrue(operatorView.path("monthlyIncomeFen").isNull(), () -> "the operator sees the income: " + operatorView);
        assertEquals("***", operatorView.path("hardshipNote").asText());
        assertEquals("***", operatorView.path("members").get(0).path("health").asText());
        assertTrue(operatorView.path("bankAccount").asText().contains("*"), operatorView::toString);

        // The next one-off batch (due 15 December): preview, approve, files, the bank's answer, the reissue.
        String oneOffYear = String.valueOf(yearDueFromToday(12, 15));
        JsonNode batch = api.post(BASE + "/batches", district, Map.of("kind", "ONE_OFF_PRICE", "period", oneOffYear))
                .expect(201).json();
        assertEquals("DRAFT", batch.path("status").asText());
        JsonNode ours = line(batch, id, "ONE_OFF_PRICE");
        assertTrue(ours != null, () -> "our household is not in the batch: " + batch);
        assertEquals(30_000, ours.path("amountFen").asLong());
        long batchId = batch.path("id").asLong();
        api.get(BASE + "/batches/" + batchId + "/bank-file", district).expectProblem(409);
        assertEquals("APPROVED", api.post(BASE + "/batches/" + batchId + "/approve", district, null).expect(200).json()
                .path("status").asText());
        String bankFile = new String(api.get(BASE + "/batches/" + batchId + "/bank-file", district).expect(200).body()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(bankFile.contains("周建华") && bankFile.contains("6228480402564890018") && bankFile.contains("300.00"),
                () -> "bank file: " + bankFile);
        Api.Reply xlsx = api.get(BASE + "/batches/" + batchId + "/export?format=xlsx", district).expect(200);
        assertTrue(xlsx.contentType().contains("spreadsheetml"), xlsx::toString);
        // a file of personal data: named, never cached, never sniffed (the portal's one download writer)
        assertEquals("attachment; filename=\"hardship-batch-" + batchId + ".xlsx\"; filename*=UTF-8''hardship-batch-" + batchId + ".xlsx",
                xlsx.header("Content-Disposition").orElse(""), xlsx::toString);
        assertEquals("private, no-store", xlsx.header("Cache-Control").orElse(""), xlsx::toString);
        assertEquals("nosniff", xlsx.header("X-Content-Type-Options").orElse(""), xlsx::toString);
        api.get(BASE + "/batches/" + batchId + "/export?format=pdf", district).expectProblem(400);
        String export = api.get(BASE + "/batches/" + batchId + "/export?format=csv", district).expect(200).body();
        assertFalse(export.contains("6228480402564890018"), "the lines export masks accounts");

        int textsBefore = transferFailedTexts(district, "周建华").size();
        JsonNode closed = api.post(BASE + "/batches/" + batchId + "/result", district,
                Map.of("failed", List.of(Map.of("lineId", ours.path("id").asLong(), "reason", "账户已销户")))).expect(200).json();
        assertEquals("CLOSED", closed.path("status").asText());
        // the household whose transfer was returned is texted, in the portal's outbox: the aid, the period, the bank's reason
        List<JsonNode> texts = transferFailedTexts(district, "周建华");
        assertEquals(textsBefore + 1, texts.size(), texts::toString);
        String text = texts.get(0).path("message").asText();   // newest first
        assertTrue(text.contains(oneOffYear + "年一次性临时价格补贴 300.00 元银行转账未成功，银行退回原因：账户已销户"), text);
        assertFalse(text.contains("6228480402564890018"), text);
        assertEquals("PHONE", texts.get(0).path("recipientKind").asText(), texts.get(0)::toString);
        assertEquals("FAILED", line(closed, id, "ONE_OFF_PRICE").path("status").asText());
        closed.path("lines").forEach(l -> assertTrue(List.of("PAID", "FAILED").contains(l.path("status").asText())));
        JsonNode reissue = api.post(BASE + "/batches/" + batchId + "/reissue", district, null).expect(201).json();
        assertEquals("REISSUE", reissue.path("kind").asText());
        assertEquals(1, reissue.path("lines").size());
        assertEquals(30_000, reissue.path("lines").get(0).path("amountFen").asLong());
        api.post(BASE + "/batches/" + batchId + "/reissue", district, null).expectProblem(409);

        // Generating the period again pays nobody twice.
        JsonNode again = api.post(BASE + "/batches", district, Map.of("kind", "ONE_OFF_PRICE", "period", oneOffYear))
                .expectProblem(409);
        assertTrue(again.path("detail").asText().contains(String.valueOf(batchId)), again::toString);

        // The household's detail lists its payments; the shell and the console show the batches.
        JsonNode detail = api.get(BASE + "/households/" + id, district).expect(200).json();
        assertEquals(2, detail.path("payments").size(), () -> "payments: " + detail.path("payments"));
        String shell = portal.shell("hardship-aid:batches --lang zh");
        assertTrue(shell.contains("一次性价格补贴") && shell.contains("失败重发") && !shell.contains("ONE_OFF_PRICE"),
                () -> "hardship-aid:batches printed: " + shell);
        String households = portal.shell("hardship-aid:households --status ON_FILE --lang en");
        assertTrue(households.contains("周建华") && households.contains("On file") && !households.contains("在档")
                && !households.contains(headId), () -> "hardship-aid:households printed: " + households);
        Api.Reply console = api.basic("GET", "/system/console/union-status.json", "admin", Distribution.PASSWORD, null, Map.of());
        assertEquals(200, console.status(), console::toString);
        JsonNode oneOff = null;
        for (JsonNode m : console.json().path("modules")) {
            for (JsonNode f : m.path("figures")) {
                if ("hardship-aid".equals(m.path("id").asText()) && "batches.ONE_OFF_PRICE".equals(f.path("code").asText())) {
                    oneOff = f;
                }
            }
        }
        assertTrue(oneOff != null && oneOff.path("value").asLong() >= 1, console::toString);
    }

    @Test
    void documentsAreKeptByThePortalAndEveryDecisionIsInTheAuditTrail() {
        String operator = api.login("operator");
        String district = api.login("district");
        String district2 = api.login("district2");
        JsonNode filed = api.post(BASE + "/households", operator, application(MutualAidData.idNumber(1981, 'F'),
                MutualAidData.idNumber(2008, 'M'))).expect(201).json();
        long id = filed.path("id").asLong();
        String documents = BASE + "/households/" + id + "/documents";

        // upload, list, download and delete a document: the portal's attachments, only for the household's district
        byte[] pdf = "%PDF-1.4\n% hardship-aid IT\n".getBytes(StandardCharsets.US_ASCII);
        Api.Reply uploaded = api.send("POST", documents + "?fileName=" + java.net.URLEncoder.encode("收入证明.pdf", StandardCharsets.UTF_8),
                operator, pdf, Map.of("Content-Type", "application/pdf")).expect(201);
        long docId = uploaded.json().path("id").asLong();
        assertEquals("收入证明.pdf", uploaded.json().path("fileName").asText(), uploaded::toString);
        Api.Reply listed = api.get(documents, district).expect(200);
        assertEquals(docId, listed.json().path(0).path("id").asLong(), listed::toString);
        assertTrue(listed.header("Cache-Control").orElse("").contains("no-store"), listed::toString);
        assertEquals(docId, api.get(BASE + "/households/" + id, district).expect(200).json().path("documents").path(0).path("id").asLong());
        Api.Reply file = api.send("GET", documents + "/" + docId, district, null, Map.of("Accept", "*/*")).expect(200);
        assertEquals("application/pdf", file.contentType(), file::toString);
        assertEquals("private, no-store", file.header("Cache-Control").orElse(""), file::toString);
        api.send("POST", documents + "?fileName=page.pdf", operator, "<html></html>".getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "application/octet-stream")).expectProblem(415);
        api.get(documents, district2).expectProblem(404);
        api.delete(documents + "/" + docId, district2).expectProblem(404);
        api.delete(documents + "/" + docId, operator).expect(204);
        assertEquals(0, api.get(documents, district).expect(200).json().size());
        api.delete(documents + "/" + docId, operator).expectProblem(404);

        // every decision is in the audit trail, newest first, with what changed; 滨湖区 sees none of it
        api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "APPROVE", "level", "SPECIAL",
                "fileLevel", "DISTRICT")).expect(200);
        String record = "/api/portal/audit?module=hardship-aid&recordType=household&recordId=" + id;
        JsonNode entries = api.get(record, district).expect(200).json().path("items");
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.path("action").asText()));
        assertEquals(List.of("APPROVE", "DELETE_DOCUMENT", "ADD_DOCUMENT", "CREATE"), actions, entries::toString);
        assertEquals("district", entries.get(0).path("username").asText());
        assertEquals("APPLIED", entries.get(0).path("before").path("status").asText(), entries::toString);
        assertEquals("ON_FILE", entries.get(0).path("after").path("status").asText(), entries::toString);
        assertEquals("收入证明.pdf", entries.get(1).path("before").path("document").asText(), entries::toString);
        assertEquals("operator", entries.get(3).path("username").asText());
        assertFalse(entries.toString().contains("6228480402564890018"), "no account number in the audit trail");
        assertEquals(0, api.get(record, district2).expect(200).json().path("total").asLong(), "滨湖区 does not see 梁溪区's household");
    }

    @Test
    void concurrentGenerationsOfOnePeriodPayEveryHouseholdOnce() throws Exception {
        onFileHousehold();
        String admin = api.login("admin");
        String district = api.login("district");
        String period = String.valueOf(yearDueFromToday(1, 1));   // the next New Year and Spring Festival visit
        int requests = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String token = i % 2 == 0 ? admin : district;
            Callable<Api.Reply> call = () -> {
                start.await();
                return api.post(BASE + "/batches", token, Map.of("kind", "HOLIDAYS", "period", period));
            };
            replies.add(pool.submit(call));
        }
        start.countDown();
        int created = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            assertTrue(r.status() == 201 || r.status() == 409, r::toString);
            created += r.status() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(created >= 1, "no batch was generated");
        // Whatever order they ran in, every household is paid the visit once for the period.
        Set<Long> paid = new HashSet<>();
        int lines = 0;
        for (JsonNode b : api.get(BASE + "/batches", admin).expect(200).json()) {
            if (b.path("kind").asText().equals("HOLIDAYS") && b.path("period").asText().equals(period)) {
                for (JsonNode l : api.get(BASE + "/batches/" + b.path("id").asLong(), admin).expect(200).json().path("lines")) {
                    lines++;
                    paid.add(l.path("householdId").asLong());
                }
            }
        }
        assertEquals(paid.size(), lines, "a household got the holiday visit twice");
        assertTrue(lines >= 4, () -> "the demo's special households and ours: " + paid);
    }

    @Test
    void aNewStandardNeedsASecondPersonAndOnlyChangesLaterPeriods() {
        long ours = onFileHousehold().path("id").asLong();
        String admin = api.login("admin");
        String checker = api.login("checker");
        // The medical subsidies (due 15 January) of the last year due and of the next one: the household approved
        // today is paid only in the next.
        int later = yearDueFromToday(1, 15);
        int earlier = later - 1;
        LocalDate earlierDue = LocalDate.of(earlier, 1, 15);
        // The earlier year's medical subsidy at the standard in force: 1,200 per household.
        JsonNode before = api.post(BASE + "/batches", admin, Map.of("kind", "MEDICAL", "period", String.valueOf(earlier)))
                .expect(201).json();
        assertTrue(before.path("lines").size() >= 1, before::toString);
        assertEquals(null, line(before, ours, "MEDICAL"), "a household approved today was paid for a past period");
        before.path("lines").forEach(l -> assertEquals(120_000, l.path("amountFen").asLong()));
        long beforeId = before.path("id").asLong();
        // A standard starting on or before a due date already paid is refused: payments made never change.
        JsonNode refused = api.post(BASE + "/standards", admin, Map.of("item", "MEDICAL", "amountFen", 150_000,
                "effectiveFrom", earlierDue.toString())).expectProblem(409);
        assertTrue(fields(refused).contains("effectiveFrom"), refused::toString);
        JsonNode proposed = api.post(BASE + "/standards", admin, Map.of("item", "MEDICAL", "amountFen", 150_000,
                "effectiveFrom", earlierDue.plusDays(1).toString(), "note", "医疗补贴上调")).expect(201).json();
        assertEquals("PROPOSED", proposed.path("status").asText());
        long standardId = proposed.path("id").asLong();
        api.post(BASE + "/standards/" + standardId + "/decision", admin, Map.of("action", "APPROVE")).expectProblem(403);
        api.post(BASE + "/standards/" + standardId + "/decision", api.login("district"), Map.of("action", "APPROVE")).expectProblem(403);
        assertEquals("APPROVED", api.post(BASE + "/standards/" + standardId + "/decision", checker, Map.of("action", "APPROVE"))
                .expect(200).json().path("status").asText());
        JsonNode table = api.get(BASE + "/standards?date=" + later + "-01-15", admin).expect(200).json();
        boolean inForce = false;
        for (JsonNode r : table.path("inForce")) {
            inForce |= r.path("item").asText().equals("MEDICAL") && r.path("amountFen").asLong() == 150_000;
        }
        assertTrue(inForce, table::toString);

        JsonNode next = api.post(BASE + "/batches", admin, Map.of("kind", "MEDICAL", "period", String.valueOf(later)))
                .expect(201).json();
        assertTrue(line(next, ours, "MEDICAL") != null, () -> "household " + ours + " is not paid in " + next);
        next.path("lines").forEach(l -> assertEquals(150_000, l.path("amountFen").asLong()));
        api.get(BASE + "/batches/" + beforeId, admin).expect(200).json().path("lines")
                .forEach(l -> assertEquals(120_000, l.path("amountFen").asLong(), "a batch already made changed"));
    }

    @Test
    void theMedicalSafetyNetPaysTheExcessAboveTheThresholdAfterApproval() {
        JsonNode household = onFileHousehold();
        long id = household.path("id").asLong();
        long member = household.path("members").get(0).path("id").asLong();
        String district = api.login("district");
        String admin = api.login("admin");
        int year = MutualAidData.today().getYear();
        String day = MutualAidData.today().withDayOfYear(1).toString();
        api.post(BASE + "/safety-net/" + id + "/expenses", district, Map.of("memberId", member, "date", day, "hospital", "无锡市第二人民医院",
                "totalFen", 1_000_000, "reimbursedFen", 800_000)).expect(201);
        api.post(BASE + "/safety-net/" + id + "/" + year + "/awards", district, Map.of()).expectProblem(409);   // 2,000: below 3,000
        api.post(BASE + "/safety-net/" + id + "/expenses", district, Map.of("memberId", member, "date", day, "hospital", "无锡市人民医院",
                "totalFen", 1_500_000, "reimbursedFen", 1_000_000)).expect(201);
        JsonNode c = api.get(BASE + "/safety-net/" + id + "/" + year, district).expect(200).json().path("calculation");
        assertEquals(700_000, c.path("selfPayFen").asLong());
        assertEquals(300_000, c.path("thresholdFen").asLong());
        assertEquals(400_000, c.path("dueFen").asLong(), c::toString);
        JsonNode award = api.post(BASE + "/safety-net/" + id + "/" + year + "/awards", district, Map.of()).expect(201).json();
        assertEquals(400_000, award.path("amountFen").asLong());
        assertTrue(award.path("calculationZh").asText().contains("4000"), award::toString);
        long awardId = award.path("id").asLong();
        api.post(BASE + "/safety-net/awards/" + awardId + "/paid", admin, null).expectProblem(409);
        api.post(BASE + "/safety-net/awards/" + awardId + "/decision", district, Map.of("action", "APPROVE")).expectProblem(403);
        api.post(BASE + "/safety-net/awards/" + awardId + "/decision", admin, Map.of("action", "APPROVE")).expect(200);
        assertEquals("PAID", api.post(BASE + "/safety-net/awards/" + awardId + "/paid", admin, null).expect(200).json()
                .path("status").asText());
        assertEquals(0, api.get(BASE + "/safety-net/" + id + "/" + year, district).expect(200).json().path("calculation")
                .path("dueFen").asLong(), "paid once, nothing is due again");
        JsonNode figures = api.get(BASE + "/figures?year=" + year, admin).expect(200).json();
        assertTrue(figures.path("safetyNet").path("totalFen").asLong() >= 400_000, figures::toString);
    }

    @Test
    void badInputGetsFieldLevelAnswersAndWritesNothing() {
        String operator = api.login("operator");
        String district = api.login("district");
        String admin = api.login("admin");
        long before = api.get(BASE + "/households", district).expect(200).json().path("total").asLong();
        String child = MutualAidData.idNumber(2007, 'F');
        String wrongCheckDigit = child.substring(0, 17) + (child.charAt(17) == '1' ? '2' : '1');
        Map<String, Object> bad = application(MutualAidData.idNumber(1981, 'M'), wrongCheckDigit);
        bad.put("bankAccount", "12ab");
        bad.put("causes", List.of("LAZINESS"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) bad.get("members");
        members.get(1).put("relation", "COUSIN");
        members.get(1).put("monthlyIncomeFen", -5);
        JsonNode problem = api.post(BASE + "/households", operator, bad).expectProblem(422);
        Set<String> f = fields(problem);
        assertTrue(f.containsAll(List.of("bankAccount", "causes", "members[1].idNumber", "members[1].relation",
                "members[1].monthlyIncomeFen")), () -> "fields: " + f);
        for (String body : List.of("{\"members\": \"nobody\"}", "not json", "[]")) {
            Api.Reply r = api.post(BASE + "/households", operator, body);
            assertTrue(r.status() >= 400 && r.status() < 500, r::toString);
            r.assertProblem();
        }
        assertEquals(before, api.get(BASE + "/households", district).expect(200).json().path("total").asLong(), "a refused application was written");

        assertTrue(fields(api.post(BASE + "/batches", district, Map.of("kind", "WEEKLY", "period", "2026")).expectProblem(422))
                .contains("kind"));
        assertTrue(fields(api.post(BASE + "/batches", district, Map.of("kind", "QUARTER", "period", "2026")).expectProblem(422))
                .contains("period"));
        int year = MutualAidData.today().getYear();
        api.post(BASE + "/batches", operator, Map.of("kind", "QUARTER", "period", year + "Q1")).expectProblem(403);
        // A period beginning beyond the horizon is refused, in the caller's language: a district's batch far ahead
        // would hold the period's standards (drafts count as paid).
        Map<String, Object> farAhead = Map.of("kind", "SUMMER", "period", String.valueOf(year + 2));
        JsonNode zh = api.send("POST", BASE + "/batches", district, farAhead, Map.of("Accept-Language", "zh-CN")).expectProblem(422);
        assertEquals("period_not_begun", zh.path("errors").path(0).path("code").asText(), zh::toString);
        assertTrue(zh.toString().contains("只能为应发日在") && !zh.toString().contains("Batches are only"), zh::toString);
        JsonNode en = api.send("POST", BASE + "/batches", district, farAhead, Map.of("Accept-Language", "en")).expectProblem(422);
        assertTrue(en.toString().contains("Batches are only for periods due by") && !en.toString().contains("只能"), en::toString);
        assertTrue(fields(api.post(BASE + "/standards", admin, Map.of("item", "LIVING", "amountFen", -1, "effectiveFrom", "2030-01-01"))
                .expectProblem(422)).contains("amountFen"));
        api.post(BASE + "/standards", district, Map.of("item", "LIVING", "amountFen", 1, "effectiveFrom", "2030-01-01")).expectProblem(403);
        // an item never paid has no last due date: the proposal is taken (it answered 500 once)
        assertEquals("PROPOSED", api.post(BASE + "/standards", admin, Map.of("item", "SCHOOLING_BASIC", "amountFen", 110_000,
                "effectiveFrom", "2099-01-01")).expect(201).json().path("status").asText());
        api.get(BASE + "/households/999999", district).expectProblem(404);
        api.get(BASE + "/batches/999999", district).expectProblem(404);

        JsonNode household = onFileHousehold();
        long member = household.path("members").get(0).path("id").asLong();
        JsonNode expense = api.post(BASE + "/safety-net/" + household.path("id").asLong() + "/expenses", district, Map.of("memberId", member,
                "date", MutualAidData.today().toString(), "hospital", "医院", "totalFen", 100, "reimbursedFen", 200)).expectProblem(422);
        assertTrue(fields(expense).contains("reimbursedFen"), expense::toString);
        api.post(BASE + "/households/" + household.path("id").asLong() + "/leave", district, Map.of("reason", "已脱困")).expectProblem(422);
    }

    @Test
    void personalDataStaysMaskedAndInsideTheOwningDistrict() {
        JsonNode household = onFileHousehold();
        long id = household.path("id").asLong();
        String headId = household.path("headIdNumber").asText();
        String district2 = api.login("district2");
        String operator2 = api.login("operator2");
        api.get(BASE + "/households/" + id, district2).expectProblem(404);
        api.get(BASE + "/households/" + id, operator2).expectProblem(404);
        for (JsonNode h : api.get(BASE + "/households?size=500", district2).expect(200).json().path("items")) {
            assertNotEquals(id, h.path("id").asLong(), "滨湖 sees a 梁溪 household");
        }
        String export = api.get(BASE + "/households/export?format=csv", district2).expect(200).body();
        assertFalse(export.contains("周建华"), "滨湖's export lists a 梁溪 household");
        api.post(BASE + "/households/" + id + "/recheck", district2, Map.of("level", "HARDSHIP")).expectProblem(404);
        api.get(BASE + "/safety-net/" + id + "/" + MutualAidData.today().getYear(), district2).expectProblem(404);
        for (JsonNode b : api.get(BASE + "/batches", district2).expect(200).json()) {
            assertTrue(b.path("orgPath").asText().startsWith(api.me(district2).path("orgPath").asText()), b::toString);
        }
        JsonNode figures = api.get(BASE + "/figures", district2).expect(200).json();
        figures.path("households").forEach(o -> assertFalse(o.path("orgName").asText().startsWith("梁溪"), o::toString));

        // Lists and exports mask ID numbers even for district staff; members and the operator get no access to staff work.
        String district = api.login("district");
        for (JsonNode h : api.get(BASE + "/households?size=500", district).expect(200).json().path("items")) {
            assertTrue(h.path("headIdNumber").asText().contains("*"), h::toString);
        }
        assertFalse(api.get(BASE + "/households/export?format=csv", district).expect(200).body().contains(headId));
        api.get(BASE + "/households", api.login("member")).expectProblem(403);
        api.get(BASE + "/batches", api.login("operator")).expectProblem(403);

        // The yearly re-check and leaving the file are kept in the history.
        JsonNode rechecked = api.post(BASE + "/households/" + id + "/recheck", district, Map.of("level", "HARDSHIP", "note", "收入提高"))
                .expect(200).json();
        assertEquals("HARDSHIP", rechecked.path("level").asText());
        assertTrue(rechecked.path("certificateNo").isNull(), "the certificate is withdrawn with the special level");
        JsonNode left = api.post(BASE + "/households/" + id + "/leave", district, Map.of("reason", "已脱困",
                "date", MutualAidData.today().toString())).expect(200).json();
        assertEquals("LEFT", left.path("status").asText());
        List<String> actions = new ArrayList<>();
        left.path("history").forEach(h -> actions.add(h.path("action").asText()));
        assertEquals(List.of("FILE", "APPROVE", "RECHECK", "LEAVE"), actions);
        LocalDate due = LocalDate.parse(rechecked.path("nextReviewDate").asText());
        assertEquals(MutualAidData.today().plusYears(1), due);
    }

    /** The outbox's texts to households whose transfer was returned that name {@code headName}, newest first. */
    private static List<JsonNode> transferFailedTexts(String token, String headName) {
        List<JsonNode> texts = new ArrayList<>();
        api.get("/api/portal/notifications?module=hardship-aid&kind=TRANSFER_FAILED&size=200", token).expect(200).json().path("items")
                .forEach(n -> {
                    if (n.path("message").asText().contains(headName)) {
                        texts.add(n);
                    }
                });
        return texts;
    }
}
