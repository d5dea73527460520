package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The member register (会员库) on the built distribution: an operator keeps the union's members by form and by
 * import, the district sees them, another district does not; a member belongs to one union (another union's
 * roster or form neither overwrites nor learns anything); transfers by staff who see both unions; the account
 * link that 我的保障 builds on.
 */
@ExtendWith(SharedPortal.class)
class MembersIT {
    private static final String MUTUAL_AID = "union-mutual-aid";
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String CHEN = MutualAidData.withCheckDigit("32020219920715002");
    private static Distribution portal;
    private static Api api;

    @RegisterExtension
    static final ModuleForClass MODULE = ModuleForClass.of(MUTUAL_AID, PROBE);

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    @Test
    void operatorKeepsTheUnionsMembersAndOnlyTheDistrictAboveSeesThem() {
        String operator = api.login("operator");
        String id = MutualAidData.idNumber(1990, 'F');
        Map<String, Object> form = form(id, "林晓", "13912340001", List.of("GIG_WORKER"), null);
        JsonNode missing = api.post("/api/portal/members", operator, form).expectProblem(422);
        assertEquals("occupation_missing", missing.path("errors").get(0).path("code").asText(), missing::toString);
        JsonNode badId = api.post("/api/portal/members", operator,
                form(id.substring(0, 17) + (id.endsWith("1") ? "2" : "1"), "林晓", null, List.of("EMPLOYEE"), null)).expectProblem(422);
        assertEquals("id_check_digit", badId.path("errors").get(0).path("code").asText(), badId::toString);
        form.put("occupation", "FOOD_DELIVERY_RIDER");
        Api.Reply created = api.post("/api/portal/members", operator, form).expect(201);
        assertTrue(created.header("Cache-Control").orElse("").contains("no-store"), "personal data must not be cached");
        long memberId = created.json().path("id").asLong();
        assertEquals("F", created.json().path("gender").asText());
        assertEquals(id, created.json().path("idNumber").asText());
        api.post("/api/portal/members", operator, form).expectProblem(409);

        // the list masks ID and phone numbers; the detail has them for staff
        Api.Reply list = api.get("/api/portal/members?q=" + id, api.login("district")).expect(200);
        assertTrue(list.header("Cache-Control").orElse("").contains("no-store"));
        JsonNode item = list.json().path("items").get(0);
        assertEquals(MutualAidData.masked(id), item.path("idNumber").asText());
        assertEquals("139****0001", item.path("phone").asText());
        assertFalse(list.body().contains(id) || list.body().contains("13912340001"), list::body);
        assertEquals(id, api.get("/api/portal/members/" + memberId, api.login("district")).expect(200).json().path("idNumber").asText());

        // another district: not found, and its searches find nothing
        for (String other : List.of("district2", "operator2")) {
            String token = api.login(other);
            assertEquals("member_not_found", api.get("/api/portal/members/" + memberId, token).expectProblem(404).path("code").asText());
            api.put("/api/portal/members/" + memberId, token, form).expectProblem(404);
            assertEquals(0, api.get("/api/portal/members?q=" + id, token).expect(200).json().path("total").asInt());
        }
        api.get("/api/portal/members", api.login("member")).expectProblem(403);

        // edit: the union's own operator changes the phone; the history keeps who and what
        form.put("phone", "13912340002");
        api.put("/api/portal/members/" + memberId, operator, form).expect(200);
        JsonNode detail = api.get("/api/portal/members/" + memberId, operator).expect(200).json();
        assertEquals("13912340002", detail.path("phone").asText());
        assertTrue(detail.path("history").toString().contains("UPDATE"), detail::toString);
    }

    @Test
    void importIsPreviewedRowByRowAndWrittenWhole() {
        String operator = api.login("operator");
        String a = MutualAidData.idNumber(1985, 'M');
        String b = MutualAidData.idNumber(1986, 'F');
        String bad = "姓名,身份证号,手机号,类别,职业\n"
                + "周杰," + a + ",13912341001,在职职工、职工代表,\n"
                + "吴芳," + b.substring(0, 17) + (b.endsWith("1") ? "2" : "1") + ",13912341002,环卫工人,\n"
                + "郑强," + MutualAidData.idNumber(1987, 'M') + ",13912341003,新就业形态劳动者,\n"
                + "陈静," + CHEN + ",13900000000,在职职工,\n";
        JsonNode preview = importFile(operator, "bad.csv", bad, false).expect(200).json();
        assertEquals(4, preview.path("rows").asInt());
        assertFalse(preview.path("canConfirm").asBoolean());
        List<String> problems = StreamSupport.stream(preview.path("problems").spliterator(), false)
                .map(p -> p.path("line").asInt() + ":" + p.path("name").asText() + ":" + p.path("code").asText()).toList();
        assertEquals(List.of("3:吴芳:id_check_digit", "4:郑强:occupation_missing"), problems,
                "陈静 is this union's own member: her row updates her record");
        long total = count(operator);
        importFile(operator, "bad.csv", bad, true).expectProblem(422);
        assertEquals(total, count(operator), "a refused import wrote rows");

        String good = "姓名,身份证号,手机号,类别,职业,入会日期\n"
                + "周杰," + a + ",13912341001,在职职工、职工代表,,2019-03-01\n"
                + "吴芳," + b + ",13912341002,环卫工人,,\n";
        JsonNode written = importFile(operator, "good.csv", good, true).expect(201).json();
        assertEquals(2, written.path("added").asInt(), written::toString);
        assertEquals(total + 2, count(operator));
        JsonNode zhou = api.get("/api/portal/members?q=" + a, api.login("district")).expect(200).json().path("items").get(0);
        assertEquals("[\"EMPLOYEE\",\"WORKER_REPRESENTATIVE\"]", zhou.path("categories").toString());

        Api.Reply csv = api.send("GET", "/api/portal/members/export?format=csv&q=" + a, operator, null, Map.of("Accept", "text/csv"))
                .expect(200);
        assertTrue(csv.body().contains("周杰") && csv.body().contains(MutualAidData.masked(a)) && !csv.body().contains(a), csv::body);
        assertTrue(csv.header("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void anotherUnionNeitherOverwritesNorLearnsAboutAMember() {
        String admin = api.login("admin");
        String operator2 = api.login("operator2");
        JsonNode before = chen(admin);

        // the form
        JsonNode refused = api.post("/api/portal/members", operator2, form(CHEN, "冒名", "13700000000", List.of("EMPLOYEE"), null))
                .expectProblem(409);
        assertEquals("member_of_other_union", refused.path("code").asText());
        assertNeutral(refused.toString());

        // a register import
        JsonNode imported = importFile(operator2, "x.csv", "姓名,身份证号,手机号\n冒名," + CHEN + ",13700000000\n", false).expect(200).json();
        assertEquals("member_of_other_union", imported.path("problems").get(0).path("code").asText(), imported::toString);
        assertNeutral(imported.path("problems").get(0).path("message").asText());

        // a mutual-aid roster: refused row, no "already enrolled", nothing written
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("REG")).expect(201).json().path("id").asLong();
        String roster = "姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员\n冒名," + CHEN + ",13700000000,女,在职职工,是,是\n";
        JsonNode preview = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=r.csv", operator2,
                roster.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertFalse(preview.path("canConfirm").asBoolean());
        List<String> codes = StreamSupport.stream(preview.path("problems").spliterator(), false).map(p -> p.path("code").asText()).toList();
        assertEquals(List.of("member_of_other_union"), codes, preview::toString);
        assertNeutral(preview.path("problems").toString());
        api.post("/api/mutual-aid/enrolments/uploads/" + preview.path("uploadId").asLong() + "/confirm", operator2, null)
                .expectProblem(422);
        // English callers get the English text only
        JsonNode english = api.send("POST", "/api/portal/members", operator2,
                form(CHEN, "x", null, List.of("EMPLOYEE"), null), Map.of("Accept-Language", "en")).expectProblem(409);
        assertTrue(english.path("detail").asText().contains("transfer") && !english.toString().matches("(?s).*[\\u4e00-\\u9fff].*"),
                english::toString);

        JsonNode after = chen(admin);
        assertEquals(before.path("name").asText(), after.path("name").asText());
        assertEquals(before.path("phone").asText(), after.path("phone").asText());
        assertEquals(before.path("orgId").asLong(), after.path("orgId").asLong());
    }

    @Test
    void transferIsForStaffWhoSeeBothUnions() {
        String admin = api.login("admin");
        String operator = api.login("operator");
        String id = MutualAidData.idNumber(1979, 'M');
        long memberId = api.post("/api/portal/members", operator, form(id, "钱进", "13912342001", List.of("EMPLOYEE"), null))
                .expect(201).json().path("id").asLong();
        long softwarePark = unionId(admin, "滨湖区软件园联合工会");
        long sanitation = unionId(admin, "梁溪区环卫所工会");

        // 梁溪's district moves within 梁溪; it cannot move the person out of its subtree; 滨湖 cannot see them
        api.post("/api/portal/members/" + memberId + "/transfer", operator, Map.of("orgId", sanitation)).expectProblem(403);
        JsonNode outside = api.post("/api/portal/members/" + memberId + "/transfer", api.login("district"),
                Map.of("orgId", softwarePark, "reason", "调动")).expectProblem(403);
        assertEquals("transfer_target_outside_scope", outside.path("code").asText());
        api.post("/api/portal/members/" + memberId + "/transfer", api.login("district2"), Map.of("orgId", softwarePark))
                .expectProblem(404);
        api.post("/api/portal/members/" + memberId + "/transfer", api.login("district"), Map.of("orgId", sanitation, "reason", "调岗"))
                .expect(200);

        // the city moves the person to 滨湖: 滨湖 now sees them, 梁溪 no longer; the history names both unions
        JsonNode moved = api.post("/api/portal/members/" + memberId + "/transfer", admin, Map.of("orgId", softwarePark, "reason", "调动"))
                .expect(200).json();
        assertEquals(softwarePark, moved.path("orgId").asLong());
        assertEquals(id, api.get("/api/portal/members/" + memberId, api.login("operator2")).expect(200).json().path("idNumber").asText());
        api.get("/api/portal/members/" + memberId, api.login("district")).expectProblem(404);
        JsonNode history = api.get("/api/portal/members/" + memberId, admin).expect(200).json().path("history");
        JsonNode transfer = StreamSupport.stream(history.spliterator(), false)
                .filter(h -> "TRANSFER".equals(h.path("action").asText()) && "admin".equals(h.path("actor").asText())).findFirst().orElseThrow();
        assertEquals("梁溪区环卫所工会", transfer.path("from").asText());
        assertEquals("滨湖区软件园联合工会", transfer.path("to").asText());
    }

    @Test
    void theLinkedAccountFindsItsCover() {
        String admin = api.login("admin");
        String member = api.login("member");
        long chen = chen(admin).path("id").asLong();
        assertEquals(CHEN, api.get("/api/portal/members/me", member).expect(200).json().path("idNumber").asText());
        assertTrue(api.get("/api/mutual-aid/me", member).expect(200).json().path("enrolled").asBoolean());
        try {
            api.put("/api/portal/members/" + chen + "/account", admin, Map.of("username", "")).expect(200);
            assertFalse(api.get("/api/mutual-aid/me", member).expect(200).json().path("enrolled").asBoolean(),
                    "an unlinked account still sees the cover");
        } finally {
            api.put("/api/portal/members/" + chen + "/account", admin, Map.of("username", "member")).expect(200);
        }
        JsonNode mine = api.get("/api/mutual-aid/me", member).expect(200).json();
        assertTrue(mine.path("enrolled").asBoolean() && mine.path("enrolments").size() > 0, mine::toString);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void assertNeutral(String text) {
        for (String secret : List.of("陈静", "13961000002", "梁溪", "幼儿园", "已参加", "enrolled")) {
            assertFalse(text.contains(secret), () -> "the refusal discloses '" + secret + "': " + text);
        }
    }

    private static JsonNode chen(String admin) {
        JsonNode items = api.get("/api/portal/members?q=" + CHEN, admin).expect(200).json().path("items");
        assertEquals(1, items.size());
        return api.get("/api/portal/members/" + items.get(0).path("id").asLong(), admin).expect(200).json();
    }

    private static long count(String token) {
        return api.get("/api/portal/members?size=1", token).expect(200).json().path("total").asLong();
    }

    private static long unionId(String admin, String name) {
        JsonNode unions = api.get("/api/portal/members/options", admin).expect(200).json().path("unions");
        return MutualAidData.find(unions, "name", name).path("id").asLong();
    }

    private static Api.Reply importFile(String token, String fileName, String csv, boolean confirm) {
        return api.send("POST", "/api/portal/members/imports?fileName=" + fileName + (confirm ? "&confirm=true" : ""), token,
                csv.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream"));
    }

    private static Map<String, Object> form(String idNumber, String name, String phone, List<String> categories, String occupation) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("idNumber", idNumber);
        form.put("name", name);
        form.put("phone", phone);
        form.put("categories", categories);
        form.put("occupation", occupation);
        return form;
    }
}
