package org.unionportal.core.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void piecesJoinWithSingleSlashesAndNoTrailingOne() {
        assertEquals("/api/fixture/items/{id}", RouteTemplates.join("/api", "fixture/", "/items/{id}/"));
        assertEquals("/api/portal", RouteTemplates.join("/api", "", "//portal", null));
        assertEquals("/", RouteTemplates.join("", "/"));
    }

    @Test
    void regularExpressionsOfParametersAreDropped() {
        assertEquals("/claims/{id}/documents/{docId}",
                RouteTemplates.normalize("/claims/{id: \\d+}/documents/{ docId : [0-9]{1,9} }"));
        assertEquals("/files/{name}", RouteTemplates.normalize("files/{name:.+}"));
    }

    @Test
    void parametersAreNamedInOrder() {
        assertEquals(List.of("householdId", "year"),
                RouteTemplates.parameters("/safety-net/{householdId: \\d+}/{year}"));
        assertEquals(List.of(), RouteTemplates.parameters("/api/portal/health"));
    }
}
