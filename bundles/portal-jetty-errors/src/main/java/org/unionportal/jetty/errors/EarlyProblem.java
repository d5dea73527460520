package org.unionportal.jetty.errors;

import org.unionportal.api.i18n.Language;

/**
 * The body of an early problem answer, in the caller's language only (Chinese, the portal's default, unless English
 * is preferred). Written by hand: this fragment lives in the Jetty bundle's class space, where no JSON library is
 * wired; every string here is a constant without characters that need escaping. {@link Language} is the portal API's
 * own, copied into this fragment when it is built (pom.xml), not imported: Jetty's bundle must not be wired to ours.
 */
final class EarlyProblem {
    private EarlyProblem() {
    }

    static String json(int status, Language lang) {
        boolean en = lang == Language.EN;
        String code;
        String title;
        String detail;
        switch (status) {
            case 400 -> {
                code = "request_malformed";
                title = en ? "Bad request" : "请求有误";
                detail = en ? "The request cannot be read." : "请求无法识别。";
            }
            case 404 -> {
                code = "not_found";
                title = en ? "Not found" : "未找到";
                detail = en ? "Nothing is served at this address (the portal may still be starting; try again shortly)."
                        : "这个地址下没有内容（门户可能正在启动，请稍后重试）。";
            }
            case 414 -> {
                code = "uri_too_long";
                title = en ? "Address too long" : "地址过长";
                detail = en ? "The address is too long; shorten it." : "地址过长，请缩短。";
            }
            case 431 -> {
                code = "headers_too_large";
                title = en ? "Headers too large" : "请求头过大";
                detail = en ? "The request headers are too large." : "请求头过大。";
            }
            case 503 -> {
                code = "unavailable";
                title = en ? "Service unavailable" : "服务暂不可用";
                detail = en ? "The portal is not serving yet; try again shortly." : "门户暂时无法提供服务，请稍后重试。";
            }
            default -> {
                code = status >= 500 ? "server_error" : "request_refused";
                title = en ? (status >= 500 ? "Server error" : "Request refused") : (status >= 500 ? "服务器错误" : "请求被拒绝");
                detail = status >= 500
                        ? (en ? "The server cannot serve the request now; try again later." : "服务器暂时无法处理请求，请稍后重试。")
                        : (en ? "The request cannot be served as sent." : "请求无法按原样处理。");
            }
        }
        return "{\"type\":\"about:blank\",\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
