package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.table.SheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded roster (团体参保名单), CSV or XLSX, into rows. Only whole-file problems are reported here
 * (unreadable file, missing or repeated column, too many rows); the rows' contents are judged by
 * {@link RosterChecks}.
 *
 * <p>The header is the first non-empty row that names at least one known column (title rows above it, up to
 * {@value #MAX_TITLE_ROWS}, are skipped). Headers may be Chinese or English ({@link RosterColumns}), in any
 * order; unknown columns are ignored. Blank rows are skipped but counted, so line numbers match what the
 * operator sees in Excel.
 *
 * <p>CSV: UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030 (what Excel on Chinese Windows saves)
 * when the bytes are not valid UTF-8; comma-separated, or tab-separated when the header row has tabs and no
 * commas. XLSX: the first worksheet, read with the JDK only.
 *
 * <p>The upload is copied to a temporary file (deleted before returning) and read row by row.
 */
public final class RosterReader {
    /** Most data rows in one roster. */
    public static final int MAX_ROWS = 200_000;
    /** Largest upload accepted. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    /** Most non-empty rows before the header (titles, notes) that are skipped while looking for it. */
    public static final int MAX_TITLE_ROWS = 10;

    private RosterReader() {
    }

    /**
     * Reads a roster; the file name's extension (.csv, .txt or .xlsx) chooses the format. Does not close
     * {@code in}.
     *
     * @throws UncheckedIOException when the stream cannot be read or no temporary file can be written
     */
    public static ParsedRoster read(InputStream in, String fileName) {
        Assembler a = new Assembler();
        try {
            SheetReader.read(in, fileName, MAX_BYTES, a::accept);
        } catch (SheetReader.Unreadable e) {
            a.fileProblem(e.line(), e.code(), e.text());
            return a.result();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        a.finish();
        return a.result();
    }

    /** Turns header and data records into rows and whole-file problems. */
    private static final class Assembler {
        private final List<RosterRow> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final int[] index = new int[RosterColumns.KEYS.size()];
        private boolean header;
        private boolean stopped;
        private int nonEmptyBefore;
        private int lastLine;

        Assembler() {
            java.util.Arrays.fill(index, -1);
        }

        void fileProblem(int line, String code, Text text) {
            problems.add(new RowProblem(Math.max(line, 1), RowProblem.FILE, code, text));
            stopped = true;
        }

        void fileProblem(int line, String code, String zh, String en) {
            fileProblem(line, code, Text.of(zh, en));
        }

        boolean accept(int line, List<String> cells, BitSet numeric) {
            if (stopped) {
                return false;
            }
            lastLine = line;
            if (!header) {
                if (allBlank(cells)) {
                    return true;
                }
                nonEmptyBefore++;
                if (tryHeader(line, cells)) {
                    header = true;
                } else if (nonEmptyBefore >= MAX_TITLE_ROWS) {
                    fileProblem(line, "no_header", "未找到表头：前" + MAX_TITLE_ROWS + "个非空行中没有“姓名”“身份证号”等列名",
                            "No header row found: none of the first " + MAX_TITLE_ROWS + " non-empty rows names the columns");
                }
                return !stopped;
            }
            String[] v = new String[index.length];
            boolean any = false;
            for (int k = 0; k < index.length; k++) {
                int i = index[k];
                String s = i < cells.size() ? RosterValues.trimToNull(cells.get(i)) : null;
                v[k] = s;
                any |= s != null;
            }
            if (!any) {
                return true;
            }
            if (rows.size() >= MAX_ROWS) {
                fileProblem(line, "too_many_rows", "名单超过" + MAX_ROWS + "行，请分批上传",
                        "The roster has more than " + MAX_ROWS + " rows; upload it in parts");
                return false;
            }
            int idCol = index[1];
            String id = v[1];
            if (id != null && numeric.get(idCol)) {
                id = scientific(id);
            } else {
                id = IdNumbers.normalize(id);
            }
            String phone = v[2] != null && numeric.get(index[2]) ? plain(v[2]) : v[2];
            rows.add(new RosterRow(line, v[0], id, phone, RosterValues.gender(v[3]).orElse(v[3]),
                    RosterValues.category(v[4]).orElse(v[4]), RosterValues.yesNo(v[5]).orElse(null),
                    RosterValues.yesNo(v[6]).orElse(null)));
            return true;
        }

        private boolean tryHeader(int line, List<String> cells) {
            Map<String, Integer> found = new HashMap<>();
            Map<String, Boolean> exact = new HashMap<>();
            List<String> repeated = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                RosterColumns.Match m = RosterColumns.match(cells.get(i));
                if (m == null) {
                    continue;
                }
                Boolean prev = exact.get(m.key());
                if (prev == null || (!prev && m.exact())) {
                    found.put(m.key(), i);
                    exact.put(m.key(), m.exact());
                } else if (prev == m.exact() && !repeated.contains(m.key())) {
                    repeated.add(m.key());
                }
            }
            if (found.isEmpty()) {
                return false;
            }
            for (String key : repeated) {
                problems.add(RowProblem.of(line, RowProblem.FILE, "column_repeated", "列“" + RosterColumns.zh(key)
                        + "”出现了不止一次", "Column \"" + RosterColumns.en(key) + "\" appears more than once"));
                stopped = true;
            }
            for (int k = 0; k < RosterColumns.KEYS.size(); k++) {
                String key = RosterColumns.KEYS.get(k);
                Integer i = found.get(key);
                if (i == null) {
                    problems.add(RowProblem.of(line, RowProblem.FILE, "column_missing", "缺少必需的列“" + RosterColumns.zh(key)
                            + "”", "Required column \"" + RosterColumns.en(key) + "\" is missing"));
                    stopped = true;
                } else {
                    index[k] = i;
                }
            }
            return true;
        }

        void finish() {
            if (stopped) {
                return;
            }
            if (!header) {
                if (nonEmptyBefore == 0) {
                    fileProblem(1, "file_empty", "文件为空", "The file is empty");
                } else {
                    fileProblem(1, "no_header", "未找到表头：没有一行写有“姓名”“身份证号”等列名", "No header row found");
                }
            } else if (rows.isEmpty()) {
                fileProblem(lastLine, "no_rows", "名单中没有数据行", "The roster has no data rows");
            }
        }

        ParsedRoster result() {
            return new ParsedRoster(stopped && hasFileProblem() ? List.of() : rows, problems);
        }

        private boolean hasFileProblem() {
            return !problems.isEmpty();
        }

        private static boolean allBlank(List<String> cells) {
            for (String c : cells) {
                if (c != null && RosterValues.trimToNull(c) != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A number as Excel shows it in a general cell: 13800001234, 0.5. */
    static String plain(String number) {
        try {
            BigDecimal d = new BigDecimal(number.trim()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    /**
     * A number in the ID column, written as Excel would show it (3.20202199001011E+17), so that
     * {@link IdNumbers#problem} says it was stored as a number rather than judging digits Excel made up.
     */
    static String scientific(String number) {
        try {
            BigDecimal d = new BigDecimal(number.trim()).stripTrailingZeros();
            String digits = d.unscaledValue().abs().toString();
            int exp = digits.length() - 1 - d.scale();
            return (d.signum() < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                    + "E" + (exp >= 0 ? "+" : "") + exp;
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
