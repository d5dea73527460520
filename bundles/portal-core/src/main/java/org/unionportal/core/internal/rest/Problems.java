package org.unionportal.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;

/** Builds {@code application/problem+json} answers (RFC 9457). */
public final class Problems {
    private Problems() {
    }

    public static Map<String, Object> body(int status, String title, String detail, List<ProblemException.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return body;
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }

    public static Response response(int status, String title, String detail, List<ProblemException.FieldError> errors) {
        return Response.status(status).type(PortalRest.PROBLEM_JSON).entity(body(status, title, detail, errors)).build();
    }
}
