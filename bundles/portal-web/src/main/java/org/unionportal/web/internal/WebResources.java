package org.unionportal.web.internal;

import org.unionportal.api.web.Escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pure request path → bundle resource logic of the web shell (no OSGi, no servlet API), so it can
 * be unit tested on its own.
 */
final class WebResources {

    /** Folder inside the bundle that holds the shell. */
    static final String ROOT = "/web";
    static final String INDEX = ROOT + "/index.html";
    static final String CACHE_CONTROL = "no-cache";
    static final String OCTET_STREAM = "application/octet-stream";

    /**
     * Paths other servlets own. When their owner is missing (e.g. the core is still starting) the
     * default servlet answers them with a 404 problem instead of the HTML shell, so API clients get
     * JSON and never a page.
     */
    private static final List<String> RESERVED = List.of("/api", "/events", "/modules", "/system");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("svg", "image/svg+xml;charset=utf-8"),
            Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("map", "application/json;charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    enum Kind { FILE, BAD_REQUEST, NOT_FOUND }

    /**
     * What to answer for a request path.
     *
     * @param kind        file, bad request or not found
     * @param entry       the bundle entry to serve (only for {@link Kind#FILE})
     * @param contentType its content type (only for {@link Kind#FILE})
     * @param detail      problem detail (only for errors)
     */
    record Resolution(Kind kind, String entry, String contentType, String detail) {
        static Resolution file(String entry) {
            return new Resolution(Kind.FILE, entry, WebResources.contentType(entry), null);
        }

        static Resolution notFound(String path) {
            return new Resolution(Kind.NOT_FOUND, null, null, "Nothing is served at " + path);
        }

        boolean isIndex() {
            return INDEX.equals(entry);
        }
    }

    private WebResources() {
    }

    /** The path inside the servlet context, from the servlet path and path info (either may be null). */
    static String requestPath(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * Maps a (decoded) request path to the bundle entry to serve. {@code /} and every path whose
     * last segment has no dot (deep links of the single page app) get {@code index.html}; other
     * paths name a file below {@link #ROOT}.
     */
    static Resolution resolve(String path) {
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/") || path.contains("..") || path.indexOf('\\') >= 0
                || path.indexOf('\0') >= 0) {
            return new Resolution(Kind.BAD_REQUEST, null, null, "Invalid path");
        }
        for (String reserved : RESERVED) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                return Resolution.notFound(path);
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.indexOf('.') < 0) {
            return Resolution.file(INDEX);
        }
        if (path.contains("/.") || path.contains("//")) {
            return Resolution.notFound(path);   // hidden files and empty segments are never served
        }
        return Resolution.file(ROOT + path);
    }

    /** Content type for a file name by its extension; text types carry {@code charset=utf-8}. */
    static String contentType(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash) {
            return OCTET_STREAM;
        }
        return TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }

    /** An RFC 9457 problem document. */
    static String problemJson(int status, String title, String detail) {
        return Escape.problemJson(status, title, detail);
    }
}
