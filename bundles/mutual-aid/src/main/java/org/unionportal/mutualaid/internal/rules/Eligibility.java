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
     * Why {@code p} may not enrol, one readable reason each, Chinese first and English in
     * parentheses, in a fixed order (service, insurance, membership, gender, category).
     * Empty = eligible.
     */
    public List<String> reasonsNotEligible(Person p) {
        Objects.requireNonNull(p, "person");
        List<String> reasons = new ArrayList<>();
        if (inServiceRequired && !p.inService()) {
            reasons.add("非在职职工 (not in service)");
        }
        if (basicInsuranceRequired && !p.basicInsurance()) {
            reasons.add("未参加城镇职工基本医疗保险 (not in basic medical insurance)");
        }
        if (unionMemberRequired && !p.unionMember()) {
            reasons.add("非工会会员 (not a union member)");
        }
        if (womenOnly && p.gender() != Gender.FEMALE) {
            reasons.add(p.gender() == null
                    ? "性别未登记，本项目仅限女职工参加 (gender not recorded; women only)"
                    : "本项目仅限女职工参加 (women only)");
        }
        if (!categories.isEmpty() && (p.category() == null || !categories.contains(p.category()))) {
            String zh = categories.stream().map(WorkerCategory::labelZh).collect(Collectors.joining("、"));
            String en = categories.stream().map(WorkerCategory::labelEn).collect(Collectors.joining(", "));
            reasons.add(p.category() == null
                    ? "职工类别未登记，本项目限" + zh + " (worker category not recorded; only " + en + ")"
                    : "职工类别“" + p.category().labelZh() + "”不在本项目范围内，本项目限" + zh
                            + " (" + p.category().labelEn() + " not covered; only " + en + ")");
        }
        return List.copyOf(reasons);
    }

    public boolean isEligible(Person p) {
        return reasonsNotEligible(p).isEmpty();
    }
}
