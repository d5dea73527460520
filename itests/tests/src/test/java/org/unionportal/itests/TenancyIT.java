package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Data scope follows the union tree: a district admin of 梁溪区 sees nothing of 滨湖区 and cannot
 * tell a 滨湖 item from a missing one.
 */
@ExtendWith(SharedPortal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT {

    private Distribution portal;
    private Api api;

    @BeforeAll
    void installFixture(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        if (!portal.fixtureInstalled()) {
            portal.installFixture();
        }
        String admin = api.login("admin");
        Await.until("GET /api/fixture/items to answer 200", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items", admin), r -> r.status() == 200);
    }

    @AfterAll
    void uninstallFixture() {
        if (portal != null) {
            portal.ensureFixtureUninstalled();
        }
    }

    @Test
    void itemsOfAnotherDistrictAreInvisible() {
        String operator2 = api.login("operator2");
        String district = api.login("district");
        String district2 = api.login("district2");
        JsonNode op2 = api.me(operator2);

        String title = "滨湖 " + UUID.randomUUID();
        JsonNode item = api.post("/api/fixture/items", operator2, Map.of("title", title)).expect(201).json();
        long id = item.path("id").asLong();
        assertEquals(op2.path("orgId").asLong(), item.path("orgId").asLong(), () -> "item org: " + item);
        assertTrue(item.path("orgPath").asText().startsWith(op2.path("orgPath").asText()), () -> "item path: " + item);

        // 梁溪区 admin: not in the list, 404 by id, 404 on PUT and DELETE, the item unchanged.
        Api.Reply list = api.get("/api/fixture/items", district).expect(200);
        assertFalse(ModuleLifecycleIT.ids(list.json()).contains(id), () -> "district sees 滨湖's item: " + list);
        JsonNode notFound = api.get("/api/fixture/items/" + id, district).expectProblem(404);
        assertFalse(notFound.toString().contains(title), "the 404 leaks the title");
        api.put("/api/fixture/items/" + id, district, Map.of("title", "hijacked")).expectProblem(404);
        // the scope is checked before the body: a bad title for 滨湖's item is 404 too, never 422
        assertEquals("fixture_item_not_found",
                api.put("/api/fixture/items/" + id, district, Map.of("title", " ")).expectProblem(404).path("code").asText());
        api.post("/api/fixture/items/" + id + "/done", district, null).expectProblem(404);
        api.delete("/api/fixture/items/" + id, district).expectProblem(404);

        // 滨湖区 admin sees it, unchanged.
        Api.Reply list2 = api.get("/api/fixture/items", district2).expect(200);
        assertTrue(ModuleLifecycleIT.ids(list2.json()).contains(id), () -> "district2 misses its item: " + list2);
        assertEquals(title, api.get("/api/fixture/items/" + id, district2).expect(200).json().path("title").asText());

        // The 梁溪区 admin cannot create an item for a 滨湖 organisation either.
        api.post("/api/fixture/items", district, Map.of("title", "x", "orgId", op2.path("orgId").asLong()))
                .expectProblem(404);
    }

    @Test
    void moduleWritesAreValidatedAndRoleChecked() {
        String district2 = api.login("district2");
        String member = api.login("member");

        // 422 with a field error from the API's Validation, through the core's problem mapper.
        JsonNode invalid = api.post("/api/fixture/items", district2, Map.of("title", "  ")).expectProblem(422);
        assertEquals("title", invalid.path("errors").path(0).path("field").asText(), () -> "errors: " + invalid);
        api.post("/api/fixture/items", district2, Map.of("title", "x".repeat(201))).expectProblem(422);
        // @RolesAllowed on a module's method: a member may read but not write.
        api.post("/api/fixture/items", member, Map.of("title", "member item")).expectProblem(403);
        api.get("/api/fixture/items", member).expect(200);

        JsonNode item = api.post("/api/fixture/items", district2, Map.of("title", "改名前")).expect(201).json();
        long id = item.path("id").asLong();
        JsonNode renamed = api.put("/api/fixture/items/" + id, district2, Map.of("title", "改名后")).expect(200).json();
        assertEquals("改名后", renamed.path("title").asText());
        assertEquals("改名后", api.get("/api/fixture/items/" + id, district2).expect(200).json().path("title").asText());
        Api.Reply deleted = api.delete("/api/fixture/items/" + id, district2);
        assertEquals(204, deleted.status(), () -> "delete: " + deleted);
        api.get("/api/fixture/items/" + id, district2).expectProblem(404);
    }

    @Test
    void anItemIsDoneOnceAndTheFiguresCountOnlyTheSubtree() {
        String district = api.login("district");
        String district2 = api.login("district2");
        String operator2 = api.login("operator2");
        JsonNode before2 = api.get("/api/fixture/figures", district2).expect(200).json();
        JsonNode before = api.get("/api/fixture/figures", district).expect(200).json();

        JsonNode item = api.post("/api/fixture/items", operator2, Map.of("title", "办结前")).expect(201).json();
        assertEquals("OPEN", item.path("status").asText());
        long id = item.path("id").asLong();
        JsonNode done = api.post("/api/fixture/items/" + id + "/done", operator2, null).expect(200).json();
        assertEquals("DONE", done.path("status").asText());
        assertEquals("operator2", done.path("doneBy").asText());
        JsonNode again = api.post("/api/fixture/items/" + id + "/done", operator2, null).expectProblem(409);
        assertEquals("fixture_item_done", again.path("code").asText());
        // the problem speaks the caller's one language
        Api.Reply english = api.send("PUT", "/api/fixture/items/" + id, operator2, Map.of("title", "x"), Map.of("Accept-Language", "en"));
        assertEquals("This item is done and can no longer be changed.", english.expectProblem(409).path("detail").asText(),
                () -> "English problem: " + english);

        JsonNode after2 = api.get("/api/fixture/figures", district2).expect(200).json();
        assertEquals(before2.path("total").path("done").asLong() + 1, after2.path("total").path("done").asLong(), () -> "figures: " + after2);
        assertEquals(before.path("total"), api.get("/api/fixture/figures", district).expect(200).json().path("total"),
                "滨湖's item counts in 梁溪's figures");
        api.get("/api/fixture/figures", api.login("member")).expectProblem(403);
    }

    /**
     * The portal services through the fixture: an item's files (api.attachment) go only to its subtree,
     * marking someone else's item done queues one message to its creator (api.notification), and the
     * console page shows the fixture's figures (api.module.ModuleStatus) while it is installed.
     */
    @Test
    void anItemsFilesAndDoneMessageStayInItsSubtree() {
        String operator2 = api.login("operator2");
        String district2 = api.login("district2");
        String district = api.login("district");
        long id = api.post("/api/fixture/items", operator2, Map.of("title", "附件与通知")).expect(201).json().path("id").asLong();
        String files = "/api/fixture/items/" + id + "/files";
        byte[] pdf = "%PDF-1.4 fixture receipt".getBytes(StandardCharsets.US_ASCII);

        JsonNode file = api.send("POST", files + "?fileName=receipt.pdf", operator2, pdf,
                Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertEquals("application/pdf", file.path("contentType").asText(), file::toString);
        String filePath = files + "/" + file.path("id").asLong();
        Api.Reply download = api.send("GET", filePath, district2, null, Map.of("Accept", "*/*")).expect(200);
        assertTrue(download.body().endsWith("fixture receipt"), download::toString);
        assertTrue(download.header("Cache-Control").orElse("").contains("no-store"), download::toString);
        assertEquals(1, api.get(files, district2).expect(200).json().size());
        // 梁溪区 cannot tell the item's files from a missing item's
        assertEquals("fixture_item_not_found", api.get(files, district).expectProblem(404).path("code").asText());
        api.send("GET", filePath, district, null, Map.of("Accept", "*/*")).expectProblem(404);
        api.send("POST", files + "?fileName=x.pdf", district, pdf, Map.of("Content-Type", "application/octet-stream"))
                .expectProblem(404);
        // not a PDF, JPEG or PNG by its bytes
        api.send("POST", files + "?fileName=x.pdf", operator2, "plain text".getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "application/octet-stream")).expectProblem(415);

        api.post("/api/fixture/items/" + id + "/done", district2, null).expect(200);
        JsonNode notice = Await.until("the creator's message about item " + id, Duration.ofSeconds(30),
                () -> doneNotices(district2, id), list -> list.size() == 1).get(0);
        assertEquals("fixture", notice.path("module").asText(), notice::toString);
        assertTrue(doneNotices(district, id).isEmpty(), "梁溪区 sees 滨湖区's message");

        Api.Reply status = api.basic("GET", "/system/console/union-status.json", "admin", Distribution.PASSWORD, null, Map.of())
                .expect(200);
        JsonNode fixture = null;
        for (JsonNode m : status.json().path("modules")) {
            fixture = "fixture".equals(m.path("id").asText()) ? m : fixture;
        }
        assertTrue(fixture != null && fixture.path("error").isNull(), () -> "the fixture on the console page: " + status);
        long done = -1;
        for (JsonNode f : fixture.path("figures")) {
            done = "items.done".equals(f.path("code").asText()) ? f.path("value").asLong() : done;
        }
        assertTrue(done >= 1, fixture::toString);
    }

    private List<JsonNode> doneNotices(String token, long itemId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : api.get("/api/portal/notifications?module=fixture&kind=ITEM_DONE&size=500", token).expect(200)
                .json().path("items")) {
            if (n.path("message").asText().contains("编号 " + itemId + "）")) {
                found.add(n);
            }
        }
        return found;
    }

    @Test
    void organisationsAreLimitedToTheSubtree() {
        String district = api.login("district");
        String district2 = api.login("district2");
        JsonNode me = api.me(district);
        JsonNode binhu = api.me(district2);
        long binhuId = binhu.path("orgId").asLong();
        assertNotEquals(me.path("orgId").asLong(), binhuId, "district and district2 share an organisation");
        String binhuName = binhu.path("orgName").asText();
        assertTrue(binhuName.contains("滨湖"), () -> "district2 is not the 滨湖区 admin: " + binhu);

        Api.Reply reply = api.get("/api/portal/organisations", district).expect(200);
        JsonNode orgs = reply.json();
        assertTrue(orgs.isArray() && orgs.size() > 0, () -> "organisations: " + reply);
        String subtree = me.path("orgPath").asText();
        List<Long> ids = ModuleLifecycleIT.ids(orgs);
        assertTrue(ids.contains(me.path("orgId").asLong()), () -> "the district's own organisation is missing: " + reply);
        for (JsonNode org : orgs) {
            assertTrue(org.path("path").asText().startsWith(subtree), () -> "outside " + subtree + ": " + org);
            assertFalse(org.path("name").asText().contains("滨湖"), () -> "district sees a 滨湖 organisation: " + org);
        }
        assertFalse(ids.contains(binhuId), () -> "district sees 滨湖区: " + reply);

        api.get("/api/portal/organisations/" + binhuId, district).expectProblem(404);
        api.get("/api/portal/organisations/" + binhuId, district2).expect(200);
        api.get("/api/portal/organisations/" + me.path("orgId").asLong(), district).expect(200);
    }
}
