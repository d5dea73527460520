package org.unionportal.api.payout;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.table.SheetReader;

/**
 * Reads the bank's return file of a payout batch: the bank file the module exported, with two more columns, 结果 (成功 or
 * 失败) and 失败原因 (the bank's reason, needed on a 失败 line). CSV (UTF-8 or GB18030) or XLSX. Lines are matched to the
 * batch by 附言, which starts with the module's reference ({@code <prefix><key>}, e.g. {@code MA-7-11}; text after the
 * first space, such as an item and period, is ignored); the amount must be the batch's, and every line of the batch
 * must be there exactly once. Only 附言, 金额(元) and 结果 are required columns.
 *
 * <p>The same preview answer for every module ({@link Read#preview}): lines with their outcome and reason, counts and
 * totals of paid and failed, and the file's problems in the caller's language; a module records a clean file only on
 * confirmation ({@link Read#requireClean}).
 */
public final class BankReturnFile {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** A problem of the whole file rather than of one column. */
    public static final String FILE = "file";

    public enum Outcome { PAID, FAILED }

    /**
     * What the file is read against.
     *
     * @param prefix    the 附言 of a line without its key, e.g. {@code MA-7-}
     * @param amounts   the batch's lines by key (claim id, line id) and their amounts in fen
     * @param keyNameZh what the key is, for messages (理赔编号, 明细编号)
     * @param maxReason the longest reason the module keeps
     */
    public record Batch(String prefix, Map<Long, Long> amounts, String keyNameZh, int maxReason) {
    }

    /** One line of the file as matched to the batch. */
    public record Line(int line, long key, String name, long amountFen, Outcome outcome, String reason) {
    }

    /**
     * A problem of the file: {@code line} is the file's row (1 is the header; whole-file problems name 1 or where reading
     * stopped), {@code field} {@link #FILE} or a column ({@code reference, amount, outcome, reason}).
     */
    public record Problem(int line, String field, String code, Text text) {
        static Problem of(int line, String field, String code, String zh, String en) {
            return new Problem(line, field, code, Text.of(zh, en));
        }

        /** As a field error of a 422 answer ({@code line 3: amount}). */
        public ProblemException.FieldError toFieldError() {
            return new ProblemException.FieldError("line " + line + ": " + field, code, text);
        }

        /** As JSON in the caller's language: line, field, code, message. */
        public Map<String, Object> view(Language language) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("line", line);
            view.put("field", field);
            view.put("code", code);
            view.put("message", text.in(language));
            return view;
        }
    }

    /** The file's lines, what is wrong with it, and the totals of the lines read. */
    public record Read(List<Line> lines, List<Problem> problems, long paidFen, long failedFen) {
        public List<Line> paid() {
            return lines.stream().filter(l -> l.outcome() == Outcome.PAID).toList();
        }

        public List<Line> failed() {
            return lines.stream().filter(l -> l.outcome() == Outcome.FAILED).toList();
        }

        /** Refuses a file with problems (422 with every problem as a field error) before anything is recorded. */
        public void requireClean() {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems.stream().map(Problem::toFieldError).toList());
            }
        }

        /**
         * The preview every module answers: {@code lines} ({@code line}, the key under {@code keyName}, {@code name},
         * {@code amountFen}, {@code outcome}, {@code reason}), {@code paidCount, paidFen, failedCount, failedFen} and
         * {@code problems} in the caller's language.
         *
         * @param names the batch's name of a line's payee by key (the file's name when it has none)
         */
        public Map<String, Object> preview(Language language, String keyName, LongFunction<String> names) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("lines", lines.stream().map(l -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("line", l.line());
                v.put(keyName, l.key());
                String name = names == null ? null : names.apply(l.key());
                v.put("name", name == null ? l.name() : name);
                v.put("amountFen", l.amountFen());
                v.put("outcome", l.outcome().name());
                v.put("reason", l.reason());
                return v;
            }).toList());
            view.put("paidCount", paid().size());
            view.put("paidFen", paidFen);
            view.put("failedCount", failed().size());
            view.put("failedFen", failedFen);
            view.put("problems", problems.stream().map(p -> p.view(language)).toList());
            return view;
        }
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("附言", "reference"), Map.entry("reference", "reference"),
            Map.entry("金额(元)", "amount"), Map.entry("金额（元）", "amount"), Map.entry("金额", "amount"), Map.entry("amount", "amount"),
            Map.entry("结果", "outcome"), Map.entry("处理结果", "outcome"), Map.entry("result", "outcome"),
            Map.entry("失败原因", "reason"), Map.entry("原因", "reason"), Map.entry("reason", "reason"),
            Map.entry("收款人姓名", "name"), Map.entry("户主姓名", "name"), Map.entry("姓名", "name"), Map.entry("name", "name"));
    private static final List<String> REQUIRED = List.of("reference", "amount", "outcome");
    private static final Map<String, Outcome> OUTCOMES = Map.of("成功", Outcome.PAID, "已支付", Outcome.PAID, "支付成功", Outcome.PAID,
            "paid", Outcome.PAID, "失败", Outcome.FAILED, "退回", Outcome.FAILED, "支付失败", Outcome.FAILED, "failed", Outcome.FAILED);

    private BankReturnFile() {
    }

    /**
     * @param fileName the uploaded file's name (its extension chooses CSV or XLSX); null or blank reads CSV
     */
    public static Read read(InputStream in, String fileName, Batch batch) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Map<String, Integer>> header = new ArrayList<>(1);
        boolean[] refused = {false};
        Map<Long, Integer> seen = new HashMap<>();
        SheetReader.RowSink sink = (line, fields, numeric) -> {
            if (header.isEmpty()) {
                Map<String, Integer> columns = header(fields, line, problems);
                if (columns == null) {
                    refused[0] = true;
                    return false;
                }
                header.add(columns);
                return true;
            }
            if (fields.stream().allMatch(f -> f == null || f.isBlank())) {
                return true;
            }
            row(line, fields, header.get(0), batch, seen, lines, problems);
            return true;
        };
        try {
            if (fileName == null || fileName.isBlank()) {
                SheetReader.readCsv(in, MAX_BYTES, sink);
            } else {
                SheetReader.read(in, fileName, MAX_BYTES, sink);
            }
        } catch (SheetReader.Unreadable e) {
            problems.add(new Problem(e.line(), FILE, e.code(), e.text()));
            return new Read(List.of(), problems, 0, 0);
        }
        if (header.isEmpty() && !refused[0]) {
            problems.add(Problem.of(1, FILE, "file_empty", "文件中没有内容。", "The file is empty."));
        }
        if (header.isEmpty()) {
            return new Read(List.of(), problems, 0, 0);
        }
        for (Long key : batch.amounts().keySet()) {
            if (!seen.containsKey(key)) {
                problems.add(Problem.of(1, FILE, "line_missing", "文件中缺少附言为 " + batch.prefix() + key
                        + " 的一行：银行对每笔转账都应给出结果。", "The file has no line with reference " + batch.prefix() + key
                        + ": the bank answers for every transfer."));
            }
        }
        long paid = Money.sum(lines.stream().filter(l -> l.outcome() == Outcome.PAID).map(Line::amountFen).toList());
        long failed = Money.sum(lines.stream().filter(l -> l.outcome() == Outcome.FAILED).map(Line::amountFen).toList());
        return new Read(lines, problems, paid, failed);
    }

    private static Map<String, Integer> header(List<String> fields, int line, List<Problem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String cell = fields.get(i) == null ? "" : fields.get(i);
            String key = HEADERS.get(cell.strip().replace(" ", "").toLowerCase(Locale.ROOT));
            if (key != null) {
                columns.putIfAbsent(key, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(k -> !columns.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(Problem.of(line, FILE, "column_missing", "缺少必需的列："
                    + String.join("、", missing.stream().map(BankReturnFile::columnName).toList())
                    + "（银行回盘文件为导出的银行文件加“结果”和“失败原因”两列）", "Required columns missing: " + String.join(", ", missing)
                    + " (the bank's return file is the exported bank file with a result and a reason column added)"));
            return null;
        }
        return columns;
    }

    private static String columnName(String key) {
        return switch (key) {
            case "reference" -> "附言";
            case "amount" -> "金额(元)";
            case "outcome" -> "结果";
            default -> "失败原因";
        };
    }

    private static void row(int line, List<String> fields, Map<String, Integer> columns, Batch batch, Map<Long, Integer> seen,
                            List<Line> out, List<Problem> problems) {
        int before = problems.size();
        String text = value(fields, columns, "reference");
        String reference = text == null ? null : text.split("\\s+", 2)[0];
        Long key = keyOf(reference, batch.prefix());
        if (key == null || !batch.amounts().containsKey(key)) {
            String shown = text == null ? "" : text;
            problems.add(Problem.of(line, "reference", "not_in_batch", "附言“" + shown + "”不是本批次的转账（应以 " + batch.prefix()
                    + batch.keyNameZh() + " 开头）。", "The reference \"" + shown + "\" is not a transfer of this batch."));
            return;
        }
        Integer earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
            problems.add(Problem.of(line, "reference", "duplicate", "附言 " + reference + " 与第 " + earlier + " 行重复。",
                    "The reference " + reference + " repeats line " + earlier + "."));
            return;
        }
        long expected = batch.amounts().get(key);
        Long fen = fen(value(fields, columns, "amount"));
        if (fen == null) {
            problems.add(Problem.of(line, "amount", "invalid_amount", "金额无效，应为不小于 0、最多两位小数的元",
                    "Not an amount in yuan (at least 0, at most two decimals)"));
        } else if (fen.longValue() != expected) {
            problems.add(Problem.of(line, "amount", "amount_differs", "金额 " + Money.yuan(fen) + " 元与本批次的 "
                    + Money.yuan(expected) + " 元不符。", "The amount " + Money.yuan(fen) + " yuan differs from the batch's "
                    + Money.yuan(expected) + " yuan."));
        }
        String outcomeText = value(fields, columns, "outcome");
        Outcome outcome = outcomeText == null ? null : OUTCOMES.get(outcomeText.toLowerCase(Locale.ROOT));
        if (outcome == null) {
            problems.add(Problem.of(line, "outcome", "outcome_unknown", "“结果”应为“成功”或“失败”。",
                    "The result must be paid or failed."));
        }
        String reason = value(fields, columns, "reason");
        if (outcome == Outcome.FAILED && (reason == null || reason.length() > batch.maxReason())) {
            problems.add(Problem.of(line, "reason", "reason_needed", "转账失败时请填写银行的失败原因，如“账户已销户”（"
                    + batch.maxReason() + " 字以内）。", "A failed transfer needs the bank's reason, e.g. the account is closed (at most "
                    + batch.maxReason() + " characters)."));
        }
        if (problems.size() == before) {
            out.add(new Line(line, key, value(fields, columns, "name"), fen, outcome, outcome == Outcome.FAILED ? reason : null));
        }
    }

    /** Yuan as written in the file (thousands separators allowed) to fen; null when it is not an amount. */
    private static Long fen(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal yuan = new BigDecimal(text.replace(",", ""));
            return yuan.signum() >= 0 && yuan.scale() <= 2 ? yuan.movePointRight(2).longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Long keyOf(String reference, String prefix) {
        if (reference == null || !reference.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.parseLong(reference.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        if (i == null || i >= fields.size() || fields.get(i) == null) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
