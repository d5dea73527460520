package org.unionportal.mutualaid.internal.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.identity.IdNumbers;

/**
 * Reading, checking and writing a roster of {@code bench.rosterRows} rows (100,000 by default): five runs after a
 * warm-up, each printed, and the medians as "BENCH roster-... rows=<n> ms=<median>" (bench/run.sh reads them). Skipped
 * by the build (tag "benchmark"); checks what it reads, never a time.
 */
@Tag("benchmark")
class RosterBenchmark {
    private static final int RUNS = 5;
    private static final int ROWS = Integer.getInteger("bench.rosterRows", 100_000);

    static byte[] csv(int n) {
        StringBuilder sb = new StringBuilder(n * 80);
        sb.append("姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员,备注\n");
        String[] cats = {"在职职工", "劳务派遣工", "新就业形态劳动者", "劳模"};
        for (int i = 0; i < n; i++) {
            boolean man = i % 2 == 0;
            String id = IdNumbers.of("3202" + String.format("%02d", 11 + i % 7),
                    LocalDate.of(1960, 1, 1).plusDays(i % 15_000), (i / 7) % 1000 / 2 * 2 + (man ? 1 : 0));
            sb.append(man ? "张伟" : "李娜").append(i).append(',').append(id).append(',')
                    .append(13_800_000_000L + i).append(',').append(man ? "男" : "女").append(',')
                    .append(cats[i % 4]).append(",是,").append(i % 3 == 0 ? "Y" : "是").append(",\"备注, ").append(i)
                    .append("\"\n");
        }
        return sb.toString().getBytes(UTF_8);
    }

    static List<List<Object>> rows(int n) {
        List<List<Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(List.of("张伟" + i, TestData.man(i), "138" + String.format("%08d", i), "男", "在职职工", "是", "否"));
        }
        return rows;
    }

    @Test
    void csv() {
        byte[] bytes = csv(ROWS);
        ParsedRoster p = median("roster-csv-read", bytes.length, () -> TestData.read(bytes, "big.csv"));
        assertEquals(List.of(), p.problems());
        assertEquals(ROWS, p.rows().size());
        assertEquals(ROWS + 1, p.rows().get(ROWS - 1).line());
        List<RowProblem> problems = median("roster-checks", bytes.length,
                () -> RosterChecks.check(p.rows(), LocalDate.of(2024, 6, 1), Set.of(), r -> List.of()));
        // every row valid except those whose ID repeats (same area, date and sequence)
        assertEquals(problems.size(), problems.stream().filter(x -> x.text().zh().contains("重复")).count(),
                () -> problems.subList(0, Math.min(5, problems.size())).toString());
    }

    @Test
    void xlsx() {
        List<List<Object>> rows = rows(ROWS);
        byte[] x = median("roster-xlsx-write", 0, () -> TableExport.xlsx("s", RosterColumns.zhHeaders(), rows));
        ParsedRoster p = median("roster-xlsx-read", x.length, () -> TestData.read(x, "big.xlsx"));
        assertEquals(List.of(), p.problems());
        assertEquals(ROWS, p.rows().size());
        assertEquals(rows.get(ROWS - 1).get(1), p.rows().get(ROWS - 1).idNumber());
    }

    private static <T> T median(String what, long bytes, Supplier<T> work) {
        T result = work.get(); // warm-up
        List<Double> ms = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            result = work.get();
            double took = (System.nanoTime() - start) / 1e6;
            ms.add(took);
            System.out.printf("BENCH %s run=%d rows=%d bytes=%d ms=%.1f%n", what, run, ROWS, bytes, took);
        }
        System.out.printf("BENCH %s-median rows=%d ms=%.1f%n", what, ROWS, ms.stream().sorted().toList().get(RUNS / 2));
        return result;
    }
}
