package org.unionportal.api.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.ProblemException;

class DownloadTest {
    @Test
    void chineseFileNamesArePercentEncodedWithAnAsciiStandIn() {
        Download d = Download.of("困难职工 名册 2026.csv", TableExport.CSV_CONTENT_TYPE, new byte[] {1}, true);
        assertEquals("attachment; filename=\"____ __ 2026.csv\"; filename*=UTF-8''"
                + "%E5%9B%B0%E9%9A%BE%E8%81%8C%E5%B7%A5%20%E5%90%8D%E5%86%8C%202026.csv", d.contentDisposition());
    }

    @Test
    void aNameCannotBreakTheHeaderOrCarryAPath() {
        Download d = Download.of("../etc/pa\"ss\r\nX-Evil: 1.csv", "text/csv", new byte[0], false);
        assertEquals("pa\"ssX-Evil: 1.csv", d.fileName());
        assertTrue(d.contentDisposition().startsWith("attachment; filename=\"pa_ssX-Evil: 1.csv\"; filename*=UTF-8''pa%22ssX-Evil%3A%201.csv"),
                d.contentDisposition());
        assertEquals("download", Download.of("..", "text/csv", new byte[0], false).fileName());
        assertEquals("download", Download.of("a/", "text/csv", new byte[0], false).fileName());
    }

    @Test
    void personalFilesAreNeverCached() {
        assertEquals("private, no-store", Download.of("a.csv", "text/csv", new byte[0], true).cacheControl());
        assertEquals("no-cache", Download.of("a.csv", "text/csv", new byte[0], false).cacheControl());
    }

    @Test
    void tablesInEitherFormat() throws IOException {
        List<String> headers = List.of("姓名", "金额（元）");
        List<List<Object>> rows = List.of(List.of("王建国", "1500.00"));
        Download csv = Download.table("CSV", "名册", headers, rows, true);
        assertEquals("名册.csv", csv.fileName());
        assertEquals(TableExport.CSV_CONTENT_TYPE, csv.mediaType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.writeTo(out);
        assertArrayEquals(TableExport.csv(headers, rows), out.toByteArray());
        assertEquals(out.size(), csv.length());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("王建国,1500.00"));

        Download xlsx = Download.table("xlsx", "名册", headers, rows, true);
        assertEquals("名册.xlsx", xlsx.fileName());
        assertEquals(TableExport.XLSX_CONTENT_TYPE, xlsx.mediaType());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        xlsx.writeTo(zip);
        assertEquals('P', zip.toByteArray()[0]);
        assertEquals('K', zip.toByteArray()[1]);

        assertEquals(TableFormat.CSV, TableFormat.parse(null));
        ProblemException pdf = assertThrows(ProblemException.class, () -> Download.table("pdf", "名册", headers, rows, true));
        assertEquals(400, pdf.status());
        assertEquals("unsupported_format", pdf.code());
    }

    @Test
    void streamedFilesHaveNoLengthBeforehand() throws IOException {
        Download d = Download.streamed("a.txt", "text/plain", out -> out.write('x'), false);
        assertEquals(-1, d.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.writeTo(out);
        assertEquals("x", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void theExportPurposeDecidesWhatIsMasked() {
        String id = "320202197805061013";
        assertEquals("3202**********1013", ExportPurpose.LIST.idNumber(id));
        assertEquals(id, ExportPurpose.ROSTER.idNumber(id));
        assertEquals(id, ExportPurpose.PAYMENT.idNumber(id));
        assertEquals("139****0000", ExportPurpose.LIST.phone("13912340000"));
        assertEquals("139****0000", ExportPurpose.PAYMENT.phone("13912340000"));
        assertEquals("***************5678", ExportPurpose.LIST.bankAccount("6222020302012345678"));
        assertEquals("***************5678", ExportPurpose.ROSTER.bankAccount("6222020302012345678"));
        assertEquals("6222020302012345678", ExportPurpose.PAYMENT.bankAccount("6222020302012345678"));
        assertEquals(null, ExportPurpose.LIST.idNumber(null));
    }
}
