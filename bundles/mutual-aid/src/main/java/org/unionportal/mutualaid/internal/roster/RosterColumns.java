package org.unionportal.mutualaid.internal.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The roster's columns and the header texts that name them. */
public final class RosterColumns {
    public static final String NAME = "name";
    public static final String ID_NUMBER = "idNumber";
    public static final String PHONE = "phone";
    public static final String GENDER = "gender";
    public static final String CATEGORY = "category";
    public static final String BASIC_INSURANCE = "basicInsurance";
    public static final String UNION_MEMBER = "unionMember";

    /** Column keys in template order; every one is required. */
    public static final List<String> KEYS = List.of(NAME, ID_NUMBER, PHONE, GENDER, CATEGORY, BASIC_INSURANCE,
            UNION_MEMBER);

    private static final Map<String, String> ZH = new LinkedHashMap<>();
    private static final Map<String, String> EN = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        column(NAME, "姓名", "Name", "职工姓名", "会员姓名", "fullname");
        column(ID_NUMBER, "身份证号", "ID number", "身份证号码", "身份证", "公民身份号码", "证件号码", "证件号", "idno",
                "id", "idcard", "idcardnumber", "idcardno");
        column(PHONE, "手机号", "Phone", "手机号码", "手机", "联系电话", "电话", "联系方式", "mobile", "phonenumber",
                "mobilephone", "mobilenumber", "cellphone", "phoneno");
        column(GENDER, "性别", "Gender", "sex");
        column(CATEGORY, "类别", "Category", "人员类别", "职工类别", "参保类别", "人员类型", "职工类型", "workercategory");
        column(BASIC_INSURANCE, "参加基本医保", "Basic medical insurance", "基本医保", "是否参加基本医保",
                "是否参加职工基本医保", "参加职工基本医保", "参加城镇职工基本医疗保险", "是否参加城镇职工基本医疗保险", "基本医疗保险",
                "basicinsurance", "medicalinsurance", "hasbasicinsurance", "basicmedicalinsured");
        column(UNION_MEMBER, "工会会员", "Union member", "是否工会会员", "是否会员", "会员", "unionmember", "member",
                "isunionmember", "tradeunionmember");
    }

    private RosterColumns() {
    }

    private static void column(String key, String zh, String en, String... more) {
        ZH.put(key, zh);
        EN.put(key, en);
        ALIASES.put(normalize(key), key);
        ALIASES.put(normalize(zh), key);
        ALIASES.put(normalize(en), key);
        for (String m : more) {
            ALIASES.put(normalize(m), key);
        }
    }

    /** Chinese header of a column key: 身份证号 for idNumber. */
    public static String zh(String key) {
        return ZH.getOrDefault(key, key);
    }

    /** English header of a column key: ID number for idNumber. */
    public static String en(String key) {
        return EN.getOrDefault(key, key);
    }

    /** Chinese headers in template order, for a blank template download. */
    public static List<String> zhHeaders() {
        return KEYS.stream().map(RosterColumns::zh).toList();
    }

    /**
     * The column key a header cell names, or null. Case, spaces, '_', '-', '*', ':' do not matter; a bilingual
     * header such as "身份证号(ID number)", "身份证号 / ID number" or "身份证号 ID number" is understood too.
     */
    public static String keyOf(String header) {
        Match m = match(header);
        return m == null ? null : m.key;
    }

    /** A header's key and whether the whole text named it (exact) or only part of it, as in "身份证号(必填)". */
    record Match(String key, boolean exact) {
    }

    static Match match(String header) {
        if (header == null) {
            return null;
        }
        String k = ALIASES.get(normalize(header));
        if (k != null) {
            return new Match(k, true);
        }
        String found = null;
        for (String piece : pieces(header)) {
            k = ALIASES.get(normalize(piece));
            if (k != null) {
                if (found != null && !found.equals(k)) {
                    return null; // "会员ID": the pieces name different columns, so it is neither
                }
                found = k;
            }
        }
        return found == null ? null : new Match(found, false);
    }

    private static List<String> pieces(String header) {
        List<String> out = new ArrayList<>();
        for (String p : header.split("[()（）/|｜【】\\[\\]\\n]")) {
            if (!p.isBlank()) {
                out.add(p);
            }
        }
        // "身份证号 ID number": the leading run of CJK characters, then the rest
        String t = RosterValues.trim(header);
        int i = 0;
        while (i < t.length() && Character.UnicodeScript.of(t.charAt(i)) == Character.UnicodeScript.HAN) {
            i++;
        }
        if (i > 0 && i < t.length()) {
            out.add(t.substring(0, i));
            out.add(t.substring(i));
        }
        return out;
    }

    static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (RosterValues.isSpace(c) || c == '_' || c == '-' || c == '*' || c == ':' || c == '：' || c == '.'
                    || c == '＊') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
