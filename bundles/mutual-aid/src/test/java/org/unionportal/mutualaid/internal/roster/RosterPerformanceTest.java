package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.export.TableExport;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Measures (prints, does not assert) the time to read and check 100,000 rows. */
class RosterPerformanceTest {
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

    @Test
    void hundredThousandRowCsv() {
        byte[] bytes = csv(100_000);
        // warm up once, then measure
        TestData.read(bytes, "warm.csv");
        long t0 = System.nanoTime();
        ParsedRoster p = TestData.read(bytes, "big.csv");
        long t1 = System.nanoTime();
        List<RowProblem> problems = RosterChecks.check(p.rows(), LocalDate.of(2024, 6, 1), Set.of(), r -> List.of());
        long t2 = System.nanoTime();
        System.out.printf("100k-row CSV (%.1f MB): read %d ms, checks %d ms%n", bytes.length / 1e6,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        assertEquals(List.of(), p.problems());
        assertEquals(100_000, p.rows().size());
        assertEquals(100_001, p.rows().get(99_999).line());
        // every row valid except those whose ID repeats (same area, date and sequence)
        long dupRows = problems.stream().filter(x -> x.text().zh().contains("重复")).count();
        assertEquals(problems.size(), dupRows, () -> problems.subList(0, Math.min(5, problems.size())).toString());
    }

    @Test
    void hundredThousandRowXlsx() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(List.of("张伟" + i, TestData.man(i), "138" + String.format("%08d", i), "男", "在职职工", "是", "否"));
        }
        byte[] x = TableExport.xlsx("s", RosterColumns.zhHeaders(), rows);
        TestData.read(x, "warm.xlsx");
        long t0 = System.nanoTime();
        ParsedRoster p = TestData.read(x, "big.xlsx");
        System.out.printf("100k-row XLSX (%.1f MB): read %d ms%n", x.length / 1e6, (System.nanoTime() - t0) / 1_000_000);
        assertEquals(List.of(), p.problems());
        assertEquals(100_000, p.rows().size());
    }
}
