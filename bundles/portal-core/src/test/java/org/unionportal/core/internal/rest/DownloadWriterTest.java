package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.TableExport;

class DownloadWriterTest {
    private final DownloadWriter writer = new DownloadWriter();

    private MultivaluedMap<String, Object> write(Download d, ByteArrayOutputStream body) throws Exception {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        writer.writeTo(d, Download.class, Download.class, new Annotation[0], MediaType.WILDCARD_TYPE, headers, body);
        return headers;
    }

    @Test
    void aPersonalTableGoesOutWithItsNameTypeAndNoCache() throws Exception {
        Download d = Download.table("csv", "困难职工名册", List.of("姓名"), List.of(List.of("王建国")), true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MultivaluedMap<String, Object> headers = write(d, body);
        assertEquals(TableExport.CSV_CONTENT_TYPE, headers.getFirst("Content-Type"));
        assertEquals("attachment; filename=\"______.csv\"; filename*=UTF-8''%E5%9B%B0%E9%9A%BE%E8%81%8C%E5%B7%A5%E5%90%8D%E5%86%8C.csv",
                headers.getFirst("Content-Disposition"));
        assertEquals("private, no-store", headers.getFirst("Cache-Control"));
        assertEquals("no-cache", headers.getFirst("Pragma"));
        assertEquals("nosniff", headers.getFirst("X-Content-Type-Options"));
        assertEquals(String.valueOf(body.size()), headers.getFirst("Content-Length"));
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("王建国"));
    }

    @Test
    void anImpersonalStreamedFileMayBeRevalidatedAndHasNoLength() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MultivaluedMap<String, Object> headers = write(Download.streamed("standards.csv", "text/csv", out -> out.write('x'), false), body);
        assertEquals("no-cache", headers.getFirst("Cache-Control"));
        assertEquals("nosniff", headers.getFirst("X-Content-Type-Options"));
        assertNull(headers.getFirst("Content-Length"));
        assertNull(headers.getFirst("Pragma"));
        assertEquals("x", body.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void downloadsAreWrittenHereAndNeverAsJson() {
        assertTrue(writer.isWriteable(Download.class, Download.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertTrue(writer.isWriteable(Download.class, Download.class, new Annotation[0], MediaType.WILDCARD_TYPE));
        assertFalse(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.WILDCARD_TYPE));
        assertFalse(new JsonProvider().isWriteable(Download.class, Download.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }
}
