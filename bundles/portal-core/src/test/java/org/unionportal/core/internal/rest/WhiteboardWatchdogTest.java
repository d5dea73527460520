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
}
