package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class WhiteboardWatchdogTest {
    private static ApplicationDTO app(String name) {
        ApplicationDTO a = new ApplicationDTO();
        a.name = name;
        return a;
    }

    private static FailedApplicationDTO failed(String name) {
        FailedApplicationDTO a = new FailedApplicationDTO();
        a.name = name;
        return a;
    }

    private static RuntimeDTO runtime(ApplicationDTO[] deployed, FailedApplicationDTO[] failed) {
        RuntimeDTO dto = new RuntimeDTO();
        dto.applicationDTOs = deployed;
        dto.failedApplicationDTOs = failed;
        return dto;
    }

    @Test
    void deployedWhenTheRuntimeServesIt() {
        assertEquals(WhiteboardWatchdog.Status.DEPLOYED, WhiteboardWatchdog.status(
                runtime(new ApplicationDTO[] {app(".default"), app("union.portal")}, new FailedApplicationDTO[0]), "union.portal"));
    }

    @Test
    void failedWhenTheRuntimeKnowsItButCannotServeIt() {
        assertEquals(WhiteboardWatchdog.Status.FAILED, WhiteboardWatchdog.status(
                runtime(new ApplicationDTO[] {app(".default")}, new FailedApplicationDTO[] {failed("union.portal")}), "union.portal"));
    }

    @Test
    void lostWhenTheRuntimeHasNeverHeardOfIt() {
        assertEquals(WhiteboardWatchdog.Status.LOST, WhiteboardWatchdog.status(
                runtime(new ApplicationDTO[] {app(".default")}, new FailedApplicationDTO[0]), "union.portal"));
        assertEquals(WhiteboardWatchdog.Status.LOST, WhiteboardWatchdog.status(runtime(null, null), "union.portal"));
    }

    private static ApplicationDTO app(String name, long... resourceIds) {
        ApplicationDTO a = app(name);
        a.resourceDTOs = java.util.Arrays.stream(resourceIds).mapToObj(id -> {
            org.osgi.service.jaxrs.runtime.dto.ResourceDTO r = new org.osgi.service.jaxrs.runtime.dto.ResourceDTO();
            r.serviceId = id;
            return r;
        }).toArray(org.osgi.service.jaxrs.runtime.dto.ResourceDTO[]::new);
        return a;
    }

    @Test
    void aRegisteredResourceThatNoApplicationShowsIsMissing() {
        RuntimeDTO dto = runtime(new ApplicationDTO[] {app("union.portal", 11, 12)}, new FailedApplicationDTO[0]);
        dto.defaultApplication = app(".default", 20);
        org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO failedOne = new org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO();
        failedOne.serviceId = 30;
        dto.failedResourceDTOs = new org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO[] {failedOne};
        assertEquals(java.util.Set.of(13L), WhiteboardWatchdog.missingResources(dto, java.util.Set.of(11L, 12L, 13L, 20L, 30L)));
        assertEquals(java.util.Set.of(), WhiteboardWatchdog.missingResources(dto, java.util.Set.of(11L, 20L)));
    }
}
