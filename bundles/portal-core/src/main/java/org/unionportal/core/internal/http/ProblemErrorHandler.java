package org.unionportal.core.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.core.internal.events.HttpProblems;

/**
 * Jetty's own error answers as problem+json instead of its HTML pages: what Jetty refuses before any servlet
 * sees the request (a NUL or an ambiguous encoding in the path, a URI or headers too long) and errors outside
 * every context. They follow {@code Accept-Language} where Jetty read the headers before refusing (an ambiguous
 * encoding in the path, headers too large). Jetty 9.4 refuses two things on the request line, before any header is
 * read: a URI too long (414, {@code HttpParser}) and a NUL in the path (400: {@code HttpURI} throws as the request line
 * ends, and the parser drops the rest of the buffer). Those are in the portal's default language, Chinese: the only
 * honest choice without the headers ({@code ProblemErrorHandlerTest} pins which is which).
 */
public class ProblemErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PortalRest.PROBLEM_JSON + "; charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        Language lang = languageOfTheRefusedRequest();
        fields.put(HttpHeader.CONTENT_LANGUAGE, lang.tag());
        return ByteBuffer.wrap(HttpProblems.json(status, code(status), detail(status), lang).getBytes(StandardCharsets.UTF_8));
    }

    /** The Accept-Language of the request the parser refused, if its headers were read by then; else Chinese. */
    static Language languageOfTheRefusedRequest() {
        try {
            HttpConnection connection = HttpConnection.getCurrentConnection();
            String header = connection == null ? null : connection.getHttpChannel().getRequest().getHeader("Accept-Language");
            return Language.fromAcceptLanguage(header);
        } catch (RuntimeException | LinkageError headersUnknown) {
            return Language.ZH;
        }
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        Language lang = Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        byte[] body = HttpProblems.json(code, code(code), detail(code), lang).getBytes(StandardCharsets.UTF_8);
        response.setContentType(PortalRest.PROBLEM_JSON + "; charset=utf-8");
        response.setHeader("Content-Language", lang.tag());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "request_malformed";
            case 404 -> "not_found";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> org.unionportal.api.rest.ProblemException.defaultCode(status);
        };
    }

    static Text detail(int status) {
        return switch (status) {
            case 400 -> Text.of("请求无法识别：地址中有不允许的字符或编码（如空字符、含糊的路径写法）。",
                    "The request cannot be read: its address holds a character or encoding that is not allowed (such as NUL or an ambiguous path).");
            case 404 -> Text.of("这个地址下没有内容。", "Nothing is served at this address.");
            case 414 -> Text.of("地址过长，请缩短。", "The address is too long; shorten it.");
            case 431 -> Text.of("请求头过大。", "The request headers are too large.");
            default -> status >= 500
                    ? Text.of("服务器暂时无法处理请求，请稍后重试。", "The server cannot serve the request now; try again later.")
                    : Text.of("请求无法按原样处理。", "The request cannot be served as sent.");
        };
    }
}
