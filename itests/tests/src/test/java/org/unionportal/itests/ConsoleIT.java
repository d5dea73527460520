package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Felix web console and the SSH console accept the portal's platform administrators only. */
@ExtendWith(SharedPortal.class)
class ConsoleIT {

    private Distribution portal;
    private Api api;

    @BeforeEach
    void consoleUp(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        // The web console registers a little after the portal's health turns UP.
        Await.until("the web console to answer", Duration.ofSeconds(60),
                () -> api.basic("GET", "/system/console/bundles", null, null, null, Map.of()),
                r -> r.status() != 404 && r.status() != 503);
    }

    @AfterEach
    void leaveFixtureUninstalled() {
        portal.ensureFixtureUninstalled();
    }

    @Test
    void consoleNeedsAPlatformAdmin() {
        Api.Reply anonymous = api.basic("GET", "/system/console/bundles", null, null, null, Map.of());
        assertTrue(anonymous.status() == 401, () -> "anonymous: " + anonymous);

        Api.Reply member = api.basic("GET", "/system/console/bundles", "member", Distribution.PASSWORD, null, Map.of());
        assertTrue(member.status() == 401 || member.status() == 403, () -> "member: " + member);

        Api.Reply wrong = api.basic("GET", "/system/console/bundles", "admin", "wrong-password", null, Map.of());
        assertTrue(wrong.status() == 401 || wrong.status() == 403, () -> "admin with a wrong password: " + wrong);

        Api.Reply admin = api.basic("GET", "/system/console/bundles", "admin", Distribution.PASSWORD, null, Map.of());
        assertTrue(admin.status() == 200, () -> "admin: " + admin);
        assertTrue(admin.body().contains("org.unionportal.portal-core"), "the bundles page does not list portal-core");
    }

    @Test
    void modulesPageInstallsAndUninstallsTheFixture() {
        portal.ensureFixtureUninstalled();
        String adminToken = api.login("admin");

        Api.Reply json = Await.until("union-modules.json to list union-fixture", Duration.ofSeconds(60),
                () -> api.basic("GET", "/system/console/union-modules.json", "admin", Distribution.PASSWORD, null, Map.of()),
                r -> r.status() == 200 && r.body().contains(Distribution.FIXTURE_FEATURE));
        json.json(); // it is JSON

        Api.Reply page = api.basic("GET", "/system/console/union-modules", "admin", Distribution.PASSWORD, null, Map.of());
        assertTrue(page.status() == 200, () -> "the union modules page: " + page);

        Map<String, String> sameOrigin = Map.of("Origin", portal.baseUrl(),
                "Referer", portal.baseUrl() + "/system/console/union-modules");
        FeatureLog installLog = FeatureLog.mark(portal);
        Api.Reply install = api.basic("POST", "/system/console/union-modules", "admin", Distribution.PASSWORD,
                "action=install&feature=" + Distribution.FIXTURE_FEATURE, sameOrigin);
        assertTrue(install.status() >= 200 && install.status() < 400, () -> "install through the console: " + install
                + " Location: " + install.header("Location").orElse("-"));
        Await.until("fixture.items in admin's menu after installing from the console", Await.MODULE_CHANGE,
                () -> api.menuEntryIds(adminToken), ids -> ids.contains("fixture.items"));
        assertTrue(portal.fixtureInstalled(), "the console's install is not a feature install");
        ModuleLifecycleIT.assertNoOtherBundleTouched(installLog, "install from the console");

        FeatureLog uninstallLog = FeatureLog.mark(portal);
        Api.Reply uninstall = api.basic("POST", "/system/console/union-modules", "admin", Distribution.PASSWORD,
                "action=uninstall&feature=" + Distribution.FIXTURE_FEATURE, sameOrigin);
        assertTrue(uninstall.status() >= 200 && uninstall.status() < 400, () -> "uninstall through the console: " + uninstall
                + " Location: " + uninstall.header("Location").orElse("-"));
        Await.until("fixture.items to leave admin's menu after uninstalling from the console", Await.MODULE_CHANGE,
                () -> api.menuEntryIds(adminToken), ids -> ids.stream().noneMatch(id -> id.startsWith("fixture.")));
        assertFalse(portal.fixtureInstalled(), "union-fixture is still installed");
        ModuleLifecycleIT.assertNoOtherBundleTouched(uninstallLog, "uninstall from the console");
    }

    @Test
    void modulesPageRefusesAForeignOrigin() {
        portal.ensureFixtureUninstalled();
        Api.Reply forged = api.basic("POST", "/system/console/union-modules", "admin", Distribution.PASSWORD,
                "action=install&feature=" + Distribution.FIXTURE_FEATURE,
                Map.of("Origin", "http://evil.example", "Referer", "http://evil.example/page"));
        assertTrue(forged.status() >= 400, () -> "a cross-site POST was accepted: " + forged);
        // The console installs within the POST (FeaturesService.installFeature returns when it is done), so once the
        // answer is here the feature would already be installed: no waiting needed to see that it is not.
        assertFalse(portal.fixtureInstalled(), "the cross-site POST installed the fixture");
        String adminToken = api.login("admin");
        List<String> ids = api.menuEntryIds(adminToken);
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("fixture.")), () -> "the cross-site POST installed the fixture: " + ids);
    }

    @Test
    void sshConsoleAcceptsThePortalAdmin() {
        Distribution.ShellResult result = portal.shellResult("feature:list");
        assertTrue(result.ok(), () -> "bin/client -u admin: " + result);
        assertTrue(result.output().contains("union-portal"), () -> "feature:list lacks union-portal: " + result.output());

        Distribution.ShellResult member = portal.shellResult("feature:list", "member", Distribution.PASSWORD, 1);
        assertFalse(member.exitCode() == 0 && member.output().contains("union-portal"),
                () -> "SSH accepts a MEMBER: " + member);
    }
}
