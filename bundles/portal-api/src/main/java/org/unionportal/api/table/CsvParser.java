package org.unionportal.api.table;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 records from a character stream, read by commons-csv: quoted fields may hold the delimiter, doubled
 * quotes and line breaks; CRLF, LF and CR all end a record; an empty line is a record of one empty field (so that
 * record numbers match Excel's rows). Lenient where Excel is: a quote inside an unquoted field, or text after a
 * closing quote, is kept. The encoding and the delimiter are found by the sheet reader before.
 * One record at a time; the returned list is reused.
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

    private final Iterator<CSVRecord> records;
    private final List<String> fields = new ArrayList<>();
    private int record;

    CsvParser(Reader in, char delimiter) throws IOException {
        this.records = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .get()
                .parse(in)
                .iterator();
    }

    /** 1-based number of the record last returned. */
    int record() {
        return record;
    }

    /** The next record's fields (not trimmed), or null at the end. */
    List<String> next() throws IOException, CsvException {
        int startRecord = record + 1;
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            // commons-csv reports an unclosed quote (and a failing stream) this way
            if (e.getCause() != null && e.getCause().getMessage() != null && e.getCause().getMessage().contains("EOF")) {
                throw new CsvException("csv_unclosed_quote", org.unionportal.api.i18n.Text.of(
                        "第" + startRecord + "行起的引号没有闭合", "Unclosed quote starting at line " + startRecord),
                        startRecord);
            }
            throw e.getCause();
        }
        fields.clear();
        for (String value : r) {
            if (value.length() > MAX_FIELD) {
                throw new CsvException("csv_field_too_long", org.unionportal.api.i18n.Text.of(
                        "第" + startRecord + "行有超过" + MAX_FIELD + "个字符的字段，文件可能已损坏",
                        "Line " + startRecord + " has a field longer than " + MAX_FIELD + " characters"), startRecord);
            }
            fields.add(value);
        }
        record = startRecord;
        return fields;
    }
}
