package org.unionportal.core.internal.members;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.OtherUnionException;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.table.SheetReader;

/**
 * Reads a register file (CSV or XLSX) of one union into forms and every row's problems: the header names the
 * columns in Chinese or English, in any order (姓名 and 身份证号 required; 手机号, 类别, 职业, 入会日期 optional);
 * categories in one cell are separated by 、 or commas, an empty one is 在职职工. Nothing here touches the database: the caller says which
 * ID numbers are members of another union.
 */
public final class MemberImport {
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;
    private static final int MAX_TITLE_ROWS = 10;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");

    static final List<String> COLUMNS = List.of("name", "idNumber", "phone", "categories", "occupation", "joinedOn");
    /** The template's header in both languages, for downloads and for the page's help. */
    static final Map<String, Text> HEADERS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        column("name", "姓名", "Name", "会员姓名", "职工姓名");
        column("idNumber", "身份证号", "ID number", "身份证号码", "身份证", "公民身份号码", "证件号码", "idno", "idcard");
        column("phone", "手机号", "Phone", "手机号码", "手机", "联系电话", "电话", "mobile");
        column("categories", "类别", "Categories", "人员类别", "会员类别", "category");
        column("occupation", "职业", "Occupation", "从业类型");
        column("joinedOn", "入会日期", "Joined on", "入会时间", "joined", "joindate");
    }

    private MemberImport() {
    }

    private static void column(String key, String zh, String en, String... more) {
        HEADERS.put(key, Text.of(zh, en));
        ALIASES.put(norm(key), key);
        ALIASES.put(norm(zh), key);
        ALIASES.put(norm(en), key);
        for (String m : more) {
            ALIASES.put(norm(m), key);
        }
    }

    private static String norm(String s) {
        StringBuilder sb = new StringBuilder();
        String t = SheetReader.trim(s);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!SheetReader.isSpace(c) && c != '_' && c != '-' && c != '*' && c != ':' && c != '：') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** One data row as read: the form, and its line and name for the problems list. */
    public record Row(int line, MemberRules.Form form) {
    }

    /** One problem of one row; {@code name} is what the row says, so the operator finds it. */
    public record Problem(int line, String name, String field, String code, Text text) {
        public Map<String, Object> view(Language language) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("line", line);
            view.put("name", name);
            view.put("field", field);
            view.put("code", code);
            view.put("message", text.in(language));
            return view;
        }
    }

    public record Parsed(List<Row> rows, List<Problem> problems) {
        public boolean hasFileProblem() {
            return problems.stream().anyMatch(p -> "file".equals(p.field()));
        }
    }

    /** Reads the file; whole-file problems (unreadable, no header, too many rows) come with no rows. */
    public static Parsed read(InputStream in, String fileName, LocalDate today) {
        Assembler a = new Assembler(today);
        try {
            SheetReader.read(in, fileName, MAX_BYTES, a::accept);
        } catch (SheetReader.Unreadable e) {
            return new Parsed(List.of(), List.of(new Problem(e.line(), null, "file", e.code(), e.text())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return a.result();
    }

    /**
     * Every problem of the rows together: each row's fields, an ID number on two lines, and ID numbers that are
     * members of another union ({@code otherUnions}), refused with the neutral message.
     */
    public static List<Problem> check(Parsed parsed, LocalDate today, Set<String> otherUnions) {
        if (parsed.hasFileProblem()) {
            return parsed.problems();
        }
        List<Problem> out = new ArrayList<>(parsed.problems());
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row row : parsed.rows()) {
            MemberRules.Form f = row.form();
            for (FieldError e : MemberRules.check(f, today)) {
                out.add(new Problem(row.line(), f.name(), e.field(), e.code(), e.text()));
            }
            if (f.idNumber() == null) {
                continue;
            }
            Integer first = firstLine.putIfAbsent(f.idNumber(), row.line());
            if (first != null) {
                out.add(new Problem(row.line(), f.name(), "idNumber", "duplicate_in_file", Text.of(
                        "身份证号在本文件中重复，与第" + first + "行相同", "Same ID number as line " + first + " of this file")));
            } else if (otherUnions.contains(f.idNumber())) {
                out.add(new Problem(row.line(), f.name(), "idNumber", OtherUnionException.CODE, OtherUnionException.MESSAGE));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Problem::line));
        return out;
    }

    private static final class Assembler {
        private final LocalDate today;
        private final List<Row> rows = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private Map<String, Integer> index;
        private int nonEmptyBefore;
        private Problem fileProblem;
        private int lastLine;

        Assembler(LocalDate today) {
            this.today = today;
        }

        boolean accept(int line, List<String> cells, BitSet numeric) {
            lastLine = line;
            if (index == null) {
                if (cells.stream().allMatch(c -> SheetReader.trimToNull(c) == null)) {
                    return true;
                }
                Map<String, Integer> found = new HashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    String key = cells.get(i) == null ? null : ALIASES.get(norm(cells.get(i)));
                    if (key != null) {
                        found.putIfAbsent(key, i);
                    }
                }
                if (found.containsKey("name") && found.containsKey("idNumber")) {
                    index = found;
                    return true;
                }
                if (++nonEmptyBefore >= MAX_TITLE_ROWS || !found.isEmpty()) {
                    fileProblem = new Problem(line, null, "file", "no_header", Text.of(
                            "未找到表头：须有“姓名”和“身份证号”两列", "No header row with the columns Name and ID number"));
                    return false;
                }
                return true;
            }
            String name = cell(cells, "name");
            String id = cell(cells, "idNumber");
            String phone = cell(cells, "phone");
            String categories = cell(cells, "categories");
            String occupation = cell(cells, "occupation");
            String joined = cell(cells, "joinedOn");
            if (name == null && id == null && phone == null && categories == null && occupation == null && joined == null) {
                return true;
            }
            if (rows.size() >= MAX_ROWS) {
                fileProblem = new Problem(line, null, "file", "too_many_rows", Text.of("文件超过" + MAX_ROWS + "行，请分批导入",
                        "The file has more than " + MAX_ROWS + " rows; import it in parts"));
                return false;
            }
            if (id != null && index.get("idNumber") != null && numeric.get(index.get("idNumber"))) {
                problems.add(new Problem(line, name, "idNumber", "id_as_number",
                        org.unionportal.api.identity.IdNumbers.ID_AS_NUMBER_TEXT));
                id = null;
            }
            MemberRules.ParsedCategories parsedCategories = MemberRules.parseCategories(categories);
            if (parsedCategories.unknown() != null) {
                problems.add(new Problem(line, name, "categories", "category_invalid", Text.of(
                        "无法识别的类别“" + parsedCategories.unknown() + "”，应为 在职职工、劳务派遣工、新就业形态劳动者、环卫工人、劳模、职工代表",
                        "Unknown category \"" + parsedCategories.unknown() + "\"")));
            }
            GigOccupation occ = null;
            if (occupation != null) {
                occ = GigOccupation.parse(occupation).orElse(null);
                if (occ == null) {
                    problems.add(new Problem(line, name, "occupation", "occupation_invalid", Text.of(
                            "无法识别的职业“" + occupation + "”，应为 快递员、外卖骑手、网约车司机 或 货车司机",
                            "Unknown occupation \"" + occupation + "\"")));
                }
            }
            LocalDate joinedOn = null;
            if (joined != null) {
                joinedOn = date(joined);
                if (joinedOn == null) {
                    problems.add(new Problem(line, name, "joinedOn", "invalid_date", Text.of("入会日期无效，应为 2020-03-01",
                            "Not a date like 2020-03-01")));
                }
            }
            // a file without categories lists employees in service (the usual register of a workplace union)
            Set<MemberCategory> categorySet = categories == null ? Set.of(MemberCategory.EMPLOYEE) : parsedCategories.categories();
            rows.add(new Row(line, new MemberRules.Form(id, name, phone, categorySet, occ, joinedOn)));
            return true;
        }

        private String cell(List<String> cells, String key) {
            Integer i = index.get(key);
            return i == null || i >= cells.size() ? null : SheetReader.trimToNull(cells.get(i));
        }

        Parsed result() {
            if (fileProblem != null) {
                return new Parsed(List.of(), List.of(fileProblem));
            }
            if (index == null) {
                return new Parsed(List.of(), List.of(new Problem(1, null, "file", nonEmptyBefore == 0 ? "file_empty" : "no_header",
                        nonEmptyBefore == 0 ? Text.of("文件为空", "The file is empty")
                                : Text.of("未找到表头：须有“姓名”和“身份证号”两列", "No header row with the columns Name and ID number"))));
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                return new Parsed(List.of(), List.of(new Problem(lastLine, null, "file", "no_rows",
                        Text.of("文件中没有数据行", "The file has no data rows"))));
            }
            return new Parsed(rows, problems);
        }

        private LocalDate date(String text) {
            String t = text.strip();
            for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
                try {
                    return LocalDate.parse(t, f);
                } catch (DateTimeParseException e) {
                    // next format
                }
            }
            if (t.matches("[0-9]{5}(\\.0+)?")) {
                // an XLSX date cell: days since Excel's epoch
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(t.replaceAll("\\..*", "")));
            }
            return null;
        }
    }
}
