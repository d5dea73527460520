package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/portal/system/bundles}: how often each bundle was started and stopped. */
final class Bundles {

    record Bundle(long id, String symbolicName, String version, String state, long starts, long stops) {
    }

    private Bundles() {
    }

    static Map<Long, Bundle> snapshot(Api api, String adminToken) {
        Api.Reply reply = api.get("/api/portal/system/bundles", adminToken).expect(200);
        JsonNode list = reply.json();
        assertTrue(list.isArray() && list.size() > 0, () -> "bundles: " + reply);
        Map<Long, Bundle> bundles = new LinkedHashMap<>();
        for (JsonNode b : list) {
            assertTrue(b.has("starts") && b.has("stops"), () -> "a bundle without starts/stops: " + b);
            Bundle bundle = new Bundle(b.path("id").asLong(), b.path("symbolicName").asText(),
                    b.path("version").asText(), b.path("state").asText(), b.path("starts").asLong(),
                    b.path("stops").asLong());
            bundles.put(bundle.id(), bundle);
        }
        return bundles;
    }

    /** Fails when any bundle but the fixture was started or stopped between the two snapshots, or went away. */
    static void assertNoOtherBundleRestarted(Map<Long, Bundle> before, Map<Long, Bundle> after, String when) {
        assertNoOtherBundleRestarted(before, after, when, Distribution.FIXTURE_SYMBOLIC_NAME);
    }

    /** Fails when any bundle but {@code module} (a symbolic name) was started or stopped between the two snapshots, or went away. */
    static void assertNoOtherBundleRestarted(Map<Long, Bundle> before, Map<Long, Bundle> after, String when, String module) {
        List<String> changed = new ArrayList<>();
        for (Bundle b : before.values()) {
            if (module.equals(b.symbolicName())) {
                continue;
            }
            Bundle now = after.get(b.id());
            if (now == null) {
                changed.add(b.symbolicName() + " [" + b.id() + "] is gone");
            } else if (now.starts() != b.starts() || now.stops() != b.stops()) {
                changed.add(b.symbolicName() + " [" + b.id() + "] starts " + b.starts() + "->" + now.starts()
                        + ", stops " + b.stops() + "->" + now.stops());
            }
        }
        assertTrue(changed.isEmpty(), () -> when + ", other bundles were restarted: " + changed);
    }

    static void assertActiveCore(Map<Long, Bundle> bundles) {
        assertFalse(bundles.values().stream().noneMatch(b -> b.symbolicName().equals("org.unionportal.portal-core")),
                "portal-core is not in the bundle list");
    }
}
