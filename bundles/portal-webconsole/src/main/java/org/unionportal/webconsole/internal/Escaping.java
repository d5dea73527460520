package org.unionportal.webconsole.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.unionportal.api.web.Escape;

/** HTML and JSON escaping (the API's), and URL encoding. */
public final class Escaping {
    private Escaping() {
    }

    public static String html(String text) {
        return Escape.html(text);
    }

    public static String json(String text) {
        return Escape.json(text);
    }

    /** Encodes a query parameter value. */
    public static String url(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
