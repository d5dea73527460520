package org.unionportal.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModulePathsTest {
    @Test
    void splitsModuleAndFile() {
        assertArrayEquals(new String[] {"mutual-aid", "claims.js"}, ModulePagesServlet.split("/mutual-aid/claims.js").orElseThrow());
        assertArrayEquals(new String[] {"fixture", "css/a.css"}, ModulePagesServlet.split("/fixture/css/a.css").orElseThrow());
    }

    @Test
    void refusesTraversalAndOddNames() {
        for (String bad : new String[] {null, "/", "/fixture", "/fixture/", "/../etc/passwd", "/fixture/../../x",
                "/fixture//x.js", "/Fixture/x.js", "/fixture/x.js?y", "/fixture\\x.js", "/fixture/dir/"}) {
            assertTrue(ModulePagesServlet.split(bad).isEmpty(), "must refuse " + bad);
        }
    }

    @Test
    void contentTypes() {
        assertEquals("text/javascript; charset=utf-8", ModulePagesServlet.contentType("a.JS"));
        assertEquals("application/octet-stream", ModulePagesServlet.contentType("a.exe"));
    }

    @Test
    void restBaseIsTheFirstSegment() {
        assertEquals("/fixture", ModuleRegistry.firstSegment("/fixture/items/{id}"));
        assertEquals("/fixture", ModuleRegistry.firstSegment("fixture"));
        assertEquals("", ModuleRegistry.firstSegment(""));
    }

    @Test
    void moduleSelectionParsesCommaOrSpaceSeparatedNames() {
        assertEquals(List.of("union-a", "union-b"), ModuleChoice.parse(" union-a, union-b  union-a ").names());
        assertEquals(List.of(), ModuleChoice.parse("").names());
        assertTrue(ModuleChoice.parse("").isEmpty());
    }
}
