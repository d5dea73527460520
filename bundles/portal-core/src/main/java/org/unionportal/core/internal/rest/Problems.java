package org.unionportal.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;

/** Builds {@code application/problem+json} answers (RFC 9457) in the caller's one language. */
public final class Problems {
    private Problems() {
    }

    /** The short title of a status, in both languages. */
    public static Text title(int status) {
        return switch (status) {
            case 400 -> Text.of("请求有误", "Bad request");
            case 401 -> Text.of("未登录或登录已失效", "Not signed in");
            case 403 -> Text.of("无权操作", "Forbidden");
            case 404 -> Text.of("未找到", "Not found");
            case 405 -> Text.of("不支持的操作", "Method not allowed");
            case 406 -> Text.of("无法按要求的格式答复", "Not acceptable");
            case 409 -> Text.of("与现有数据冲突", "Conflict");
            case 413 -> Text.of("内容过大", "Request too large");
            case 415 -> Text.of("不支持的内容类型", "Unsupported media type");
            case 422 -> Text.of("填写有误", "Invalid input");
            case 429 -> Text.of("尝试过于频繁", "Too many requests");
            case 503 -> Text.of("服务暂不可用", "Service unavailable");
            default -> status >= 500 ? Text.of("服务器内部错误", "Internal error") : Text.of("请求无法处理", "Request not served");
        };
    }

    public static Map<String, Object> body(ProblemException p, Language lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("code", p.code());
        body.put("title", title(p.status()).in(lang));
        body.put("status", p.status());
        body.put("detail", p.message().in(lang));
        if (!p.errors().isEmpty()) {
            body.put("errors", p.errors().stream().map(e -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", e.field());
                error.put("code", e.code());
                error.put("message", e.text().in(lang));
                return error;
            }).toList());
        }
        return body;
    }

    public static Response response(ProblemException p, Language lang) {
        return Response.status(p.status()).type(PortalRest.PROBLEM_JSON).entity(body(p, lang)).build();
    }

    public static Response response(int status, String code, Text detail, Language lang) {
        return response(new ProblemException(status, code, detail), lang);
    }
}
