package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.identity.IdentityProblem;
import org.unionportal.api.identity.Phones;
import org.unionportal.api.member.OtherUnionException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.unionportal.mutualaid.internal.roster.RosterColumns.BASIC_INSURANCE;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.CATEGORY;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.GENDER;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.ID_NUMBER;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.NAME;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.PHONE;
import static org.unionportal.mutualaid.internal.roster.RosterColumns.UNION_MEMBER;

/** Checks the rows of a roster; linear in the number of rows. */
public final class RosterChecks {
    public static final int MIN_AGE = 16;
    public static final int MAX_AGE = 70;
    public static final int MAX_NAME_LENGTH = 50;
    /** How many other lines a duplicate-ID problem names. */
    private static final int MAX_NAMED_LINES = 5;

    private RosterChecks() {
    }

    /**
     * Every problem of every row, in row order (and within a row in column order):
     * <ul>
     * <li>required fields; ID number (GB 11643); gender, read from the column and compared with the ID number;
     * age from the ID's birth date, {@value #MIN_AGE}..{@value #MAX_AGE} on {@code today}; mobile number;
     * category; the two yes/no columns;</li>
     * <li>an ID number on more than one line (each line names the others); an ID number in
     * {@code alreadyEnrolledIdNumbers} (upper-case X expected), "已参加本期该项目";</li>
     * <li>{@code eligibility}'s reasons, each a problem with field "eligibility" and the reason's code. The function is called
     * for every row, also one whose fields have problems (so that one upload reports everything to fix in a row), so
     * it must cope with an invalid ID number, a gender or category not recognised and null booleans. It may be null.</li>
     * </ul>
     */
    public static List<RowProblem> check(List<RosterRow> rows, LocalDate today, Set<String> alreadyEnrolledIdNumbers,
            Function<RosterRow, ? extends List<? extends Labelled>> eligibility) {
        return check(rows, today, alreadyEnrolledIdNumbers, Set.of(), eligibility);
    }

    /**
     * As {@link #check(List, LocalDate, Set, Function)}, and each ID number in {@code otherUnions} (members of
     * another union, who this roster may not register) is refused with {@link OtherUnionException#MESSAGE},
     * which names nothing of the other record.
     */
    public static List<RowProblem> check(List<RosterRow> rows, LocalDate today, Set<String> alreadyEnrolledIdNumbers,
            Set<String> otherUnions, Function<RosterRow, ? extends List<? extends Labelled>> eligibility) {
        Objects.requireNonNull(today, "today");
        Set<String> foreign = otherUnions == null ? Set.of() : otherUnions;
        Set<String> enrolled = alreadyEnrolledIdNumbers == null ? Set.of() : alreadyEnrolledIdNumbers;
        List<RowProblem> out = new ArrayList<>();
        int n = rows.size();
        // Pass 1: per-row field checks, remembering which rows have a valid ID.
        String[] validId = new String[n];
        List<List<RowProblem>> perRow = new ArrayList<>(n);
        Map<String, Object> linesById = new HashMap<>(Math.max(16, n * 2));
        for (int r = 0; r < n; r++) {
            RosterRow row = rows.get(r);
            List<RowProblem> p = new ArrayList<>(0);
            boolean idValid = fields(row, today, p);
            perRow.add(p);
            String id = row.idNumber();
            if (idValid) {
                validId[r] = id;
                Object seen = linesById.get(id);
                if (seen == null) {
                    linesById.put(id, row.line());
                } else if (seen instanceof Integer first) {
                    List<Integer> lines = new ArrayList<>(2);
                    lines.add(first);
                    lines.add(row.line());
                    linesById.put(id, lines);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Integer> lines = (List<Integer>) seen;
                    lines.add(row.line());
                }
            }
        }
        // Pass 2: duplicates, already enrolled, eligibility; then emit in row order.
        for (int r = 0; r < n; r++) {
            RosterRow row = rows.get(r);
            List<RowProblem> p = perRow.get(r);
            String id = validId[r];
            if (id != null) {
                Object seen = linesById.get(id);
                if (seen instanceof List<?> lines) {
                    p.add(new RowProblem(row.line(), ID_NUMBER, "duplicate_in_file", duplicate(row.line(), lines)));
                }
                if (foreign.contains(id)) {
                    p.add(new RowProblem(row.line(), ID_NUMBER, OtherUnionException.CODE, OtherUnionException.MESSAGE));
                } else if (enrolled.contains(id)) {
                    p.add(RowProblem.of(row.line(), ID_NUMBER, "already_enrolled", "已参加本期该项目",
                            "Already enrolled in this plan for this term"));
                }
            }
            if (eligibility != null) {
                List<? extends Labelled> reasons = eligibility.apply(row);
                if (reasons != null) {
                    for (Labelled reason : reasons) {
                        p.add(new RowProblem(row.line(), RowProblem.ELIGIBILITY, reason.code(), reason.label()));
                    }
                }
            }
            out.addAll(p);
            perRow.set(r, null);
        }
        return out;
    }

    /**
     * The reader's problems followed by the rows' problems: everything to show the operator for one upload.
     * When the file itself has a problem, only the reader's problems (the rows are not checked).
     */
    public static List<RowProblem> checkAll(ParsedRoster parsed, LocalDate today, Set<String> alreadyEnrolledIdNumbers,
            Function<RosterRow, ? extends List<? extends Labelled>> eligibility) {
        if (parsed.hasFileProblem()) {
            return parsed.problems();
        }
        List<RowProblem> out = new ArrayList<>(parsed.problems());
        out.addAll(check(parsed.rows(), today, alreadyEnrolledIdNumbers, eligibility));
        return out;
    }

    /** Problems of one row that need no other row. */
    public static List<RowProblem> checkRow(RosterRow row, LocalDate today) {
        List<RowProblem> p = new ArrayList<>();
        fields(row, today, p);
        return p;
    }

    /** Adds the row's field problems to {@code p}; answers whether the ID number is valid. */
    private static boolean fields(RosterRow row, LocalDate today, List<RowProblem> p) {
        int line = row.line();
        String name = row.name();
        if (name == null || name.isBlank()) {
            p.add(RowProblem.of(line, NAME, "name_missing", "姓名为空", "Name is missing"));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            p.add(RowProblem.of(line, NAME, "name_too_long", "姓名超过" + MAX_NAME_LENGTH + "个字",
                    "Name is longer than " + MAX_NAME_LENGTH + " characters"));
        }

        String id = row.idNumber();
        Optional<IdentityProblem> idProblem = IdNumbers.check(id, today);
        LocalDate birth = null;
        String idGender = null;
        if (idProblem.isPresent()) {
            p.add(new RowProblem(line, ID_NUMBER, idProblem.get().code(), idProblem.get().text()));
        } else {
            birth = IdNumbers.birthDate(id);
            idGender = IdNumbers.gender(id);
            int age = Period.between(birth, today).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                p.add(RowProblem.of(line, ID_NUMBER, "age_outside_range", "年龄不符合参保条件：按身份证号计算为" + age
                        + "岁，须在" + MIN_AGE + "至" + MAX_AGE + "岁之间",
                        "Age " + age + " from the ID number is outside " + MIN_AGE + "–" + MAX_AGE));
            }
        }

        Phones.check(row.phone()).ifPresent(m -> p.add(new RowProblem(line, PHONE, m.code(), m.text())));

        String g = row.gender();
        if (g == null || g.isBlank()) {
            p.add(RowProblem.of(line, GENDER, "gender_missing", "性别为空", "Gender is missing"));
        } else {
            Optional<String> gender = RosterValues.gender(g);
            if (gender.isEmpty()) {
                p.add(RowProblem.of(line, GENDER, "gender_invalid", "性别应填写“男”或“女”（或 M/F），实际为“" + g.strip() + "”",
                        "Gender must be 男/女 or M/F, is \"" + g.strip() + "\""));
            } else if (idGender != null && !idGender.equals(gender.get())) {
                p.add(RowProblem.of(line, GENDER, "gender_mismatch", "性别与身份证号不符", "Gender does not match the ID number"));
            }
        }

        String c = row.category();
        if (c == null || c.isBlank()) {
            p.add(RowProblem.of(line, CATEGORY, "category_missing", "类别为空", "Category is missing"));
        } else if (RosterValues.category(c).isEmpty()) {
            p.add(RowProblem.of(line, CATEGORY, "category_invalid", "类别应为 在职职工、劳务派遣工、新就业形态劳动者 或 劳模，实际为“"
                    + c.strip() + "”", "Category must be EMPLOYEE, DISPATCHED, GIG_WORKER or MODEL_WORKER, is \"" + c.strip() + "\""));
        }

        if (row.basicInsurance() == null) {
            p.add(RowProblem.of(line, BASIC_INSURANCE, "yes_no_invalid", "“参加基本医保”为空或无法识别，应填写 是 或 否",
                    "\"Basic medical insurance\" is missing or not understood; enter yes or no"));
        }
        if (row.unionMember() == null) {
            p.add(RowProblem.of(line, UNION_MEMBER, "yes_no_invalid", "“工会会员”为空或无法识别，应填写 是 或 否",
                    "\"Union member\" is missing or not understood; enter yes or no"));
        }
        return idGender != null;
    }

    private static Text duplicate(int line, List<?> lines) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        int named = 0;
        int others = lines.size() - 1; // each line is in the list once, this one included
        for (Object o : lines) {
            if (named >= MAX_NAMED_LINES) {
                break; // stays linear when thousands of rows share one ID number
            }
            int l = (Integer) o;
            if (l == line) {
                continue;
            }
            zh.append(named == 0 ? "" : "、").append(l);
            en.append(named == 0 ? "" : ", ").append(l);
            named++;
        }
        String more = others > named ? "等" + others + "行" : "行";
        String moreEn = others > named ? " and " + (others - named) + " more" : "";
        return Text.of("身份证号在本名单中重复，与第" + zh + more + "相同",
                "Same ID number as line" + (others > 1 ? "s " : " ") + en + moreEn + " of this roster");
    }
}
