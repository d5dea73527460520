package org.unionportal.api.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream: quoted fields may hold the delimiter, doubled quotes and line
 * breaks; CRLF, LF and CR all end a record. Lenient where Excel is: a quote inside an unquoted field, or text
 * after a closing quote, is kept as it is. One record at a time; the returned list is reused.
 */
final class CsvParser {
    /** Excel's limit for one cell. */
    static final int MAX_FIELD = 32_767;

    static final class CsvException extends Exception {
        final int record;
        final String code;
        final transient org.unionportal.api.i18n.Text text;

        CsvException(String code, org.unionportal.api.i18n.Text text, int record) {
            super(text.en(), null, false, false);
            this.code = code;
            this.text = text;
            this.record = record;
        }
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private boolean eof;
    private int record;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder sb = new StringBuilder(64);

    CsvParser(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** 1-based number of the record last returned. */
    int record() {
        return record;
    }

    /** The next record's fields (not trimmed), or null at the end. */
    List<String> next() throws IOException, CsvException {
        fields.clear();
        sb.setLength(0);
        boolean inQuotes = false;
        boolean sawAny = false;
        boolean quotedField = false;
        int startRecord = record + 1;
        while (true) {
            int c = read();
            if (c < 0) {
                if (inQuotes) {
                    throw new CsvException("csv_unclosed_quote", org.unionportal.api.i18n.Text.of(
                            "第" + startRecord + "行起的引号没有闭合", "Unclosed quote starting at line " + startRecord),
                            startRecord);
                }
                if (!sawAny) {
                    return null;
                }
                fields.add(sb.toString());
                record = startRecord;
                return fields;
            }
            sawAny = true;
            if (inQuotes) {
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        sb.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    sb.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(sb.toString());
                sb.setLength(0);
                quotedField = false;
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    pos++;
                }
                fields.add(sb.toString());
                record = startRecord;
                return fields;
            } else if (c == '"' && !quotedField && isBlank(sb)) {
                sb.setLength(0); // spaces before an opening quote are dropped
                inQuotes = true;
                quotedField = true;
            } else {
                sb.append((char) c);
            }
            if (sb.length() > MAX_FIELD) {
                throw new CsvException("csv_field_too_long", org.unionportal.api.i18n.Text.of(
                        "第" + startRecord + "行有超过" + MAX_FIELD + "个字符的字段，文件可能已损坏",
                        "Line " + startRecord + " has a field longer than " + MAX_FIELD + " characters"), startRecord);
            }
        }
    }

    private static boolean isBlank(StringBuilder sb) {
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) != ' ' && sb.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        if (pos >= len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos >= len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }
}
