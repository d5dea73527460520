package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import java.io.IOException;
import org.unionportal.api.table.SheetReader;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a file of hospital settlements exported by the city medical-insurance system (CSV, UTF-8
 * or GB18030, comma or tab), one stay per row. Columns, Chinese or English headers in any order:
 * 身份证号/idNumber, 入院日期/admissionDate, 出院日期/dischargeDate, 医院/hospital,
 * 医疗总费用/totalCost, 基本医保支付/basicInsurance (amounts in yuan, at most two decimals), and
 * optionally 诊断/diagnosis. Dates as 2026-06-01 or 2026/6/1.
 */
public final class SettlementReader {
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** One settled stay. Money in fen. */
    public record Settlement(int line, String idNumber, LocalDate admission, LocalDate discharge, String hospital,
                             long totalCostFen, long basicInsuranceFen, String diagnosis) {
    }

    public record Parsed(List<Settlement> settlements, List<RowProblem> problems) {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("身份证号", "idNumber"), Map.entry("idnumber", "idNumber"),
            Map.entry("入院日期", "admissionDate"), Map.entry("admissiondate", "admissionDate"),
            Map.entry("出院日期", "dischargeDate"), Map.entry("dischargedate", "dischargeDate"),
            Map.entry("医院", "hospital"), Map.entry("hospital", "hospital"),
            Map.entry("医疗总费用", "totalCost"), Map.entry("totalcost", "totalCost"),
            Map.entry("基本医保支付", "basicInsurance"), Map.entry("basicinsurance", "basicInsurance"),
            Map.entry("诊断", "diagnosis"), Map.entry("diagnosis", "diagnosis"));
    private static final List<String> REQUIRED = List.of("idNumber", "admissionDate", "dischargeDate", "hospital",
            "totalCost", "basicInsurance");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private SettlementReader() {
    }

    public static Parsed read(InputStream in) throws IOException {
        List<Settlement> settlements = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer>[] columns = new Map[1];
        boolean[] stop = {false};
        try {
            SheetReader.readCsv(in, MAX_BYTES, (line, fields, numeric) -> {
                if (columns[0] == null) {
                    columns[0] = header(fields, line, problems);
                    stop[0] = columns[0] == null;
                    return !stop[0];
                }
                row(line, fields, columns[0], settlements, problems);
                return true;
            });
        } catch (SheetReader.Unreadable e) {
            problems.add(new RowProblem(e.line(), RowProblem.FILE, e.code(), e.text()));
        }
        return new Parsed(stop[0] ? List.of() : settlements, problems);
    }

    private static Map<String, Integer> header(List<String> fields, int line, List<RowProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String key = HEADERS.get(fields.get(i).strip().replace(" ", "").toLowerCase(Locale.ROOT));
            if (key != null) {
                columns.putIfAbsent(key, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(k -> !columns.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(RowProblem.of(line, RowProblem.FILE, "column_missing", "缺少必需的列：" + missing,
                    "Required columns missing: " + missing));
            return null;
        }
        return columns;
    }

    private static void row(int line, List<String> fields, Map<String, Integer> columns, List<Settlement> out,
                            List<RowProblem> problems) {
        String id = IdNumbers.normalize(value(fields, columns, "idNumber"));
        int before = problems.size();
        IdNumbers.check(id).ifPresent(p -> problems.add(new RowProblem(line, "idNumber", p.code(), p.text())));
        LocalDate admission = date(value(fields, columns, "admissionDate"), line, "admissionDate", problems);
        LocalDate discharge = date(value(fields, columns, "dischargeDate"), line, "dischargeDate", problems);
        String hospital = value(fields, columns, "hospital");
        if (hospital == null) {
            problems.add(RowProblem.of(line, "hospital", "required", "医院不能为空", "Hospital is required"));
        }
        // the columns the claim is filed into (ClaimForm's limits): longer is a row problem, never a database refusal
        tooLong(hospital, ClaimForm.MAX_HOSPITAL, line, "hospital", "医院", problems);
        String diagnosis = value(fields, columns, "diagnosis");
        tooLong(diagnosis, ClaimForm.MAX_DIAGNOSIS, line, "diagnosis", "诊断", problems);
        Long total = fen(value(fields, columns, "totalCost"), line, "totalCost", problems);
        Long basic = fen(value(fields, columns, "basicInsurance"), line, "basicInsurance", problems);
        if (admission != null && discharge != null && discharge.isBefore(admission)) {
            problems.add(RowProblem.of(line, "dischargeDate", "discharge_before_admission", "出院日期早于入院日期",
                    "Discharge is before admission"));
        }
        if (problems.size() == before) {
            out.add(new Settlement(line, id, admission, discharge, hospital, total, basic, diagnosis));
        }
    }

    private static void tooLong(String value, int max, int line, String field, String nameZh, List<RowProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(RowProblem.of(line, field, "too_long", nameZh + "最多 " + max + " 个字", "At most " + max + " characters"));
        }
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    static LocalDate date(String text, int line, String field, List<RowProblem> problems) {
        if (text != null) {
            try {
                LocalDate day = text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text);
                // a day the column can store and a hospital could mean (Derby stores years 1 to 9999 only)
                if (day.getYear() >= 1900 && day.getYear() <= 2999) {
                    return day;
                }
                problems.add(RowProblem.of(line, field, "date_out_of_range", "日期须在 1900 年到 2999 年之间",
                        "The day must be between the years 1900 and 2999"));
                return null;
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(RowProblem.of(line, field, "invalid_date", "日期无效，应为 2026-06-01", "Not a date like 2026-06-01"));
        return null;
    }

    /** Yuan with at most two decimals to fen, exactly. */
    static Long fen(String text, int line, String field, List<RowProblem> problems) {
        if (text != null) {
            try {
                BigDecimal yuan = new BigDecimal(text.replace(",", ""));
                if (yuan.signum() >= 0 && yuan.scale() <= 2) {
                    return yuan.movePointRight(2).longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        problems.add(RowProblem.of(line, field, "invalid_amount", "金额无效，应为不小于 0、最多两位小数的元",
                "Not an amount in yuan (at least 0, at most two decimals)"));
        return null;
    }
}
