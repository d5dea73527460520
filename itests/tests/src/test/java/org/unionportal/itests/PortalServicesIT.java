package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal services every module uses, on the built distribution with the mutual-aid module: attachments
 * only for those who may see their owner, notifications queued once per key and sent by the log sender, the
 * audit trail per subtree, and the one console page of module figures.
 */
@ExtendWith(SharedPortal.class)
class PortalServicesIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";
    private static Distribution portal;
    private static Api api;

    @RegisterExtension
    static final ModuleForClass MODULE = ModuleForClass.of(FEATURE, PROBE);

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    /** A new one-day hospital stay of the demo member 陈静 (梁溪区), in June (other tests file theirs in July). */
    private static long newClaim(String member, int dayOfJune) {
        JsonNode cover = null;
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        for (JsonNode e : api.get("/api/mutual-aid/me", member).expect(200).json().path("enrolments")) {
            if ("WX-3IN1".equals(e.path("planCode").asText()) && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear) {
                cover = e;
            }
        }
        assertNotNull(cover, "the demo member's cover");
        int year = LocalDate.parse(cover.path("coverStart").asText()).getYear();
        return api.post("/api/mutual-aid/claims", member, MutualAidData.hospitalStay(cover.path("id").asLong(),
                LocalDate.of(year, 6, dayOfJune), 1, 200_000, 50_000)).expect(201).json().path("id").asLong();
    }

    @Test
    void anAttachmentGoesOnlyToThoseWhoMaySeeItsOwner() {
        String member = api.login("member");
        long claimId = newClaim(member, 3);
        String path = "/api/mutual-aid/claims/" + claimId + "/documents";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 'i', 'n', 'v', 'o', 'i', 'c', 'e'};
        JsonNode doc = api.send("POST", path + "?fileName=invoice.png", member, png,
                Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertEquals("image/png", doc.path("contentType").asText());
        String docPath = path + "/" + doc.path("id").asLong();

        for (String insider : List.of("member", "operator", "district", "admin")) {
            Api.Reply download = api.send("GET", docPath, api.login(insider), null, Map.of("Accept", "*/*")).expect(200);
            assertTrue(download.body().endsWith("invoice"), () -> insider + " download: " + download);
            assertTrue(download.header("Cache-Control").orElse("").contains("no-store"), download::toString);
        }
        for (String outsider : List.of("district2", "operator2")) {
            String token = api.login(outsider);
            api.get(path, token).expectProblem(404);
            api.send("GET", docPath, token, null, Map.of("Accept", "*/*")).expectProblem(404);
        }
        // an operator of another district may upload to its own claims, not to this one (a district admin may not upload at all)
        api.send("POST", path + "?fileName=x.png", api.login("operator2"), png, Map.of("Content-Type", "application/octet-stream"))
                .expectProblem(404);
        // the attachment id under another claim is not found either
        long otherClaim = newClaim(member, 9);
        api.send("GET", "/api/mutual-aid/claims/" + otherClaim + "/documents/" + doc.path("id").asLong(), member, null,
                Map.of("Accept", "*/*")).expectProblem(404);
        assertEquals(1, api.get(path, member).expect(200).json().size());
    }

    @Test
    void aNotificationIsQueuedOncePerKeyAndSentByTheLogSender() {
        String admin = api.login("admin");
        api.post("/api/mutual-aid/reminders/scan-cover-ending", admin, Map.of()).expect(200);
        assertEquals(0, api.post("/api/mutual-aid/reminders/scan-cover-ending", admin, Map.of()).expect(200).json()
                .path("queued").asInt(), "a second scan queues no key again");

        long claimId = newClaim(api.login("member"), 20);
        String district = api.login("district");
        api.post("/api/mutual-aid/claims/" + claimId + "/decision", district, Map.of("action", "RETURN", "reason", "请补充发票"))
                .expect(200);
        JsonNode sent = Await.until("the return's reminder to be sent", Duration.ofSeconds(30),
                () -> returned(admin, claimId), list -> list.size() == 1 && "SENT".equals(list.get(0).path("status").asText()))
                .get(0);
        assertEquals("log", sent.path("sender").asText());
        assertEquals("mutual-aid", sent.path("module").asText());
        assertTrue(sent.path("phone").asText().contains("****"), () -> "masked phone: " + sent);
        assertEquals(1, returned(district, claimId).size(), "the district sees its union's reminder");
        assertTrue(returned(api.login("district2"), claimId).isEmpty(), "another district does not");
        api.get("/api/portal/notifications", api.login("member")).expectProblem(403);
    }

    private static List<JsonNode> returned(String token, long claimId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : api.get("/api/portal/notifications?module=mutual-aid&kind=CLAIM_RETURNED&size=500", token).expect(200)
                .json().path("items")) {
            if (n.path("message").asText().contains("编号 " + claimId + "）")) {
                found.add(n);
            }
        }
        return found;
    }

    @Test
    void auditEntriesAreVisibleToTheDistrictForItsSubtreeOnly() {
        api.login("operator");
        api.login("operator2");
        String district = api.login("district");
        String district2 = api.login("district2");

        Api.Reply mine = api.get("/api/portal/audit?user=operator&action=LOGIN", district).expect(200);
        assertTrue(mine.json().path("total").asLong() >= 1, mine::toString);
        assertEquals("portal", mine.json().path("items").get(0).path("module").asText());
        assertTrue(mine.header("Cache-Control").orElse("").contains("no-store"), mine::toString);
        assertEquals(0, api.get("/api/portal/audit?user=operator2", district).expect(200).json().path("total").asLong(),
                "梁溪区 sees nothing of 滨湖区's users");
        assertTrue(api.get("/api/portal/audit?user=operator2", district2).expect(200).json().path("total").asLong() >= 1);
        for (JsonNode e : api.get("/api/portal/audit?size=500", district).expect(200).json().path("items")) {
            assertFalse("operator2".equals(e.path("username").asText()) || "district2".equals(e.path("username").asText()),
                    () -> "another district's entry: " + e);
        }

        Api.Reply csv = api.send("GET", "/api/portal/audit/export?format=csv&user=operator", district, null, Map.of("Accept", "text/csv"))
                .expect(200);
        assertTrue(csv.body().contains("operator") && csv.body().contains("LOGIN"), csv::toString);
        assertTrue(csv.header("Cache-Control").orElse("").contains("no-store"), csv::toString);
        api.get("/api/portal/audit", api.login("operator")).expectProblem(403);

        // a module's write, per record: what changed, for its district only
        long claimId = newClaim(api.login("member"), 25);
        api.post("/api/mutual-aid/claims/" + claimId + "/decision", district, Map.of("action", "START_REVIEW")).expect(200);
        String record = "/api/portal/audit?module=mutual-aid&recordType=claim&recordId=" + claimId;
        JsonNode entries = api.get(record, district).expect(200).json().path("items");
        assertEquals(2, entries.size(), () -> "entries of the claim: " + entries);
        assertEquals("START_REVIEW", entries.get(0).path("action").asText());
        assertEquals("district", entries.get(0).path("username").asText());
        assertEquals("SUBMITTED", entries.get(0).path("before").path("status").asText(), entries::toString);
        assertEquals("UNDER_REVIEW", entries.get(0).path("after").path("status").asText(), entries::toString);
        assertEquals("CREATE", entries.get(1).path("action").asText());
        assertEquals(0, api.get(record, district2).expect(200).json().path("total").asLong(), "滨湖区 does not see 梁溪区's claim");
        api.get("/api/portal/audit?from=yesterday", district).expectProblem(422);
    }

    @Test
    void theConsolePageListsEveryModulesFigures() {
        Api.Reply json = api.basic("GET", "/system/console/union-status.json", "admin", Distribution.PASSWORD, null, Map.of()).expect(200);
        List<String> modules = new ArrayList<>();
        json.json().path("modules").forEach(m -> modules.add(m.path("id").asText()));
        assertTrue(modules.containsAll(List.of("portal", "mutual-aid")), () -> "modules on the page: " + json);
        Api.Reply html = api.basic("GET", "/system/console/union-status", "admin", Distribution.PASSWORD, null, Map.of()).expect(200);
        assertTrue(html.body().contains("待发送通知") && html.body().contains("现行互助项目"), () -> "page: " + html.body());
        json.json().path("modules").forEach(m -> assertTrue(m.path("error").isNull(), () -> "figures failed: " + m));
        assertEquals(401, api.basic("GET", "/system/console/union-status.json", "member", Distribution.PASSWORD, null, Map.of()).status());
    }
}
