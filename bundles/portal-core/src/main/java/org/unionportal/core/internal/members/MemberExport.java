package org.unionportal.core.internal.members;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.member.Member;

/** The register as a table to export: headers and rows in the caller's language, personal data as the purpose allows. */
final class MemberExport {
    /** A list to read and count: ID and phone numbers masked. */
    static final ExportPurpose PURPOSE = ExportPurpose.LIST;
    static final Text FILE_NAME = Text.of("members", "members");
    private static final List<Text> HEADERS = List.of(Text.of("姓名", "Name"), Text.of("身份证号", "ID number"),
            Text.of("手机号", "Phone"), Text.of("性别", "Gender"), Text.of("工会", "Union"), Text.of("类别", "Categories"),
            Text.of("职业", "Occupation"), Text.of("状态", "Status"), Text.of("入会日期", "Joined on"));

    private MemberExport() {
    }

    static List<String> headers(Language lang) {
        return HEADERS.stream().map(t -> t.in(lang)).toList();
    }

    static List<Object> row(Member m, Map<Long, String> unionNames, Language lang, ExportPurpose purpose) {
        return Arrays.asList(m.name(), purpose.idNumber(m.idNumber()), m.phone() == null ? null : purpose.phone(m.phone()),
                ("M".equals(m.gender()) ? Text.of("男", "M") : Text.of("女", "F")).in(lang), unionNames.get(m.orgId()),
                m.categories().stream().map(x -> x.label().in(lang)).collect(Collectors.joining(lang == Language.EN ? ", " : "、")),
                m.occupation() == null ? null : m.occupation().label().in(lang), m.status().label().in(lang), m.joinedOn());
    }
}
