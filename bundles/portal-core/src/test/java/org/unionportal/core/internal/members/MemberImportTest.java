package org.unionportal.core.internal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.MemberCategory;

class MemberImportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String A = IdNumbers.of("320202", LocalDate.of(1988, 5, 6), 11);
    private static final String B = IdNumbers.of("320202", LocalDate.of(1991, 7, 8), 22);

    private static List<String> problems(MemberImport.Parsed parsed, Set<String> otherUnions) {
        return MemberImport.check(parsed, TODAY, otherUnions).stream()
                .map(p -> p.line() + ":" + p.name() + ":" + p.field() + ":" + p.code()).toList();
    }

    @Test
    void anXlsxWithEnglishHeadersIsRead() {
        byte[] xlsx = TableExport.xlsx("s", List.of("Name", "ID number", "Phone", "Categories", "Occupation", "Joined on"), List.of(
                Arrays.asList("孙悦", A, "139 1234 5678", "新就业形态劳动者", "外卖骑手", LocalDate.of(2020, 3, 1)),
                Arrays.asList("周洁", B, null, "环卫工人、劳务派遣工", null, "2019/4/2")));
        MemberImport.Parsed parsed = MemberImport.read(new ByteArrayInputStream(xlsx), "m.xlsx", TODAY);
        List<MemberImport.Row> rows = parsed.rows();
        assertEquals(2, rows.size(), parsed::toString);
        MemberRules.Form sun = rows.get(0).form();
        assertEquals(A, sun.idNumber());
        assertEquals("13912345678", sun.phone());
        assertEquals(Set.of(MemberCategory.GIG_WORKER), sun.categories());
        assertEquals(GigOccupation.FOOD_DELIVERY_RIDER, sun.occupation());
        assertEquals(LocalDate.of(2020, 3, 1), sun.joinedOn(), "an XLSX date cell");
        assertEquals(LocalDate.of(2019, 4, 2), rows.get(1).form().joinedOn());
        assertEquals(Set.of(MemberCategory.SANITATION_WORKER, MemberCategory.DISPATCHED), rows.get(1).form().categories());
    }

    @Test
    void everyRowsProblemsComeWithItsName() {
        String csv = "会员名册\n\n姓名,身份证号,手机号,类别,职业\n"
                + "孙悦," + A + ",12345,新就业形态劳动者,\n"
                + "周洁," + B + ",,退休职工,厨师\n"
                + "钱三," + A + ",,,\n"
                + "李四," + IdNumbers.of("320202", LocalDate.of(1990, 1, 1), 33) + ",,职工代表,\n";
        MemberImport.Parsed parsed = MemberImport.read(new ByteArrayInputStream(csv.getBytes(Charset.forName("GB18030"))), "m.csv", TODAY);
        assertEquals(4, parsed.rows().size());
        assertEquals(List.of("4:孙悦:phone:phone_length", "4:孙悦:occupation:occupation_missing",
                "5:周洁:categories:category_invalid", "5:周洁:occupation:occupation_invalid", "5:周洁:categories:category_missing",
                "6:钱三:idNumber:duplicate_in_file", "7:李四:idNumber:member_of_other_union"),
                problems(parsed, Set.of(IdNumbers.of("320202", LocalDate.of(1990, 1, 1), 33))));
        assertEquals(Set.of(MemberCategory.EMPLOYEE), parsed.rows().get(2).form().categories(), "no category: 在职职工");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrRowsIsRefusedWhole() {
        MemberImport.Parsed noHeader = MemberImport.read(new ByteArrayInputStream("姓名,电话\n张三,1\n".getBytes()), "m.csv", TODAY);
        assertEquals(List.of("1:null:file:no_header"), problems(noHeader, Set.of()));
        assertEquals("file_empty", MemberImport.read(new ByteArrayInputStream(new byte[0]), "m.csv", TODAY).problems().get(0).code());
        assertEquals("old_spreadsheet_format",
                MemberImport.read(new ByteArrayInputStream(new byte[] {1}), "m.xls", TODAY).problems().get(0).code());
        byte[] numericId = TableExport.xlsx("s", List.of("姓名", "身份证号"), List.of(List.of("张三", new BigDecimal("3.20202198805061E+17"))));
        MemberImport.Parsed asNumber = MemberImport.read(new ByteArrayInputStream(numericId), "m.xlsx", TODAY);
        assertTrue(problems(asNumber, Set.of()).contains("2:张三:idNumber:id_as_number"), () -> problems(asNumber, Set.of()).toString());
    }
}
