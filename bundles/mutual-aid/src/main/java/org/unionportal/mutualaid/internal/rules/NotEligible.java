package org.unionportal.mutualaid.internal.rules;

import java.util.Objects;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * Why a person may not enrol in a plan: a stable code (what clients and tests match on) and the sentence an
 * operator reads, in either language; an answer shows one of the two. Nothing stores these: a roster is
 * checked again whenever it is shown or confirmed.
 *
 * @param code  one of the constants below
 * @param label the reason, with the plan's categories filled in
 */
public record NotEligible(String code, Text label) implements Labelled {
    public static final String NOT_IN_SERVICE = "not_in_service";
    public static final String NO_BASIC_INSURANCE = "no_basic_insurance";
    public static final String NOT_UNION_MEMBER = "not_union_member";
    public static final String WOMEN_ONLY = "women_only";
    public static final String GENDER_NOT_RECORDED = "gender_not_recorded";
    public static final String CATEGORY_NOT_RECORDED = "category_not_recorded";
    public static final String CATEGORY_NOT_COVERED = "category_not_covered";

    public NotEligible {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    static NotEligible of(String code, String zh, String en) {
        return new NotEligible(code, Text.of(zh, en));
    }
}
