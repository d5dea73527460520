package org.unionportal.mutualaid.internal.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may enrol in a plan.
 *
 * @param inServiceRequired       must be in service (在职)
 * @param basicInsuranceRequired  must be in basic urban employee medical insurance
 * @param unionMemberRequired     must be a union member
 * @param womenOnly               women only
 * @param categories              allowed worker categories; empty = all (null is read as empty,
 *                                so a JSON body that leaves the field out means "all")
 */
public record Eligibility(boolean inServiceRequired, boolean basicInsuranceRequired, boolean unionMemberRequired,
                          boolean womenOnly, Set<WorkerCategory> categories) {

    public Eligibility {
        // EnumSet keeps the declaration order, so the reasons list the categories stably.
        categories = categories == null || categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(WorkerCategory.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /**
     * Why {@code p} may not enrol, one coded reason each ({@link NotEligible}), in a fixed order (service,
     * insurance, membership, gender, category). Empty = eligible.
     */
    public List<NotEligible> reasonsNotEligible(Person p) {
        Objects.requireNonNull(p, "person");
        List<NotEligible> reasons = new ArrayList<>();
        if (inServiceRequired && !p.inService()) {
            reasons.add(NotEligible.of(NotEligible.NOT_IN_SERVICE, "非在职职工", "Not in service"));
        }
        if (basicInsuranceRequired && !p.basicInsurance()) {
            reasons.add(NotEligible.of(NotEligible.NO_BASIC_INSURANCE, "未参加城镇职工基本医疗保险",
                    "Not in the basic medical insurance for urban employees"));
        }
        if (unionMemberRequired && !p.unionMember()) {
            reasons.add(NotEligible.of(NotEligible.NOT_UNION_MEMBER, "非工会会员", "Not a union member"));
        }
        if (womenOnly && p.gender() != Gender.FEMALE) {
            reasons.add(p.gender() == null
                    ? NotEligible.of(NotEligible.GENDER_NOT_RECORDED, "性别未登记，本项目仅限女职工参加",
                            "Gender not recorded; this plan is for women only")
                    : NotEligible.of(NotEligible.WOMEN_ONLY, "本项目仅限女职工参加", "This plan is for women only"));
        }
        if (!categories.isEmpty() && (p.category() == null || !categories.contains(p.category()))) {
            String zh = categories.stream().map(WorkerCategory::labelZh).collect(Collectors.joining("、"));
            String en = categories.stream().map(WorkerCategory::labelEn).collect(Collectors.joining(", "));
            reasons.add(p.category() == null
                    ? NotEligible.of(NotEligible.CATEGORY_NOT_RECORDED, "职工类别未登记，本项目限" + zh,
                            "Worker category not recorded; this plan is only for: " + en)
                    : NotEligible.of(NotEligible.CATEGORY_NOT_COVERED, "职工类别“" + p.category().labelZh() + "”不在本项目范围内，本项目限" + zh,
                            "Worker category " + p.category().labelEn() + " is not covered; this plan is only for: " + en));
        }
        return List.copyOf(reasons);
    }

    public boolean isEligible(Person p) {
        return reasonsNotEligible(p).isEmpty();
    }
}
