package org.unionportal.mutualaid.internal.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.unionportal.api.export.TableExport;

/**
 * The roster templates operators fill in: the header row and one example row; the XLSX one also keeps the ID
 * number column as text and offers drop-downs (Excel data validation lists) for 性别, 类别 and the two 是/否 columns,
 * so that the values the checks understand are picked rather than typed. The kit's table writer has no data
 * validation, and the portal has no POI: the few XML parts are written here.
 */
public final class RosterTemplate {
    public static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "性别", "类别", "参加基本医保", "工会会员");
    /** An example that passes every check (GB 11643 check digit right; a woman born 1985, so 女). */
    public static final List<String> EXAMPLE = List.of("张三（示例，请删除此行）", "320202198503070022", "13800001234", "女",
            "在职职工", "是", "是");
    public static final List<String> GENDERS = List.of("男", "女");
    public static final List<String> YES_NO = List.of("是", "否");
    /** Rows below the header that get the drop-downs. */
    static final int VALIDATED_ROWS = 5000;
    private static final int[] WIDTHS = {24, 22, 15, 8, 18, 14, 10};

    private RosterTemplate() {
    }

    public static List<String> categories() {
        return RosterValues.CATEGORIES.stream().map(RosterValues::categoryLabel).toList();
    }

    /** The CSV template (UTF-8 with BOM, as the kit writes CSV): header and example row; CSV has no drop-downs. */
    public static byte[] csv() {
        return TableExport.csv(HEADERS, List.of(EXAMPLE));
    }

    public static byte[] xlsx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="参保名单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    </Relationships>""");
            // style 1: text (@), so Excel keeps all 18 characters of an ID number; style 2: bold header
            part(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                    </styleSheet>""");
            part(zip, "xl/worksheets/sheet1.xml", sheet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheet() {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
                </sheetView></sheetViews><cols>""");
        for (int i = 0; i < WIDTHS.length; i++) {
            // the ID number column (B) is text for every row, not only the example's
            s.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"").append(WIDTHS[i])
                    .append("\" customWidth=\"1\"").append(i == 1 ? " style=\"1\"" : "").append("/>");
        }
        s.append("</cols><sheetData>");
        row(s, 1, HEADERS, 2);
        row(s, 2, EXAMPLE, 0);
        s.append("</sheetData><dataValidations count=\"4\">");
        validation(s, "D", GENDERS, "性别", "请选择“男”或“女”。");
        validation(s, "E", categories(), "类别", "请从列表中选择职工类别。");
        validation(s, "F", YES_NO, "参加基本医保", "请选择“是”或“否”。");
        validation(s, "G", YES_NO, "工会会员", "请选择“是”或“否”。");
        s.append("</dataValidations></worksheet>");
        return s.toString();
    }

    private static void row(StringBuilder s, int r, List<String> values, int style) {
        s.append("<row r=\"").append(r).append("\">");
        for (int i = 0; i < values.size(); i++) {
            int cellStyle = style != 0 ? style : i == 1 ? 1 : 0;
            s.append("<c r=\"").append((char) ('A' + i)).append(r).append("\" t=\"inlineStr\"")
                    .append(cellStyle == 0 ? "" : " s=\"" + cellStyle + "\"").append("><is><t>").append(xml(values.get(i)))
                    .append("</t></is></c>");
        }
        s.append("</row>");
    }

    private static void validation(StringBuilder s, String column, List<String> choices, String title, String error) {
        s.append("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"").append(xml(title))
                .append("\" error=\"").append(xml(error)).append("\" sqref=\"").append(column).append(2).append(':').append(column)
                .append(VALIDATED_ROWS + 1).append("\"><formula1>\"").append(xml(String.join(",", choices)))
                .append("\"</formula1></dataValidation>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
