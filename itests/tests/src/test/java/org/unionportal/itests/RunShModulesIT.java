package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.unionportal.itests.ModuleRecords.Module;
import org.unionportal.itests.ModuleRecords.Record;

/**
 * The portal as {@code ./run.sh} starts it (the shared portal: run.sh's configuration, demo mode):
 * every shipped module can be removed, from the SSH shell and from the web console, and comes back
 * when installed again; a module removed at runtime is not installed again by the next start.
 */
@ExtendWith(SharedPortal.class)
class RunShModulesIT {

    private static Distribution portal;
    private static Api api;

    @BeforeAll
    static void startedLikeRunSh(Distribution shared) {
        portal = shared;
        api = shared.api();
        assertEquals("*", portal.modulesCfgInstall(), "the shared portal is not configured as run.sh configures it");
        String admin = api.login("admin");
        for (Module m : List.of(ModuleRecords.MUTUAL_AID, ModuleRecords.HARDSHIP_AID)) {
            // install = * installs them in the background after start; a test class before may have left one out.
            if (!portal.featureInstalled(m.feature())) {
                portal.shell("feature:install " + m.feature());
            }
            Await.until(m.feature() + " to be installed by install = *", Duration.ofSeconds(90),
                    () -> api.get(m.probe(), admin), r -> r.status() == 200);
        }
    }

    @Test
    void mutualAidIsRemovedFromTheShellAndBroughtBackFromTheWebConsole() {
        removeAndAddAgain(ModuleRecords.MUTUAL_AID, Via.SHELL, Via.CONSOLE);
    }

    @Test
    void hardshipAidIsRemovedFromTheWebConsoleAndBroughtBackFromTheShell() {
        removeAndAddAgain(ModuleRecords.HARDSHIP_AID, Via.CONSOLE, Via.SHELL);
    }

    @Test
    void aModuleRemovedAtRuntimeStaysRemovedAfterARestart() {
        Module module = ModuleRecords.MUTUAL_AID;
        String admin = api.login("admin");
        portal.shell("feature:uninstall " + module.feature());
        Await.until(module.probe() + " to answer 404", Await.MODULE_CHANGE, () -> api.get(module.probe(), admin),
                r -> r.status() == 404);

        Path log = portal.home().resolve("data/log/karaf.log");
        long mark = size(log);
        portal.restart();
        // The core says what it made of the cfg; only then is "not reinstalled" a fact, not a race.
        Await.until("the core to find install = * applied before", Duration.ofSeconds(90),
                () -> since(log, mark), text -> text.contains("install = '*' was applied before"));
        String again = api.login("admin");
        assertFalse(portal.featureInstalled(module.feature()), "the start installed " + module.feature() + " again");
        api.get(module.probe(), again).expectProblem(404);
        assertTrue(api.menuEntryIds(again).stream().noneMatch(id -> id.startsWith(module.menuPrefix())));
        assertTrue(portal.featureInstalled(ModuleRecords.HARDSHIP_AID.feature()), "the other module is gone after the restart");

        portal.shell("feature:install " + module.feature());
        Await.until(module.probe() + " to answer 200 again", Await.MODULE_CHANGE, () -> api.get(module.probe(), again),
                r -> r.status() == 200);
    }

    private enum Via { SHELL, CONSOLE }

    private void removeAndAddAgain(Module module, Via removeVia, Via addVia) {
        String admin = api.login("admin");
        String operator = api.login("operator");
        String member = api.login("member");
        Record record = ModuleRecords.create(api, module, ModuleRecords.label());
        String reader = api.login(record.username());
        api.get(record.path(), reader).expect(200);
        assertFalse(entries(admin, module).isEmpty(), "admin has no " + module.id() + " menu entries");
        api.get(module.page(), null).expect(200);
        String symbolicName = moduleInfo(admin, module).path("symbolicName").asText();
        assertFalse(symbolicName.isBlank(), "no bundle for " + module.id());

        EventStream events = new EventStream(api, admin);
        assertEquals(200, events.status(), "GET /events");
        var before = Bundles.snapshot(api, admin);
        FeatureLog removeLog = FeatureLog.mark(portal);
        change(removeVia, "uninstall", module);

        Await.until(module.probe() + " to answer 404", Await.MODULE_CHANGE, () -> api.get(module.probe(), admin),
                r -> r.status() == 404);
        for (String token : List.of(admin, operator, member)) {
            Await.until(module.id() + "'s menu entries to go", Await.MODULE_CHANGE, () -> entries(token, module), List::isEmpty);
        }
        api.get(record.path(), reader).expectProblem(404);
        assertEquals(404, api.get(module.page(), null).status(), "the page of a removed module is still served");
        Await.until("/api/portal/modules to drop " + module.id(), Await.MODULE_CHANGE,
                () -> moduleInfo(admin, module).isMissingNode());
        assertFalse(portal.featureInstalled(module.feature()), module.feature() + " is still installed");
        Bundles.assertNoOtherBundleRestarted(before, Bundles.snapshot(api, admin), "after removing " + module.feature(), symbolicName);
        assertTrue(removeLog.actionsOnOthersThan(symbolicName).isEmpty(),
                () -> "removing " + module.feature() + " touched other bundles: " + removeLog.actionsOnOthersThan(symbolicName));
        Await.until("an 'event: modules' about " + module.id(), Await.MODULE_CHANGE, events::events,
                list -> list.stream().anyMatch(e -> e.name().equals("modules") && e.data().contains(module.id())));

        FeatureLog addLog = FeatureLog.mark(portal);
        change(addVia, "install", module);
        Await.until(module.probe() + " to answer 200 again", Await.MODULE_CHANGE, () -> api.get(module.probe(), admin),
                r -> r.status() == 200);
        Api.Reply kept = Await.until("the record to be there again", Await.MODULE_CHANGE,
                () -> api.get(record.path(), reader), r -> r.status() == 200);
        assertTrue(kept.body().contains(record.label()), () -> "the record lost its data: " + kept);
        assertFalse(entries(admin, module).isEmpty(), "admin's " + module.id() + " menu entries are not back");
        assertFalse(entries(operator, module).isEmpty() && entries(member, module).isEmpty(),
                "no " + module.id() + " menu entry for operator or member after reinstalling");
        api.get(module.page(), null).expect(200);
        Bundles.assertNoOtherBundleRestarted(before, Bundles.snapshot(api, admin), "after installing " + module.feature() + " again",
                symbolicName);
        assertTrue(addLog.actionsOnOthersThan(symbolicName).isEmpty(),
                () -> "installing " + module.feature() + " touched other bundles: " + addLog.actionsOnOthersThan(symbolicName));
        assertFalse(events.ended(), "the /events stream ended: the core or the web server restarted");
        events.close();
    }

    private void change(Via via, String action, Module module) {
        if (via == Via.SHELL) {
            String out = portal.shell("feature:" + action + " " + module.feature());
            assertFalse(out.contains("not installed"), () -> "feature:" + action + ": " + out);
            return;
        }
        Await.until("the web console to list " + module.feature(), Duration.ofSeconds(60),
                () -> api.basic("GET", "/system/console/union-modules.json", "admin", Distribution.PASSWORD, null, Map.of()),
                r -> r.status() == 200 && r.body().contains(module.feature()));
        if (action.equals("uninstall")) {
            Api.Reply page = api.basic("GET", "/system/console/union-modules", "admin", Distribution.PASSWORD, null, Map.of());
            assertTrue(page.body().contains("data-confirm=\"卸载 " + module.feature() + "？"),
                    () -> "the uninstall button does not ask first: " + page);
        }
        Api.Reply reply = api.basic("POST", "/system/console/union-modules", "admin", Distribution.PASSWORD,
                "action=" + action + "&feature=" + module.feature(), Map.of("Origin", portal.baseUrl(),
                        "Referer", portal.baseUrl() + "/system/console/union-modules"));
        assertTrue(reply.status() >= 200 && reply.status() < 400, () -> action + " through the console: " + reply);
        String location = reply.header("Location").orElse("");
        assertFalse(location.contains("status=error"), () -> action + " through the console failed: "
                + java.net.URLDecoder.decode(location, StandardCharsets.UTF_8));
    }

    private static List<String> entries(String token, Module module) {
        return api.menuEntryIds(token).stream().filter(id -> id.startsWith(module.menuPrefix())).toList();
    }

    private static JsonNode moduleInfo(String token, Module module) {
        for (JsonNode m : api.get("/api/portal/modules", token).expect(200).json()) {
            if (module.id().equals(m.path("id").asText())) {
                return m;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String since(Path file, long mark) {
        try {
            byte[] all = Files.readAllBytes(file);
            int from = all.length < mark ? 0 : (int) mark;
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
