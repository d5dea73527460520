package org.unionportal.api.web;

/**
 * Escaping for text the portal writes by hand: HTML (web-console pages) and JSON string literals
 * (problem answers outside JAX-RS, console figures). One implementation for the core and modules.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * Escapes text for HTML element content and quoted attribute values; {@code null} becomes "".
     * {@code $} is escaped as well because the web console replaces {@code ${...}} in HTML responses
     * with its own variables.
     */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '$' -> out.append("&#36;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A JSON string literal, quotes included; {@code null} becomes {@code null}. */
    public static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pairedHigh) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** An RFC 9457 problem document as JSON text, for answers written outside JAX-RS (servlets). */
    public static String problemJson(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + "}";
    }
}
