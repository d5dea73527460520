package org.unionportal.core.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.web.Escape;

/** Problem answers from plain servlets (outside JAX-RS). */
public final class HttpProblems {
    private HttpProblems() {
    }

    public static void send(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(PortalRest.PROBLEM_JSON + "; charset=utf-8");
        response.getOutputStream().write(Escape.problemJson(status, title, detail).getBytes(StandardCharsets.UTF_8));
    }
}
