package org.unionportal.api.table;

import org.unionportal.api.export.TableExport;
import org.unionportal.api.i18n.Text;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an XLSX file with the JDK only (java.util.zip and StAX), row by row: the
 * workbook and its relationships say which part is the first sheet; shared strings are loaded once (phonetic
 * runs left out); the sheet is streamed. Each row goes to a {@link SheetReader.RowSink} with its Excel row number.
 *
 * <p>Kept rather than fastexcel-reader 0.20.2 (judged on the 100,000-row roster, figures in the commit that says
 * so): that reader used about a tenth less CPU, but it opens the file itself, so the unpacked bytes cannot be bounded
 * by the upload's size as they are here, and it would embed four jars (aalto-xml, stax2-api, commons-compress).
 */
final class XlsxSheetReader {
    /**
     * Most bytes all parts may unpack to, per byte of the file: a guard against ZIP bombs in proportion to the
     * upload. Workbooks from Excel, WPS, LibreOffice and our own export unpack to 4 to 12 times their size.
     */
    static final long MAX_EXPANSION = 40;
    /** What any file may unpack to, however small (a template with styles and themes). */
    static final long MIN_UNPACKED_BYTES = 16L << 20;
    /** What no file may unpack to, however large. */
    static final long MAX_UNPACKED_BYTES = 1L << 30;
    /** Most characters kept from the shared-string table. */
    static final long MAX_SHARED_CHARS = 200_000_000L;


    /** The file is not a readable XLSX workbook; the message is for the operator. */
    static final class XlsxException extends Exception {
        final String code;
        final transient Text text;

        XlsxException(String code, Text text) {
            super(text.en(), null, false, false);
            this.code = code;
            this.text = text;
        }
    }

    private static final Text BROKEN = Text.of("XLSX 文件已损坏或不是 Excel 工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传",
            "The XLSX file is damaged or not an Excel workbook; save it again as .xlsx or CSV");

    private static final Text TOO_LARGE = Text.of("XLSX 文件解压后过大", "The XLSX file is too large when unpacked");

    private XlsxSheetReader() {
    }

    static void read(Path file, SheetReader.RowSink sink) throws XlsxException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                entries.put(e.getName().replace('\\', '/').toLowerCase(Locale.ROOT), e);
            }
            Budget budget = new Budget(unpackedLimit(java.nio.file.Files.size(file)));
            XMLInputFactory xml = factory();
            String workbook = "xl/workbook.xml";
            Map<String, String[]> rootRels = rels(zip, entries, budget, xml, "_rels/.rels", "");
            for (String[] r : rootRels.values()) {
                if (r[0].endsWith("/officeDocument")) {
                    workbook = r[1];
                }
            }
            String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
            String relsName = dir + "_rels/" + workbook.substring(dir.length()) + ".rels";
            Map<String, String[]> wbRels = rels(zip, entries, budget, xml, relsName, dir);
            String sheetRel = firstSheetRelId(zip, entries, budget, xml, workbook);
            String sheet = sheetRel != null && wbRels.containsKey(sheetRel) ? wbRels.get(sheetRel)[1] : null;
            String shared = null;
            for (String[] r : wbRels.values()) {
                if (r[0].endsWith("/sharedStrings")) {
                    shared = r[1];
                }
            }
            if (sheet == null) {
                sheet = dir + "worksheets/sheet1.xml";
            }
            if (shared == null) {
                shared = dir + "sharedStrings.xml";
            }
            if (!entries.containsKey(sheet.toLowerCase(Locale.ROOT))) {
                throw new XlsxException("xlsx_broken", BROKEN);
            }
            List<String> strings = sharedStrings(zip, entries, budget, xml, shared);
            sheet(zip, entries, budget, xml, sheet, strings, sink);
        } catch (PartTooLarge e) {
            throw new XlsxException("xlsx_too_large", TOO_LARGE);
        } catch (java.util.zip.ZipException | XMLStreamException | IllegalArgumentException e) {
            // IllegalArgumentException: bad entry names, numbers that are not numbers in row or cell references
            if (causedByTooLarge(e)) {
                throw new XlsxException("xlsx_too_large", TOO_LARGE);
            }
            throw new XlsxException("xlsx_broken", BROKEN);
        }
    }

    /** The parser wraps what the stream threw, sometimes twice, sometimes as its nested exception only. */
    private static boolean causedByTooLarge(Throwable e) {
        for (int depth = 0; e != null && depth < 10; depth++) {
            if (e instanceof PartTooLarge) {
                return true;
            }
            Throwable next = e.getCause();
            if (next == null && e instanceof XMLStreamException x) {
                next = x.getNestedException();
            }
            e = next;
        }
        return false;
    }

    static XMLInputFactory factory() {
        XMLInputFactory f;
        try {
            // The JDK's own parser, not whatever another bundle registered.
            f = XMLInputFactory.newDefaultFactory();
        } catch (LinkageError | RuntimeException e) {
            f = XMLInputFactory.newFactory();
        }
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        return f;
    }

    private static InputStream open(ZipFile zip, Map<String, ZipEntry> entries, Budget budget, String name) throws IOException {
        ZipEntry e = entries.get(name.toLowerCase(Locale.ROOT));
        return e == null ? null : new Limited(zip.getInputStream(e), budget);
    }

    /** Relationship id to {type, target resolved against dir}. */
    private static Map<String, String[]> rels(ZipFile zip, Map<String, ZipEntry> entries, Budget budget, XMLInputFactory xml,
            String name, String dir) throws IOException, XMLStreamException {
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = open(zip, entries, budget, name)) {
            if (in == null) {
                return out;
            }
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                        String id = r.getAttributeValue(null, "Id");
                        String type = r.getAttributeValue(null, "Type");
                        String target = r.getAttributeValue(null, "Target");
                        String mode = r.getAttributeValue(null, "TargetMode");
                        if (id != null && type != null && target != null && !"External".equals(mode)) {
                            out.put(id, new String[] {type, resolve(dir, target)});
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        return out;
    }

    static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String firstSheetRelId(ZipFile zip, Map<String, ZipEntry> entries, Budget budget, XMLInputFactory xml,
            String workbook) throws IOException, XMLStreamException, XlsxException {
        try (InputStream in = open(zip, entries, budget, workbook)) {
            if (in == null) {
                throw new XlsxException("xlsx_broken", BROKEN);
            }
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                                return r.getAttributeValue(i);
                            }
                        }
                        return null;
                    }
                }
            } finally {
                r.close();
            }
        }
        return null;
    }

    private static List<String> sharedStrings(ZipFile zip, Map<String, ZipEntry> entries, Budget budget, XMLInputFactory xml,
            String name) throws IOException, XMLStreamException, XlsxException {
        List<String> out = new ArrayList<>();
        try (InputStream in = open(zip, entries, budget, name)) {
            if (in == null) {
                return out;
            }
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                StringBuilder sb = new StringBuilder();
                boolean inSi = false;
                int phonetic = 0;
                long chars = 0;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String n = r.getLocalName();
                        if ("si".equals(n)) {
                            inSi = true;
                            sb.setLength(0);
                        } else if ("rPh".equals(n)) {
                            phonetic++;
                        } else if ("t".equals(n) && inSi && phonetic == 0) {
                            sb.append(r.getElementText());
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        String n = r.getLocalName();
                        if ("si".equals(n)) {
                            inSi = false;
                            chars += sb.length();
                            if (chars > MAX_SHARED_CHARS) {
                                throw new XlsxException("xlsx_too_much_text", Text.of("XLSX 文件中的文字过多", "The XLSX file holds too much text"));
                            }
                            out.add(unescape(sb.toString()));
                        } else if ("rPh".equals(n)) {
                            phonetic--;
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        return out;
    }

    private static void sheet(ZipFile zip, Map<String, ZipEntry> entries, Budget budget, XMLInputFactory xml, String name,
            List<String> strings, SheetReader.RowSink sink) throws IOException, XMLStreamException, XlsxException {
        try (InputStream in = open(zip, entries, budget, name)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                List<String> cells = new ArrayList<>();
                BitSet numeric = new BitSet();
                StringBuilder inline = new StringBuilder();
                int rowNum = 0;
                int col = -1;
                String type = null;
                String value = null;
                boolean inInline = false;
                int phonetic = 0;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String n = r.getLocalName();
                        switch (n) {
                            case "row" -> {
                                String rr = r.getAttributeValue(null, "r");
                                rowNum = rr != null ? Integer.parseInt(rr.trim()) : rowNum + 1;
                                cells.clear();
                                numeric.clear();
                                col = -1;
                            }
                            case "c" -> {
                                String ref = r.getAttributeValue(null, "r");
                                col = ref != null ? column(ref) : col + 1;
                                type = r.getAttributeValue(null, "t");
                                value = null;
                                inline.setLength(0);
                            }
                            case "v" -> value = r.getElementText();
                            case "is" -> inInline = true;
                            case "rPh" -> phonetic++;
                            case "t" -> {
                                if (inInline && phonetic == 0) {
                                    inline.append(r.getElementText());
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        String n = r.getLocalName();
                        switch (n) {
                            case "c" -> {
                                if (col >= 0 && col < 16_384) {
                                    String text = cellText(type, value, inline, strings);
                                    if (text != null) {
                                        while (cells.size() <= col) {
                                            cells.add(null);
                                        }
                                        cells.set(col, text);
                                        if (type == null || "n".equals(type)) {
                                            numeric.set(col);
                                        }
                                    }
                                }
                            }
                            case "is" -> inInline = false;
                            case "rPh" -> phonetic--;
                            case "row" -> {
                                if (!sink.row(rowNum, cells, numeric)) {
                                    return;
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
    }

    private static String cellText(String type, String value, StringBuilder inline, List<String> strings)
            throws XlsxException {
        if ("inlineStr".equals(type)) {
            return inline.length() > 0 ? unescape(inline.toString()) : value;
        }
        if (value == null) {
            return null;
        }
        if (type == null) {
            return value;
        }
        switch (type) {
            case "s": {
                int i;
                try {
                    i = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new XlsxException("xlsx_broken", BROKEN);
                }
                if (i < 0 || i >= strings.size()) {
                    throw new XlsxException("xlsx_broken", BROKEN);
                }
                return strings.get(i);
            }
            case "b":
                return "1".equals(value.trim()) ? "TRUE" : "FALSE";
            default: // n, str, e, d
                return value;
        }
    }

    /** Decodes Excel's "_xHHHH_" escapes in strings (_x000D_ is a carriage return, _x005F_ an underscore). */
    static String unescape(String s) {
        int i = s.indexOf("_x");
        if (i < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        while (i >= 0) {
            if (TableExport.isExcelEscape(s, i)) {
                sb.append(s, from, i).append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                from = i + 7;
                i = s.indexOf("_x", from);
            } else {
                i = s.indexOf("_x", i + 1);
            }
        }
        return sb.append(s, from, s.length()).toString();
    }

    /** 0-based column of a reference such as "AB12". */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                c = c * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                c = c * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
            if (c > 16_384) {
                return -1;
            }
        }
        return c - 1;
    }

    private static final class PartTooLarge extends IOException {
        PartTooLarge() {
            super("part too large");
        }
    }

    /** The bytes a file of {@code fileBytes} may unpack to, all parts together. */
    static long unpackedLimit(long fileBytes) {
        long proportional = fileBytes > MAX_UNPACKED_BYTES / MAX_EXPANSION ? MAX_UNPACKED_BYTES : fileBytes * MAX_EXPANSION;
        return Math.min(MAX_UNPACKED_BYTES, Math.max(MIN_UNPACKED_BYTES, proportional));
    }

    /** The bytes the parts of one file may still unpack to. */
    private static final class Budget {
        private long left;

        Budget(long bytes) {
            this.left = bytes;
        }

        void spend(long n) throws PartTooLarge {
            if ((left -= n) < 0) {
                throw new PartTooLarge();
            }
        }
    }

    /** Stops reading a part when the file's budget of unpacked bytes is spent. */
    private static final class Limited extends FilterInputStream {
        private final Budget budget;

        Limited(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                budget.spend(n);
            }
            return n;
        }
    }
}
