package org.unionportal.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionportal.web.internal.WebResources.Kind;
import org.unionportal.web.internal.WebResources.Resolution;

class WebResourcesTest {

    private static final Path WEB = Path.of("src/main/resources/web");

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/mutual-aid/claims", "/home/", "/css", "/apiary", "/深层/链接"})
    void rootAndDeepLinksWithoutDotServeIndex(String path) {
        Resolution r = WebResources.resolve(path);
        assertEquals(Kind.FILE, r.kind());
        assertEquals("/web/index.html", r.entry());
        assertTrue(r.isIndex());
        assertEquals("text/html;charset=utf-8", r.contentType());
    }

    @Test
    void nullPathServesIndex() {
        assertEquals("/web/index.html", WebResources.resolve(null).entry());
    }

    @Test
    void filesAreLookedUpBelowWeb() {
        Resolution r = WebResources.resolve("/js/app.js");
        assertEquals(Kind.FILE, r.kind());
        assertEquals("/web/js/app.js", r.entry());
        assertEquals("text/javascript;charset=utf-8", r.contentType());
        assertFalse(r.isIndex());
        assertEquals("/web/index.html", WebResources.resolve("/index.html").entry());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/js/../../x.js", "/..", "/a/..", "/..%2f", "/js\\app.js",
            "/x\0.js", "js/app.js"})
    void traversalAndOddPathsAreRejected(String path) {
        assertEquals(Kind.BAD_REQUEST, WebResources.resolve(path).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/portal/menu", "/api/auth/login", "/events", "/modules/x/page.js",
            "/modules", "/system/console/bundles", "/.hidden.js", "/js/.x.css", "//js/app.js"})
    void reservedHiddenAndEmptySegmentPathsAreNotFound(String path) {
        Resolution r = WebResources.resolve(path);
        assertEquals(Kind.NOT_FOUND, r.kind());
        assertTrue(r.detail().contains(path));
    }

    @ParameterizedTest
    @CsvSource({
            "/index.html, text/html;charset=utf-8",
            "/js/app.js, text/javascript;charset=utf-8",
            "/x.mjs, text/javascript;charset=utf-8",
            "/css/portal.css, text/css;charset=utf-8",
            "/favicon.svg, image/svg+xml;charset=utf-8",
            "/data.json, application/json;charset=utf-8",
            "/LOGO.PNG, image/png",
            "/file.exe, application/octet-stream",
            "/dir.d/noext, application/octet-stream"})
    void contentTypes(String name, String type) {
        assertEquals(type, WebResources.contentType(name));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "/, NULL, /",
            "'', NULL, /",
            "NULL, NULL, /",
            "/js/app.js, NULL, /js/app.js",
            "'', /js/app.js, /js/app.js",
            "/web, /x.css, /web/x.css"})
    void requestPathJoinsServletPathAndPathInfo(String servletPath, String pathInfo, String expected) {
        assertEquals(expected, WebResources.requestPath(servletPath, pathInfo));
    }

    @Test
    void problemJsonIsEscaped() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"Nothing is served at /a\\\"b\\\\c\\n\\u003c\"}",
                WebResources.problemJson(404, "Not found", "Nothing is served at /a\"b\\c\n<"));
    }

    @Test
    void everyShippedFileHasAKnownContentTypeAndResolvesToItself() throws IOException {
        List<Path> files = shippedFiles();
        assertTrue(files.size() > 3, "web resources are packaged");
        for (Path file : files) {
            String path = "/" + WEB.relativize(file).toString().replace('\\', '/');
            Resolution r = WebResources.resolve(path);
            assertEquals(Kind.FILE, r.kind(), path);
            assertEquals("/web" + path, r.entry(), path);
            assertNotEquals(WebResources.OCTET_STREAM, r.contentType(), path);
        }
    }

    @Test
    void shellUsesNoExternalUrls() throws IOException {
        Pattern url = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"`)]*");
        for (Path file : shippedFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = url.matcher(text);
            while (m.find()) {
                String found = m.group();
                // XML namespace names (SVG, the XLSX parts of the page kit) are identifiers, never fetched
                assertTrue(found.startsWith("http://www.w3.org/") || found.startsWith("http://schemas.openxmlformats.org/"),
                        file + " refers to " + found);
            }
        }
    }

    @Test
    void staticImportsOfTheShellPointAtShippedFiles() throws IOException {
        Pattern imports = Pattern.compile("(?m)^\\s*import\\s[^'\"]*['\"](\\.{1,2}/[^'\"]+)['\"]");
        for (Path file : shippedFiles()) {
            if (file.toString().endsWith(".js")) {
                Matcher m = imports.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    Path target = file.getParent().resolve(m.group(1)).normalize();
                    assertTrue(Files.isRegularFile(target), file + " imports missing " + m.group(1));
                }
            }
        }
    }

    private static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(WEB)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
