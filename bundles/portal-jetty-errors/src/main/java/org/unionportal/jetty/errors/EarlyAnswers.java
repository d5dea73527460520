package org.unionportal.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.unionportal.api.i18n.Language;

/** What both early handlers answer: {@link EarlyProblem} bodies with the portal's headers for personal-data-free errors. */
final class EarlyAnswers {
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    private EarlyAnswers() {
    }

    static void send(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        Language lang = Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        byte[] body = EarlyProblem.json(code, lang).getBytes(StandardCharsets.UTF_8);
        response.setContentType(PROBLEM_JSON);
        response.setHeader("Content-Language", lang.tag());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (code == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "5");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static ByteBuffer badMessage(int status, HttpFields fields) {
        Language lang = languageOfTheRefusedRequest();
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CONTENT_LANGUAGE, lang.tag());
        return ByteBuffer.wrap(EarlyProblem.json(status, lang).getBytes(StandardCharsets.UTF_8));
    }

    /** The Accept-Language of the request the parser refused, where its headers were read by then; else Chinese. */
    private static Language languageOfTheRefusedRequest() {
        try {
            HttpConnection connection = HttpConnection.getCurrentConnection();
            return Language.fromAcceptLanguage(connection == null ? null : connection.getHttpChannel().getRequest().getHeader("Accept-Language"));
        } catch (RuntimeException headersUnknown) {
            return Language.ZH;
        }
    }
}
