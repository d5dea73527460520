package org.unionportal.mutualaid.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/** The figures read from a real database, and the JSON and HTML made of them. */
class ConsoleFiguresTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    static final ConsoleFigures.Senders LOG = new ConsoleFigures.Senders("log", true, List.of());

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
    }

    @Test
    void anEmptyDatabase() throws Exception {
        ConsoleFigures f = db.read(c -> ConsoleFigures.load(c, TODAY, NOW, LOG));
        assertEquals(0, f.currentPlans());
        assertTrue(f.enrolmentsByStatus().isEmpty());
        assertTrue(f.claimsByStatus().isEmpty());
        assertEquals(new ConsoleFigures.Payouts(0, 0, 0, null), f.payouts());
        assertEquals(Map.of("PENDING", 0L, "SENT", 0L, "FAILED", 0L), f.remindersByStatus());
        assertTrue(f.latestReminders().isEmpty());

        JsonNode json = new ObjectMapper().readTree(ConsoleJson.render(f));
        assertEquals(0, json.at("/enrolments/total").asLong());
        assertEquals(0, json.at("/reminders/latest").size());
        assertTrue(json.at("/payouts/lastCreatedAt").isNull());
        String html = ConsoleHtml.page(f, null, "/system/console/mutual-aid.json");
        assertTrue(html.contains("没有提醒 / No reminders"), html);
    }

    @Test
    void countsAndSumsOfTheWholeTree() throws Exception {
        long planV1 = db.plan("WX-3IN1", "三合一");
        db.inTransaction(c -> Jdbc.update(c, "UPDATE MA_PLAN SET CURRENT_VERSION = ? WHERE ID = ?", false, planV1));
        long plan = db.plan("WX-GIG", "新就业形态");
        long chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
        long yu = db.member("虞建国", "320203198705200011", "13961000011", "/1/3/");
        long active = db.enrolment(plan, "WX-GIG", chen, "/1/2/5/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "ACTIVE");
        db.enrolment(plan, "WX-GIG", yu, "/1/3/", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "ACTIVE");
        db.enrolment(plan, "WX-GIG", yu, "/1/3/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "PENDING_PAYMENT");
        db.inTransaction(c -> {
            long batch = Jdbc.insert(c, "INSERT INTO MA_PAYOUT_BATCH (ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT) "
                    + "VALUES ('/1/', 1, 1210000, 'admin', ?)", Instant.parse("2025-06-20T08:00:00Z"));
            claim(c, active, chen, "PAID", 1_210_000, 1_210_000L, batch);
            claim(c, active, chen, "APPROVED", 500_000, 450_000L, null);
            claim(c, active, chen, "SUBMITTED", 300_000, null, null);
            claim(c, active, chen, "SUBMITTED", 200_000, null, null);
            Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:1", chen, "已发放 <b>${x}</b>");
            Reminders.enqueue(c, Reminders.COVER_ENDING, "COVER_ENDING:enrolment:1", yu, "到期");
            Jdbc.update(c, "UPDATE MA_REMINDER SET STATUS = 'SENT', SENDER = 'log', SENT_AT = ? WHERE MEMBER_ID = ?", NOW, chen);
            return null;
        });

        ConsoleFigures f = db.read(c -> ConsoleFigures.load(c, TODAY, NOW,
                new ConsoleFigures.Senders("aliyun-sms", false, List.of("aliyun-sms", "<other>"))));
        assertEquals(1, f.currentPlans());
        assertEquals(Map.of("ACTIVE", 1L, "EXPIRED", 1L, "PENDING_PAYMENT", 1L), f.enrolmentsByStatus());
        assertEquals(new ConsoleFigures.ClaimSums(1, 1_210_000, 1_210_000), f.claimsByStatus().get("PAID"));
        assertEquals(new ConsoleFigures.ClaimSums(1, 500_000, 450_000), f.claimsByStatus().get("APPROVED"));
        assertEquals(new ConsoleFigures.ClaimSums(2, 500_000, 0), f.claimsByStatus().get("SUBMITTED"));
        assertEquals(new ConsoleFigures.Payouts(1, 1, 1_210_000, Instant.parse("2025-06-20T08:00:00Z")), f.payouts());
        assertEquals(Map.of("PENDING", 1L, "SENT", 1L, "FAILED", 0L), f.remindersByStatus());
        assertEquals(List.of("COVER_ENDING", "PAYMENT_MADE"), f.latestReminders().stream().map(ConsoleFigures.ReminderLine::kind).toList());
        assertEquals("139****0011", f.latestReminders().get(0).phone());

        JsonNode json = new ObjectMapper().readTree(ConsoleJson.render(f));
        assertEquals("2025-06-30T02:00:00Z", json.get("generatedAt").asText());
        assertEquals("2025-06-30", json.get("today").asText());
        assertEquals(1, json.at("/plans/current").asLong());
        assertEquals(3, json.at("/enrolments/total").asLong());
        assertEquals(1, json.at("/enrolments/byStatus/EXPIRED").asLong());
        assertEquals(4, json.at("/claims/total").asLong());
        assertEquals(2, json.at("/claims/byStatus/SUBMITTED/count").asLong());
        assertEquals(450_000, json.at("/claims/byStatus/APPROVED/approvedFen").asLong());
        assertEquals(1, json.at("/payouts/batches").asLong());
        assertEquals(1_210_000, json.at("/payouts/totalFen").asLong());
        assertEquals("2025-06-20T08:00:00Z", json.at("/payouts/lastCreatedAt").asText());
        assertEquals(1, json.at("/reminders/pending").asLong());
        assertEquals(1, json.at("/reminders/sent").asLong());
        assertEquals(0, json.at("/reminders/failed").asLong());
        JsonNode latest = json.at("/reminders/latest");
        assertEquals(2, latest.size());
        assertEquals("139****0002", latest.get(1).get("phone").asText());
        assertEquals("已发放 <b>${x}</b>", latest.get(1).get("message").asText());
        assertEquals("log", latest.get(1).get("sender").asText());
        assertEquals("2025-06-30T02:00:00Z", latest.get(1).get("sentAt").asText());
        assertTrue(latest.get(0).get("sentAt").isNull());
        assertEquals("aliyun-sms", json.at("/sender/active").asText());
        assertFalse(json.at("/sender/builtIn").asBoolean());
        assertEquals("<other>", json.at("/sender/registered/1").asText());
        String text = ConsoleJson.render(f);
        assertFalse(text.contains("13961000002") || text.contains("13961000011"), text);

        String html = ConsoleHtml.page(f, null, "/system/console/mutual-aid.json");
        assertFalse(html.contains("13961000002") || html.contains("13961000011"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("${"), html);
        assertFalse(html.contains("<other>"), html);
        assertTrue(html.contains("已发放 &lt;b&gt;&#36;{x}&lt;/b&gt;"), html);
        assertTrue(html.contains("aliyun-sms</strong> · 已注册 / Registered: aliyun-sms, &lt;other&gt;"), html);
        assertTrue(html.contains("<tr data-key=\"SUBMITTED\"><td>SUBMITTED</td><td>2</td><td>5000.00</td><td>0.00</td></tr>"), html);
        assertTrue(html.contains("<tr data-key=\"TOTAL\"><td>合计 / Total</td><td>4</td><td>22100.00</td><td>16600.00</td></tr>"), html);
        assertTrue(html.contains("<tr data-key=\"PAYOUTS\"><td>1</td><td>1</td><td>12100.00</td><td>2025-06-20 16:00:00</td></tr>"), html);
        assertTrue(html.contains("<tr data-key=\"REMINDERS\"><td>1</td><td>1</td><td>0</td></tr>"), html);
        assertTrue(html.contains("<tr data-key=\"EXPIRED\"><td>EXPIRED</td><td>1</td></tr>"), html);
        assertTrue(html.contains("<td>139****0002</td>"), html);
        assertTrue(html.contains("<a href=\"/system/console/mutual-aid.json\">JSON</a>"), html);
    }

    @Test
    void htmlEscapesEverythingItShows() {
        ConsoleFigures.ReminderLine evil = new ConsoleFigures.ReminderLine(7, "<K>", 3, "139****0002", "<script>alert('x')</script>",
                "PENDING\"", 2, "gateway: <err> & ${boom}", NOW, null, "s'\"<>");
        ConsoleFigures f = new ConsoleFigures(NOW, TODAY, 2, Map.of("<ACTIVE>", 1L), Map.of("\"X\"",
                new ConsoleFigures.ClaimSums(1, 1, 1)), new ConsoleFigures.Payouts(0, 0, 0, null), Map.of("PENDING", 1L),
                List.of(evil), new ConsoleFigures.Senders("<s>", false, List.of("<s>")));
        String html = ConsoleHtml.page(f, null, "/x\"><script>");
        for (String raw : List.of("<script", "<K>", "<err>", "${", "<s>", "<ACTIVE>", "\"X\"", "s'\"")) {
            assertFalse(html.contains(raw), raw + " in " + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("gateway: &lt;err&gt; &amp; &#36;{boom}"), html);
        assertTrue(html.contains("<tr data-key=\"&lt;ACTIVE&gt;\"><td>&lt;ACTIVE&gt;</td><td>1</td></tr>"), html);

        String broken = ConsoleHtml.page(null, "no <database> ${here}", "/j");
        assertTrue(broken.contains("无法读取数据 / Cannot read the figures: no &lt;database&gt; &#36;{here}"), broken);
        assertEquals("{\"error\":\"no <db>\"}", ConsoleJson.error("no <db>"));
    }

    private static void claim(java.sql.Connection c, long enrolment, long member, String status, long computed, Long approved,
                              Long batch) throws java.sql.SQLException {
        Jdbc.insert(c, "INSERT INTO MA_CLAIM (ENROLMENT_ID, MEMBER_ID, ORG_PATH, EVENT_TYPE, EVENT_DATE, TOTAL_COST_FEN, "
                        + "BASIC_PAID_FEN, COMMERCIAL_PAID_FEN, STATUS, COMPUTED_FEN, APPROVED_FEN, ASSESSMENT, FILED_BY, FILED_AT, "
                        + "PAYOUT_BATCH_ID) VALUES (?, ?, '/1/2/5/', 'HOSPITAL_STAY', ?, 0, 0, 0, ?, ?, ?, '{}', 'test', ?, ?)",
                enrolment, member, LocalDate.of(2025, 5, 1), status, computed, approved, NOW, batch);
    }
}
