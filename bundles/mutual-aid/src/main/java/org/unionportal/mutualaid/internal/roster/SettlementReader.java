package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;
import java.io.IOException;
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
        try (Spool spool = Spool.of(in, MAX_BYTES)) {
            RosterReader.CsvFormat format = RosterReader.CsvFormat.of(spool);
            try (Reader r = RosterReader.open(spool, format.charset(), format.skip())) {
                CsvParser parser = new CsvParser(r, format.delimiter());
                Map<String, Integer> columns = null;
                List<String> fields;
                while ((fields = parser.next()) != null) {
                    if (columns == null) {
                        columns = header(fields, parser.record(), problems);
                        if (columns == null) {
                            return new Parsed(List.of(), problems);
                        }
                        continue;
                    }
                    row(parser.record(), fields, columns, settlements, problems);
                }
            } catch (CsvParser.CsvException e) {
                problems.add(new RowProblem(e.record, RowProblem.FILE, e.getMessage()));
            }
        } catch (Spool.TooLarge e) {
            problems.add(new RowProblem(1, RowProblem.FILE, "文件过大 (the file is larger than " + (MAX_BYTES >> 20) + " MiB)"));
        }
        return new Parsed(settlements, problems);
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
            problems.add(new RowProblem(line, RowProblem.FILE, "缺少必需的列 (required columns missing): " + missing));
            return null;
        }
        return columns;
    }

    private static void row(int line, List<String> fields, Map<String, Integer> columns, List<Settlement> out,
                            List<RowProblem> problems) {
        String id = IdNumbers.normalize(value(fields, columns, "idNumber"));
        int before = problems.size();
        IdNumbers.problem(id).ifPresent(p -> problems.add(new RowProblem(line, "idNumber", p)));
        LocalDate admission = date(value(fields, columns, "admissionDate"), line, "admissionDate", problems);
        LocalDate discharge = date(value(fields, columns, "dischargeDate"), line, "dischargeDate", problems);
        String hospital = value(fields, columns, "hospital");
        if (hospital == null) {
            problems.add(new RowProblem(line, "hospital", "医院不能为空 (hospital is required)"));
        }
        Long total = fen(value(fields, columns, "totalCost"), line, "totalCost", problems);
        Long basic = fen(value(fields, columns, "basicInsurance"), line, "basicInsurance", problems);
        if (admission != null && discharge != null && discharge.isBefore(admission)) {
            problems.add(new RowProblem(line, "dischargeDate", "出院日期早于入院日期 (discharge before admission)"));
        }
        if (problems.size() == before) {
            out.add(new Settlement(line, id, admission, discharge, hospital, total, basic, value(fields, columns, "diagnosis")));
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
                return text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(new RowProblem(line, field, "日期无效，应为 2026-06-01 (not a date like 2026-06-01)"));
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
        problems.add(new RowProblem(line, field, "金额无效，应为不小于 0、最多两位小数的元 (not an amount in yuan)"));
        return null;
    }
}
