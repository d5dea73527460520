package org.unionportal.core.internal.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.identity.Phones;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.scope.DataScope;

/** The register's rules, as pure functions: what a valid member is, and who may change one. */
public final class MemberRules {
    public static final int MAX_NAME_LENGTH = 50;

    private MemberRules() {
    }

    /**
     * What a person typed (or a spreadsheet held) for one member, normalised: ID number without spaces and with
     * an upper-case X, phone digits only.
     */
    public record Form(String idNumber, String name, String phone, Set<MemberCategory> categories,
                       GigOccupation occupation, LocalDate joinedOn) {
        public Form {
            idNumber = IdNumbers.normalize(idNumber);
            name = name == null || name.isBlank() ? null : name.strip();
            phone = Phones.normalize(phone);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }
    }

    /** Every problem of a form, field by field; empty when it may be stored. */
    public static List<FieldError> check(Form form, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null) {
            errors.add(FieldError.of("name", "name_missing", "姓名为空", "Name is missing"));
        } else if (form.name().length() > MAX_NAME_LENGTH) {
            errors.add(FieldError.of("name", "name_too_long", "姓名超过" + MAX_NAME_LENGTH + "个字",
                    "Name is longer than " + MAX_NAME_LENGTH + " characters"));
        }
        IdNumbers.check(form.idNumber(), today)
                .ifPresent(p -> errors.add(new FieldError("idNumber", p.code(), p.text())));
        if (form.phone() != null) {
            Phones.check(form.phone()).ifPresent(p -> errors.add(new FieldError("phone", p.code(), p.text())));
        }
        errors.addAll(categoryProblems(form.categories(), form.occupation()));
        if (form.joinedOn() != null) {
            if (form.joinedOn().isAfter(today)) {
                errors.add(FieldError.of("joinedOn", "joined_in_future", "入会日期不能晚于今天",
                        "The date of joining cannot be after today"));
            } else if (IdNumbers.check(form.idNumber(), today).isEmpty()
                    && form.joinedOn().isBefore(IdNumbers.birthDate(form.idNumber()))) {
                errors.add(FieldError.of("joinedOn", "joined_before_birth", "入会日期早于出生日期",
                        "The date of joining is before the birth date"));
            }
        }
        return errors;
    }

    /**
     * At least one category; an occupation exactly when the member is a gig worker (新就业形态劳动者 are organised
     * by occupation: couriers, riders, drivers).
     */
    public static List<FieldError> categoryProblems(Set<MemberCategory> categories, GigOccupation occupation) {
        List<FieldError> errors = new ArrayList<>();
        if (categories == null || categories.isEmpty()) {
            errors.add(FieldError.of("categories", "category_missing", "至少选择一个类别", "Choose at least one category"));
            return errors;
        }
        boolean gig = categories.contains(MemberCategory.GIG_WORKER);
        if (gig && occupation == null) {
            errors.add(FieldError.of("occupation", "occupation_missing", "新就业形态劳动者须填写职业（快递员、外卖骑手、网约车司机或货车司机）",
                    "A gig worker needs an occupation (courier, food-delivery rider, ride-hailing or truck driver)"));
        } else if (!gig && occupation != null) {
            errors.add(FieldError.of("occupation", "occupation_not_gig", "只有新就业形态劳动者填写职业",
                    "Only gig workers have an occupation"));
        }
        return errors;
    }

    /**
     * Whether union {@code orgId} may write this person: a new person, or a member of that very union. Another
     * union's member is refused, whoever asks (a transfer moves them).
     */
    public static boolean mayWrite(Optional<Member> existing, long orgId) {
        return existing.isEmpty() || existing.get().orgId() == orgId;
    }

    /**
     * A move of a member to union {@code targetPath} by staff whose scope is {@code staff}: both unions
     * must lie in it, and the target must be another union. Empty when allowed.
     */
    public static Optional<String> transferProblem(Member member, long targetOrgId, String targetPath, DataScope staff) {
        if (!staff.covers(member.orgPath())) {
            return Optional.of("member_not_found");
        }
        if (!staff.covers(targetPath)) {
            return Optional.of("transfer_target_outside_scope");
        }
        if (member.orgId() == targetOrgId) {
            return Optional.of("transfer_same_union");
        }
        return Optional.empty();
    }

    /** A module's registration adds its categories to the member's own; a new member without any is an employee. */
    public static Set<MemberCategory> merged(Set<MemberCategory> existing, Set<MemberCategory> added) {
        EnumSet<MemberCategory> all = EnumSet.noneOf(MemberCategory.class);
        if (existing != null) {
            all.addAll(existing);
        }
        if (added != null) {
            all.addAll(added);
        }
        if (all.isEmpty()) {
            all.add(MemberCategory.EMPLOYEE);
        }
        return all;
    }

    /** The categories column: codes between commas, in the enum's order (",EMPLOYEE,GIG_WORKER,"). */
    public static String categoriesColumn(Set<MemberCategory> categories) {
        StringBuilder sb = new StringBuilder(",");
        for (MemberCategory c : EnumSet.copyOf(categories.isEmpty() ? EnumSet.of(MemberCategory.EMPLOYEE) : categories)) {
            sb.append(c.name()).append(',');
        }
        return sb.toString();
    }

    public static Set<MemberCategory> categoriesOf(String column) {
        EnumSet<MemberCategory> set = EnumSet.noneOf(MemberCategory.class);
        if (column != null) {
            for (String code : column.split(",")) {
                if (!code.isBlank()) {
                    MemberCategory.parse(code).ifPresent(set::add);
                }
            }
        }
        return set;
    }

    /**
     * Categories typed into one spreadsheet cell, separated by 、 ， , ; ／ / or spaces: the parsed set, or the
     * first word that names none.
     */
    public static ParsedCategories parseCategories(String cell) {
        EnumSet<MemberCategory> set = EnumSet.noneOf(MemberCategory.class);
        if (cell == null || cell.isBlank()) {
            return new ParsedCategories(set, null);
        }
        for (String word : cell.split("[、，,;；/／|\\s]+")) {
            if (word.isBlank()) {
                continue;
            }
            Optional<MemberCategory> c = MemberCategory.parse(word);
            if (c.isEmpty()) {
                return new ParsedCategories(set, word.strip());
            }
            set.add(c.get());
        }
        return new ParsedCategories(set, null);
    }

    public record ParsedCategories(Set<MemberCategory> categories, String unknown) {
    }
}
