package org.unionportal.mutualaid.internal.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unionportal.api.money.Money;
import org.unionportal.api.table.SheetReader;
import org.unionportal.mutualaid.internal.rules.BankResult;

/**
 * Reads the bank's return file of a payout batch: the bank file as exported (序号, 收款人姓名, 身份证号, 开户银行, 银行账号,
 * 金额(元), 附言) with two more columns, 结果 (成功 or 失败) and 失败原因 (the bank's reason, needed on a 失败 line). CSV
 * (UTF-8 or GB18030) or XLSX. Lines are matched to the batch by 附言 ({@code MA-<batch>-<claim>}); the amount must be the
 * batch's, and every line of the batch must be there exactly once. Only 附言, 金额(元) and 结果 are required columns.
 */
public final class BankReturnReader {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final String OUTCOME_PAID = "PAID";
    public static final String OUTCOME_FAILED = "FAILED";

    /** One line of the file as matched to the batch: {@code outcome} is {@link #OUTCOME_PAID} or {@link #OUTCOME_FAILED}. */
    public record Row(int line, long claimId, String name, long amountFen, String outcome, String reason) {
    }

    /** The file's lines, what is wrong with it, and the totals of the lines read. */
    public record Parsed(List<Row> rows, List<RowProblem> problems, long paidFen, long failedFen) {
        public List<BankResult.Failure> failures() {
            return rows.stream().filter(r -> OUTCOME_FAILED.equals(r.outcome()))
                    .map(r -> new BankResult.Failure(r.claimId(), r.reason())).toList();
        }
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("附言", "reference"), Map.entry("reference", "reference"),
            Map.entry("金额(元)", "amount"), Map.entry("金额（元）", "amount"), Map.entry("金额", "amount"), Map.entry("amount", "amount"),
            Map.entry("结果", "outcome"), Map.entry("处理结果", "outcome"), Map.entry("result", "outcome"),
            Map.entry("失败原因", "reason"), Map.entry("原因", "reason"), Map.entry("reason", "reason"),
            Map.entry("收款人姓名", "name"), Map.entry("姓名", "name"), Map.entry("name", "name"));
    private static final List<String> REQUIRED = List.of("reference", "amount", "outcome");
    private static final Map<String, String> OUTCOMES = Map.of("成功", OUTCOME_PAID, "已支付", OUTCOME_PAID, "支付成功", OUTCOME_PAID,
            "paid", OUTCOME_PAID, "失败", OUTCOME_FAILED, "退回", OUTCOME_FAILED, "支付失败", OUTCOME_FAILED, "failed", OUTCOME_FAILED);

    private BankReturnReader() {
    }

    /**
     * @param batchId  the batch the file must belong to
     * @param amounts  the batch's claims and their amounts (fen)
     * @param fileName the uploaded file's name (its extension chooses CSV or XLSX); null reads CSV
     */
    public static Parsed read(InputStream in, String fileName, long batchId, Map<Long, Long> amounts) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer>[] columns = new Map[1];
        boolean[] stop = {false};
        Map<Long, Integer> seen = new HashMap<>();
        SheetReader.RowSink sink = (line, fields, numeric) -> {
            if (columns[0] == null) {
                columns[0] = header(fields, line, problems);
                stop[0] = columns[0] == null;
                return !stop[0];
            }
            if (fields.stream().allMatch(f -> f == null || f.isBlank())) {
                return true;
            }
            row(line, fields, columns[0], batchId, amounts, seen, rows, problems);
            return true;
        };
        try {
            if (fileName == null || fileName.isBlank()) {
                SheetReader.readCsv(in, MAX_BYTES, sink);
            } else {
                SheetReader.read(in, fileName, MAX_BYTES, sink);
            }
        } catch (SheetReader.Unreadable e) {
            problems.add(new RowProblem(e.line(), RowProblem.FILE, e.code(), e.text()));
            return new Parsed(List.of(), problems, 0, 0);
        }
        if (columns[0] == null && !stop[0]) {
            problems.add(RowProblem.of(1, RowProblem.FILE, "file_empty", "文件中没有内容。", "The file is empty."));
        }
        if (stop[0] || columns[0] == null) {
            return new Parsed(List.of(), problems, 0, 0);
        }
        for (Long claimId : amounts.keySet()) {
            if (!seen.containsKey(claimId)) {
                problems.add(RowProblem.of(1, RowProblem.FILE, "line_missing", "文件中缺少附言为 " + reference(batchId, claimId)
                        + " 的一行：银行对每笔转账都应给出结果。", "The file has no line with reference " + reference(batchId, claimId)
                        + ": the bank answers for every transfer."));
            }
        }
        long paid = Money.sum(rows.stream().filter(r -> OUTCOME_PAID.equals(r.outcome())).map(Row::amountFen).toList());
        long failed = Money.sum(rows.stream().filter(r -> OUTCOME_FAILED.equals(r.outcome())).map(Row::amountFen).toList());
        return new Parsed(rows, problems, paid, failed);
    }

    public static String reference(long batchId, long claimId) {
        return "MA-" + batchId + "-" + claimId;
    }

    private static Map<String, Integer> header(List<String> fields, int line, List<RowProblem> problems) {
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
            problems.add(RowProblem.of(line, RowProblem.FILE, "column_missing", "缺少必需的列："
                    + String.join("、", missing.stream().map(BankReturnReader::columnName).toList())
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

    private static void row(int line, List<String> fields, Map<String, Integer> columns, long batchId, Map<Long, Long> amounts,
                            Map<Long, Integer> seen, List<Row> out, List<RowProblem> problems) {
        int before = problems.size();
        String reference = value(fields, columns, "reference");
        Long claimId = claimOf(reference, batchId);
        if (claimId == null || !amounts.containsKey(claimId)) {
            problems.add(RowProblem.of(line, "reference", "not_in_batch", "附言“" + (reference == null ? "" : reference)
                    + "”不是本批次的转账（应为 MA-" + batchId + "-理赔编号）。",
                    "The reference \"" + (reference == null ? "" : reference) + "\" is not a transfer of this batch."));
            return;
        }
        Integer earlier = seen.putIfAbsent(claimId, line);
        if (earlier != null) {
            problems.add(RowProblem.of(line, "reference", "duplicate", "附言 " + reference + " 与第 " + earlier + " 行重复。",
                    "The reference " + reference + " repeats line " + earlier + "."));
            return;
        }
        Long fen = SettlementReader.fen(value(fields, columns, "amount"), line, "amount", problems);
        if (fen != null && fen.longValue() != amounts.get(claimId)) {
            problems.add(RowProblem.of(line, "amount", "amount_differs", "金额 " + Money.yuan(fen) + " 元与本批次的 "
                    + Money.yuan(amounts.get(claimId)) + " 元不符。", "The amount " + Money.yuan(fen) + " yuan differs from the batch's "
                    + Money.yuan(amounts.get(claimId)) + " yuan."));
        }
        String outcomeText = value(fields, columns, "outcome");
        String outcome = outcomeText == null ? null : OUTCOMES.get(outcomeText.toLowerCase(Locale.ROOT));
        if (outcome == null) {
            problems.add(RowProblem.of(line, "outcome", "outcome_unknown", "“结果”应为“成功”或“失败”。",
                    "The result must be paid or failed."));
        }
        String reason = value(fields, columns, "reason");
        if (OUTCOME_FAILED.equals(outcome) && (reason == null || reason.length() > BankResult.MAX_REASON)) {
            problems.add(RowProblem.of(line, "reason", "reason_needed", "转账失败时请填写银行的失败原因，如“账户已销户”（"
                    + BankResult.MAX_REASON + " 字以内）。", "A failed transfer needs the bank's reason, e.g. the account is closed (at most "
                    + BankResult.MAX_REASON + " characters)."));
        }
        if (problems.size() == before) {
            out.add(new Row(line, claimId, value(fields, columns, "name"), fen, outcome, OUTCOME_FAILED.equals(outcome) ? reason : null));
        }
    }

    private static Long claimOf(String reference, long batchId) {
        String prefix = "MA-" + batchId + "-";
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
