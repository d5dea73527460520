package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sweep's own logic, without a portal: which ids fill which parameters, and what counts as a record's data. */
class RouteSweepTest {

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static RouteSweep.Route route(String method, String path, String... parameters) {
        return new RouteSweep.Route(method, path, List.of(parameters), "ma", "SIGNED_IN", List.of(), List.of());
    }

    @Test
    void aListAnsweredAsArrayOrAsItemsFillsItsSegmentsIds() {
        RouteSweep.Sightings seen = new RouteSweep.Sightings();
        seen.add(route("GET", "/api/ma/claims"), Map.of(), json("{\"total\":2,\"items\":[{\"id\":5},{\"id\":6},{\"id\":7}]}"));
        seen.add(route("GET", "/api/ma/batches"), Map.of(), json("[{\"id\":9}]"));

        List<RouteSweep.Binding> claims = RouteSweep.bindings(route("GET", "/api/ma/claims/{id}", "id"), seen);
        assertEquals(List.of(Map.of("id", "5"), Map.of("id", "6")), claims.stream().map(RouteSweep.Binding::values).toList(),
                "two ids a parameter");
        assertEquals("/api/ma/claims/5", route("GET", "/api/ma/claims/{id}", "id").fill(claims.get(0).values()));
        assertEquals(List.of(Map.of("id", "9")), RouteSweep.bindings(route("POST", "/api/ma/batches/{id}/approve", "id"), seen)
                .stream().map(RouteSweep.Binding::values).toList());
        assertEquals(List.of(), RouteSweep.bindings(route("GET", "/api/ma/uploads/{id}", "id"), seen), "no uploads seen");
    }

    @Test
    void aNestedRecordFillsOnlyTheRouteOfItsOwnParent() {
        RouteSweep.Sightings seen = new RouteSweep.Sightings();
        seen.add(route("GET", "/api/ma/claims"), Map.of(), json("[{\"id\":5},{\"id\":6}]"));
        seen.add(route("GET", "/api/ma/claims/{id}", "id"), Map.of("id", "6"), json("{\"id\":6,\"documents\":[{\"id\":61}]}"));

        List<Map<String, String>> bindings = RouteSweep.bindings(route("GET", "/api/ma/claims/{id}/documents/{docId}", "id", "docId"), seen)
                .stream().map(RouteSweep.Binding::values).toList();
        assertEquals(List.of(Map.of("id", "6", "docId", "61")), bindings);
    }

    @Test
    void parametersNamedLikeFieldsTakeThoseFieldsTogether() {
        RouteSweep.Sightings seen = new RouteSweep.Sightings();
        seen.add(route("GET", "/api/ma/safety-net"), Map.of(),
                json("[{\"householdId\":3,\"year\":2026,\"headName\":\"王\"},{\"householdId\":4,\"year\":2025}]"));
        List<RouteSweep.Binding> bindings = RouteSweep.bindings(
                route("GET", "/api/ma/safety-net/{householdId}/{year}", "householdId", "year"), seen);
        assertEquals(List.of(Map.of("householdId", "3", "year", "2026"), Map.of("householdId", "4", "year", "2025")),
                bindings.stream().map(RouteSweep.Binding::values).toList());
        RouteSweep.Use household = bindings.get(0).uses().get(0);
        assertTrue(household.isId());
        assertFalse(bindings.get(0).uses().get(1).isId(), "a year is not an id");
        assertTrue(seen.saw("ma", "safety-net", "householdId", "3"));
        assertFalse(seen.saw("ma", "safety-net", "householdId", "8"));
    }

    @Test
    void aRecordsDataIsItsTextNumbersAndAmountsNotItsCodesDatesOrIds() {
        Set<String> secrets = RouteSweep.secrets(json("{\"id\":42,\"name\":\"王丽华\",\"idNumber\":\"320202198003120048\","
                + "\"status\":\"APPROVED\",\"eventDate\":\"2026-06-01\",\"approvedFen\":3434300,\"days\":12,"
                + "\"claimNo\":\"42\",\"members\":[{\"phone\":\"13961000001\",\"masked\":\"139****0001\",\"other\":\"32020219800312004X\"}],"
                + "\"kind\":\"QUARTER_2026Q3\",\"at\":\"2026-06-01T08:00:00Z\"}"), Set.of("42"));
        assertEquals(Set.of("王丽华", "320202198003120048", "3434300", "34343.00", "13961000001", "139****0001", "32020219800312004X"),
                secrets);
    }
}
