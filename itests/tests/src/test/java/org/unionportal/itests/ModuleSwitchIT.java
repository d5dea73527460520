package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.unionportal.itests.ModuleRecords.Module;
import org.unionportal.itests.ModuleRecords.Record;

/**
 * Per-district activation on the shared city portal: 梁溪区 switches hardship aid off for itself, its
 * users lose it at once while 滨湖区 and the city keep it; a district can undo neither another
 * district's marker nor the city's; switching on brings the module back with its data; every change is
 * in the log.
 */
@ExtendWith(SharedPortal.class)
class ModuleSwitchIT {
    private static final Module MODULE = ModuleRecords.HARDSHIP_AID;
    private static final String SWITCHES = "/api/portal/module-switches";

    private Distribution portal;
    private Api api;
    private boolean installedHere;
    private long city;
    private long liangxi;
    private long binhu;

    @BeforeEach
    void moduleInstalled(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        installedHere = portal.installModule(MODULE.feature(), MODULE.probe());
        city = api.me(api.login("admin")).path("orgId").asLong();
        liangxi = api.me(api.login("district")).path("orgId").asLong();
        binhu = api.me(api.login("district2")).path("orgId").asLong();
    }

    @AfterEach
    void everythingOnAgain() {
        String admin = api.login("admin");
        for (long org : new long[] {city, liangxi, binhu}) {
            api.delete(SWITCHES + "/" + org + "/" + MODULE.id(), admin); // 200 whatever was there
        }
        if (installedHere) {
            portal.uninstallModule(MODULE.feature(), MODULE.probe());
        }
    }

    @Test
    void aDistrictSwitchesAModuleOffForItselfOnly() {
        String admin = api.login("admin");
        String district = api.login("district");
        String operator = api.login("operator");
        String district2 = api.login("district2");
        String operator2 = api.login("operator2");
        Record record = ModuleRecords.create(api, MODULE, ModuleRecords.label());
        api.get(record.path(), operator).expect(200);
        assertFalse(entries(operator).isEmpty(), "operator has no hardship-aid menu entry to lose");
        assertFalse(entries(district2).isEmpty(), "district2 has no hardship-aid menu entry");

        // Only administrators switch.
        api.get(SWITCHES, operator).expectProblem(403);
        api.put(SWITCHES + "/" + liangxi + "/" + MODULE.id(), operator, null).expectProblem(403);

        EventStream events = new EventStream(api, operator);
        assertEquals(200, events.status(), "GET /events");
        JsonNode off = api.put(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district, null).expect(200).json();
        assertEquals("OFF", state(off, MODULE.id()), () -> "after switching off: " + off);

        // 梁溪区's users lose it at once: menu, module list, REST (404 module_switched_off), pages.
        assertTrue(entries(operator).isEmpty(), "operator still has hardship-aid entries");
        assertTrue(entries(district).isEmpty(), "district still has hardship-aid entries");
        assertTrue(entries(api.login("member")).isEmpty(), "member still has hardship-aid entries");
        assertFalse(moduleIds(operator).contains(MODULE.id()), "/api/portal/modules still lists hardship-aid for operator");
        JsonNode zh = api.get(MODULE.probe(), operator).expectProblem(404);
        assertEquals("module_switched_off", zh.path("code").asText(), () -> "problem: " + zh);
        assertTrue(zh.path("detail").asText().contains("已关闭"), () -> "not Chinese by default: " + zh);
        JsonNode en = api.send("GET", MODULE.probe(), operator, null, Map.of("Accept-Language", "en")).expectProblem(404);
        assertTrue(en.path("detail").asText().contains("switched off"), () -> "not English: " + en);
        api.get(record.path(), operator).expectProblem(404);
        api.get(MODULE.probe(), district).expectProblem(404);
        assertEquals(404, api.get(MODULE.page(), operator).status(), "the page is still served to 梁溪区's operator");
        Await.until("an 'event: modules' about hardship-aid for open browsers", Await.MODULE_CHANGE, events::events,
                list -> list.stream().anyMatch(e -> e.name().equals("modules") && e.data().contains(MODULE.id())));
        events.close();

        // 滨湖区 and the city keep it.
        assertFalse(entries(district2).isEmpty(), "district2 lost hardship-aid");
        assertFalse(entries(operator2).isEmpty(), "operator2 lost hardship-aid");
        api.get(MODULE.probe(), operator2).expect(200);
        api.get(MODULE.probe(), district2).expect(200);
        api.get(MODULE.probe(), admin).expect(200);
        assertTrue(moduleIds(operator2).contains(MODULE.id()));
        api.get(MODULE.page(), operator2).expect(200);

        // Another district can neither clear nor see 梁溪区's marker.
        api.delete(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district2).expectProblem(404);
        api.put(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district2, null).expectProblem(404);
        assertTrue(markers(district2).stream().noneMatch(m -> m.path("orgId").asLong() == liangxi),
                "district2 sees 梁溪区's marker");
        assertEquals("ON", state(api.get(SWITCHES, district2).expect(200).json(), MODULE.id()));
        api.get(MODULE.probe(), operator).expectProblem(404);

        // The change is logged: who, which organisation, which module, off; 滨湖区 does not see it.
        JsonNode last = api.get(SWITCHES + "/log", district).expect(200).json().get(0);
        assertEquals("district", last.path("username").asText(), () -> "log: " + last);
        assertEquals(liangxi, last.path("orgId").asLong(), () -> "log: " + last);
        assertEquals(MODULE.id(), last.path("module").asText(), () -> "log: " + last);
        assertFalse(last.path("on").asBoolean(true), () -> "log: " + last);
        assertFalse(last.path("at").asText("").isBlank(), () -> "log: " + last);
        for (JsonNode entry : api.get(SWITCHES + "/log", district2).expect(200).json()) {
            assertTrue(entry.path("orgId").asLong() != liangxi, () -> "district2 sees 梁溪区's log: " + entry);
        }

        // Switched on again: everything is back, with the data.
        JsonNode on = api.delete(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district).expect(200).json();
        assertEquals("ON", state(on, MODULE.id()), () -> "after switching on: " + on);
        assertFalse(entries(operator).isEmpty(), "operator's hardship-aid entries are not back");
        Api.Reply back = api.get(record.path(), operator).expect(200);
        assertTrue(back.body().contains(record.label()), () -> "the record lost its data: " + back);
        api.get(MODULE.page(), operator).expect(200);
        JsonNode latest = api.get(SWITCHES + "/log", admin).expect(200).json().get(0);
        assertEquals(liangxi, latest.path("orgId").asLong());
        assertTrue(latest.path("on").asBoolean(false), () -> "switching on is not logged: " + latest);
    }

    @Test
    void aDistrictCannotUndoTheCitysMarker() {
        String admin = api.login("admin");
        String district = api.login("district");
        String operator = api.login("operator");
        String operator2 = api.login("operator2");

        api.put(SWITCHES + "/" + city + "/" + MODULE.id(), admin, null).expect(200);
        api.get(MODULE.probe(), operator).expectProblem(404);
        api.get(MODULE.probe(), operator2).expectProblem(404);
        assertTrue(entries(operator2).isEmpty(), "operator2 keeps hardship-aid although the city switched it off");

        // The district sees why and by whom, and cannot switch it on, neither at its level nor at the city's.
        JsonNode view = api.get(SWITCHES, district).expect(200).json();
        JsonNode mine = module(view, MODULE.id());
        assertEquals("OFF_ABOVE", mine.path("state").asText(), () -> "district's view: " + view);
        assertEquals("admin", mine.path("offBy").path("setBy").asText(), () -> "district's view: " + view);
        assertEquals(city, mine.path("offBy").path("orgId").asLong());
        assertFalse(mine.path("offByYours").asBoolean(true));
        JsonNode refused = api.delete(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district).expectProblem(409);
        assertEquals("module_switched_off_above", refused.path("code").asText(), () -> "problem: " + refused);
        assertTrue(refused.path("detail").asText().contains("admin"), () -> "the answer does not say who: " + refused);
        api.delete(SWITCHES + "/" + city + "/" + MODULE.id(), district).expectProblem(404);
        api.get(MODULE.probe(), operator).expectProblem(404);

        // A district marker under the city's is the district's own: clearing it leaves the city's in force.
        api.put(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district, null).expect(200);
        JsonNode cleared = api.delete(SWITCHES + "/" + liangxi + "/" + MODULE.id(), district).expect(200).json();
        assertEquals("CLEARED_STILL_OFF_ABOVE", cleared.path("outcome").asText(), () -> "answer: " + cleared);
        api.get(MODULE.probe(), operator).expectProblem(404);

        // The city switches it on: everyone has it again.
        api.delete(SWITCHES + "/" + city + "/" + MODULE.id(), admin).expect(200);
        api.get(MODULE.probe(), operator).expect(200);
        api.get(MODULE.probe(), operator2).expect(200);
        assertFalse(entries(operator2).isEmpty(), "operator2's entries are not back");
    }

    private List<String> entries(String token) {
        return api.menuEntryIds(token).stream().filter(id -> id.startsWith(MODULE.menuPrefix())).toList();
    }

    private List<String> moduleIds(String token) {
        return java.util.stream.StreamSupport.stream(api.get("/api/portal/modules", token).expect(200).json().spliterator(), false)
                .map(m -> m.path("id").asText()).toList();
    }

    private List<JsonNode> markers(String token) {
        return java.util.stream.StreamSupport.stream(api.get(SWITCHES, token).expect(200).json().path("markers").spliterator(), false)
                .toList();
    }

    private static JsonNode module(JsonNode view, String id) {
        for (JsonNode m : view.path("modules")) {
            if (id.equals(m.path("module").asText())) {
                return m;
            }
        }
        throw new AssertionError("no module " + id + " in " + view);
    }

    private static String state(JsonNode view, String id) {
        return module(view, id).path("state").asText();
    }
}
