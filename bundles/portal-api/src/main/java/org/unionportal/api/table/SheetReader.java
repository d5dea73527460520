package org.unionportal.api.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.unionportal.api.i18n.Text;

/**
 * Reads an uploaded table row by row, whatever people's spreadsheets save: the file name's extension chooses
 * CSV ({@code .csv}, {@code .txt}) or XLSX. The upload is copied to a temporary file (deleted before returning),
 * so a large file is never held in memory.
 *
 * <p>CSV: UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030 (what Excel on Chinese Windows saves)
 * when the bytes are not valid UTF-8; comma-separated, or tab-separated when the first line has tabs and no
 * commas; RFC 4180 quoting. XLSX: the first worksheet, streamed (java.util.zip and StAX).
 *
 * <p>What to make of the rows (which is the header, what a column means) is the caller's: a {@link RowSink}.
 */
public final class SheetReader {

    /** Receives rows; answers false to stop reading. */
    @FunctionalInterface
    public interface RowSink {
        /**
         * @param line    the row number the person sees (Excel row number; for CSV the record number, so a quoted
         *                field spanning two lines counts as one row), from 1
         * @param cells   values by column index (null or empty for empty cells); numbers as written in the file
         * @param numeric columns whose cell holds a number (XLSX only; always empty for CSV)
         */
        boolean row(int line, List<String> cells, BitSet numeric);
    }

    /** The file cannot be read as a table; {@link #text()} tells the person what to do. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String code;
        private final transient Text text;

        public Unreadable(int line, String code, Text text) {
            super(text.en(), null, false, false);
            this.line = Math.max(1, line);
            this.code = code;
            this.text = text;
        }

        /** The row where reading stopped (1 for problems of the whole file). */
        public int line() {
            return line;
        }

        /** Stable code, e.g. {@code file_too_large}, {@code xlsx_broken}. */
        public String code() {
            return code;
        }

        public Text text() {
            return text;
        }
    }

    private SheetReader() {
    }

    /**
     * Reads {@code in} (not closed) as CSV or XLSX by the extension of {@code fileName}.
     *
     * @throws Unreadable when the type is not supported, the file is empty, larger than {@code maxBytes}, or broken
     * @throws IOException when the stream cannot be read or no temporary file can be written
     */
    public static void read(InputStream in, String fileName, long maxBytes, RowSink sink) throws Unreadable, IOException {
        String ext = extension(fileName);
        if (!ext.equals("csv") && !ext.equals("txt") && !ext.equals("xlsx")) {
            if (ext.equals("xls") || ext.equals("et") || ext.equals("wps")) {
                throw new Unreadable(1, "old_spreadsheet_format", Text.of("不支持旧版 ." + ext
                        + " 文件，请在 Excel 中另存为 .xlsx 或 CSV 后上传", "." + ext + " files are not supported; save as .xlsx or CSV"));
            }
            throw new Unreadable(1, "unsupported_file_type", Text.of("只支持 .xlsx、.csv 或 .txt 文件",
                    "Only .xlsx, .csv or .txt files are accepted"));
        }
        try (Spool spool = spool(in, maxBytes)) {
            if (ext.equals("xlsx")) {
                readXlsx(spool, sink);
            } else {
                readCsv(spool, sink);
            }
        }
    }

    /** Reads {@code in} (not closed) as CSV, whatever its name. */
    public static void readCsv(InputStream in, long maxBytes, RowSink sink) throws Unreadable, IOException {
        try (Spool spool = spool(in, maxBytes)) {
            readCsv(spool, sink);
        }
    }

    private static Spool spool(InputStream in, long maxBytes) throws Unreadable, IOException {
        Spool spool;
        try {
            spool = Spool.of(in, maxBytes);
        } catch (Spool.TooLarge e) {
            throw new Unreadable(1, "file_too_large", Text.of("文件超过" + megabytes(maxBytes) + " MB",
                    "The file is larger than " + megabytes(maxBytes) + " MB"));
        }
        if (spool.size == 0) {
            spool.close();
            throw new Unreadable(1, "file_empty", Text.of("文件为空", "The file is empty"));
        }
        return spool;
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes >> 20);
    }

    private static void readXlsx(Spool spool, RowSink sink) throws Unreadable, IOException {
        if (spool.startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            throw new Unreadable(1, "xlsx_old_or_encrypted", Text.of(
                    "这是旧版 .xls 文件或加密的工作簿，请取消密码并在 Excel 中另存为 .xlsx 或 CSV 后上传",
                    "This is an old .xls or a password-protected workbook; remove the password and save as .xlsx or CSV"));
        }
        if (!spool.startsWith(0x50, 0x4B)) {
            throw new Unreadable(1, "not_xlsx", Text.of("文件不是 XLSX 格式，请在 Excel 中另存为 .xlsx 或 CSV 后上传",
                    "The file is not an XLSX workbook; save it as .xlsx or CSV"));
        }
        int[] last = {0};
        try {
            XlsxSheetReader.read(spool.file, (line, cells, numeric) -> {
                last[0] = line;
                return sink.row(line, cells, numeric);
            });
        } catch (XlsxSheetReader.XlsxException e) {
            throw new Unreadable(last[0] + 1, e.code, e.text);
        }
    }

    private static void readCsv(Spool spool, RowSink sink) throws Unreadable, IOException {
        CsvFormat format = CsvFormat.of(spool);
        try (Reader r = open(spool, format.charset(), format.skip())) {
            CsvParser p = new CsvParser(r, format.delimiter());
            BitSet none = new BitSet();
            List<String> fields;
            while ((fields = p.next()) != null) {
                if (!sink.row(p.record(), fields, none)) {
                    return;
                }
            }
        } catch (CsvParser.CsvException e) {
            throw new Unreadable(e.record, e.code, e.text);
        }
    }

    /** How a text table is encoded: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030; comma or tab. */
    private record CsvFormat(Charset charset, int skip, char delimiter) {
        static CsvFormat of(Spool spool) throws IOException {
            Charset cs;
            int skip = 0;
            if (spool.startsWith(0xEF, 0xBB, 0xBF)) {
                cs = StandardCharsets.UTF_8;
                skip = 3;
            } else if (spool.startsWith(0xFF, 0xFE)) {
                cs = StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (spool.startsWith(0xFE, 0xFF)) {
                cs = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (spool.utf8) {
                cs = StandardCharsets.UTF_8;
            } else {
                cs = Charset.forName("GB18030");
            }
            char delimiter = ',';
            try (Reader r = open(spool, cs, skip)) {
                char[] head = new char[8192];
                int n = r.read(head);
                boolean tab = false;
                boolean comma = false;
                for (int i = 0; i < n && head[i] != '\n' && head[i] != '\r'; i++) {
                    tab |= head[i] == '\t';
                    comma |= head[i] == ',';
                }
                if (tab && !comma) {
                    delimiter = '\t';
                }
            }
            return new CsvFormat(cs, skip, delimiter);
        }
    }

    private static Reader open(Spool spool, Charset cs, int skip) throws IOException {
        InputStream in = Files.newInputStream(spool.file);
        in.skipNBytes(skip);
        return new BufferedReader(new InputStreamReader(in, cs), 64 * 1024);
    }

    /** The lower-case extension of a file name, without the dot; "" when there is none. */
    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String f = trim(fileName);
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whitespace as spreadsheets produce it: also no-break, full-width and zero-width spaces and a stray BOM. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\u3000' || c == '\uFEFF';
    }

    /** Strips {@link #isSpace} characters at both ends. */
    public static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return b == 0 && e == s.length() ? s : s.substring(b, e);
    }

    /** {@link #trim} that answers null for null or blank. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = trim(s);
        return t.isEmpty() ? null : t;
    }
}
