package org.unionportal.core.internal.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WhiteboardResourcesTest {

    @Test
    void onlyResourcesOfThePortalApplicationCount() {
        assertTrue(WhiteboardResources.selectsPortal("(osgi.jaxrs.name=union.portal)"));
        assertTrue(WhiteboardResources.selectsPortal(new String[] {"(osgi.jaxrs.name=union.portal)"}));
        assertFalse(WhiteboardResources.selectsPortal("(osgi.jaxrs.name=other)"));
        assertFalse(WhiteboardResources.selectsPortal(null));
    }
}
