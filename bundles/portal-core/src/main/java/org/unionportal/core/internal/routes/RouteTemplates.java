package org.unionportal.core.internal.routes;

import java.util.ArrayList;
import java.util.List;

/** URI templates of JAX-RS routes in one spelling, so that a route can be named and compared. */
public final class RouteTemplates {
    private RouteTemplates() {
    }

    /**
     * Joins path pieces into one template: a leading slash, single slashes, no trailing slash, and
     * every parameter as plain {@code {name}} (its regular expression, as in {@code {id: \d+}}, dropped).
     */
    public static String join(String... pieces) {
        StringBuilder joined = new StringBuilder();
        for (String piece : pieces) {
            if (piece != null && !piece.isEmpty()) {
                joined.append('/').append(piece);
            }
        }
        return normalize(joined.toString());
    }

    /** See {@link #join}. */
    public static String normalize(String template) {
        String plain = withoutRegularExpressions(template == null ? "" : template);
        StringBuilder out = new StringBuilder("/");
        for (String segment : plain.split("/")) {
            if (!segment.isEmpty()) {
                if (out.length() > 1) {
                    out.append('/');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    /** The names of the template's parameters, in order. */
    public static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        String plain = withoutRegularExpressions(template);
        int open = plain.indexOf('{');
        while (open >= 0) {
            int close = plain.indexOf('}', open);
            if (close < 0) {
                break;
            }
            names.add(plain.substring(open + 1, close).strip());
            open = plain.indexOf('{', close);
        }
        return names;
    }

    /** {@code {id: \d{1,9}}} becomes {@code {id}}; braces inside the expression are counted. */
    static String withoutRegularExpressions(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '{') {
                out.append(ch);
                i++;
                continue;
            }
            int depth = 1;
            int j = i + 1;
            int colon = -1;
            while (j < template.length() && depth > 0) {
                char c = template.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (c == ':' && depth == 1 && colon < 0) {
                    colon = j;
                }
                j++;
            }
            int nameEnd = colon >= 0 ? colon : j - 1;
            out.append('{').append(template.substring(i + 1, Math.max(i + 1, nameEnd)).strip()).append('}');
            i = j;
        }
        return out.toString();
    }
}
