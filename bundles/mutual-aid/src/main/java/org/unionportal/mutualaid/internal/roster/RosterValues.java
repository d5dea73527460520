package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.table.SheetReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How roster cells are understood: yes/no, gender, category, blank. */
public final class RosterValues {
    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String DISPATCHED = "DISPATCHED";
    public static final String GIG_WORKER = "GIG_WORKER";
    public static final String MODEL_WORKER = "MODEL_WORKER";
    /** The category codes, in display order. */
    public static final List<String> CATEGORIES = List.of(EMPLOYEE, DISPATCHED, GIG_WORKER, MODEL_WORKER);

    static final String ID_AS_NUMBER = IdNumbers.ID_AS_NUMBER;

    private static final Map<String, Boolean> YES_NO = new HashMap<>();
    private static final Map<String, String> GENDERS = new HashMap<>();
    private static final Map<String, String> CATEGORY_CODES = new HashMap<>();
    private static final Map<String, String> CATEGORY_LABELS = Map.of(EMPLOYEE, "在职职工", DISPATCHED, "劳务派遣工",
            GIG_WORKER, "新就业形态劳动者", MODEL_WORKER, "劳模");

    static {
        for (String s : List.of("是", "yes", "y", "1", "true", "对", "√")) {
            YES_NO.put(s, Boolean.TRUE);
        }
        for (String s : List.of("否", "no", "n", "0", "false", "不是", "×")) {
            YES_NO.put(s, Boolean.FALSE);
        }
        for (String s : List.of("男", "m", "male", "男性")) {
            GENDERS.put(s, "M");
        }
        for (String s : List.of("女", "f", "female", "女性")) {
            GENDERS.put(s, "F");
        }
        CATEGORY_LABELS.forEach((code, label) -> {
            CATEGORY_CODES.put(key(code), code);
            CATEGORY_CODES.put(key(label), code);
        });
        CATEGORY_CODES.put(key("在职"), EMPLOYEE);
        CATEGORY_CODES.put(key("劳务派遣"), DISPATCHED);
        CATEGORY_CODES.put(key("派遣工"), DISPATCHED);
        CATEGORY_CODES.put(key("新就业形态"), GIG_WORKER);
        CATEGORY_CODES.put(key("劳动模范"), MODEL_WORKER);
    }

    private RosterValues() {
    }

    /** 是/否, yes/no, Y/N, 1/0, true/false (any case, surrounding spaces ignored); empty when not one of those. */
    public static Optional<Boolean> yesNo(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(YES_NO.get(trim(text).toLowerCase(Locale.ROOT)));
    }

    /** "M" or "F" for 男/女, M/F, male/female (any case); empty otherwise. */
    public static Optional<String> gender(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(GENDERS.get(trim(text).toLowerCase(Locale.ROOT)));
    }

    /**
     * The category code for 在职职工 / 劳务派遣工 / 新就业形态劳动者 / 劳模 or EMPLOYEE / DISPATCHED / GIG_WORKER /
     * MODEL_WORKER (any case; "gig worker" and "gig-worker" too); empty otherwise.
     */
    public static Optional<String> category(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(CATEGORY_CODES.get(key(text)));
    }

    /** 在职职工 for EMPLOYEE, and so on; the code itself when unknown. */
    public static String categoryLabel(String code) {
        return CATEGORY_LABELS.getOrDefault(code, code);
    }

    private static String key(String s) {
        return trim(s).toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Whitespace as spreadsheets produce it: the kit's table reader decides ({@link SheetReader#isSpace}). */
    static boolean isSpace(char c) {
        return SheetReader.isSpace(c);
    }

    /** Strips {@link #isSpace} characters at both ends; null for null or blank. */
    static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = trim(s);
        return t.isEmpty() ? null : t;
    }

    static String trim(String s) {
        return SheetReader.trim(s);
    }
}
