package org.unionportal.core.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.web.Escape;
import org.unionportal.core.internal.rest.Problems;

/**
 * Problem answers from plain servlets (outside JAX-RS), as the REST problems are: a stable {@code code} and
 * title and detail in the caller's one language ({@code Accept-Language}, Chinese by default).
 */
public final class HttpProblems {
    private HttpProblems() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String code, Text detail)
            throws IOException {
        Language lang = Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setContentType(PortalRest.PROBLEM_JSON + "; charset=utf-8");
        response.setHeader("Content-Language", lang.tag());
        response.getOutputStream().write(json(status, code, detail, lang).getBytes(StandardCharsets.UTF_8));
    }

    public static String json(int status, String code, Text detail, Language lang) {
        return "{\"type\":\"about:blank\",\"code\":" + Escape.json(code) + ",\"title\":" + Escape.json(Problems.title(status).in(lang))
                + ",\"status\":" + status + ",\"detail\":" + Escape.json(detail.in(lang)) + "}";
    }
}
