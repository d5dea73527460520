package org.unionportal.mutualaid.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assesses a claim against a plan's benefits.
 *
 * <p>Steps, in order:
 * <ol>
 * <li>Blocking checks, all reported together: cover active on the event date
 *     ({@code NOT_COVERED_ON_EVENT_DATE}); for illnesses only, the waiting period
 *     ({@code WAITING_PERIOD}, see {@link Cover}); validity of the facts ({@code INVALID_FACTS},
 *     one rejection per problem). Any of them: no lines, total 0.</li>
 * <li>Each item on its own: medical (per-claim cap, then yearly cap), consolation (cap per stay),
 *     critical illness (disease list, once per term; a refusal drops only this item),
 *     disability (grade table, at most the base sum per term), accidental death.</li>
 * <li>The overall cap per term, which cuts the item lines themselves (see {@link OverallCap}).</li>
 * </ol>
 *
 * <p>Lines come in the fixed order MEDICAL, CONSOLATION, CRITICAL_ILLNESS, DISABILITY,
 * ACCIDENTAL_DEATH, OVERALL_CAP; an item that does not apply has no line. The total is the sum
 * of the lines. Money is integer fen; percentages round half up to a whole fen
 * ({@link Money#percentOf}). A hospital stay that runs past the end of cover is still paid in
 * full: the event date decides.
 */
public final class BenefitCalculator {

    private BenefitCalculator() {
    }

    /**
     * @param prior null is read as {@link PriorUsage#NONE}
     */
    public static Assessment assess(Benefits benefits, Cover cover, ClaimFacts facts, PriorUsage prior) {
        Objects.requireNonNull(benefits, "benefits");
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(facts, "facts");
        PriorUsage used = prior == null ? PriorUsage.NONE : prior;

        List<Rejection> blocking = blockingRejections(cover, facts);
        if (!blocking.isEmpty()) {
            return new Assessment(List.of(), 0, blocking);
        }

        List<Rejection> rejections = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        addIfPresent(lines, ItemRules.medical(benefits.medical(), facts, used));
        addIfPresent(lines, ItemRules.consolation(benefits.consolation(), facts));
        addIfPresent(lines, ItemRules.criticalIllness(benefits.criticalIllness(), facts, used, rejections));
        addIfPresent(lines, ItemRules.disability(benefits.disability(), facts, used));
        addIfPresent(lines, ItemRules.accidentalDeath(benefits.accidentalDeathFen(), facts));

        List<Line> capped = OverallCap.apply(lines, benefits.overallCapFen(), used.paidInTermFen());
        long total = capped.stream().mapToLong(Line::amountFen).sum();
        if (total == 0) {
            rejections.add(new Rejection(Rejection.NOTHING_PAYABLE,
                    "按本项目规则，本次理赔无可给付金额",
                    "nothing is payable on this claim under the plan's rules"));
        }
        return new Assessment(capped, total, rejections);
    }

    private static List<Rejection> blockingRejections(Cover cover, ClaimFacts facts) {
        List<Rejection> out = new ArrayList<>();
        if (facts.eventDate() != null) {
            if (!cover.isActiveOn(facts.eventDate())) {
                out.add(new Rejection(Rejection.NOT_COVERED_ON_EVENT_DATE,
                        "事件日期 " + facts.eventDate() + " 不在保障期 " + cover.coverStart() + " 至 "
                                + cover.coverEnd() + " 内",
                        "event date " + facts.eventDate() + " is outside the cover " + cover.coverStart()
                                + " to " + cover.coverEnd()));
            } else if (facts.type() != null && !facts.type().isAccident()
                    && cover.inIllnessWaitingPeriod(facts.eventDate())) {
                out.add(new Rejection(Rejection.WAITING_PERIOD,
                        "疾病发生在等待期内：保障自 " + cover.coverStart() + " 起，疾病等待期 "
                                + cover.waitingDaysIllness() + " 天，" + cover.firstIllnessDay() + " 起发生的疾病方可理赔",
                        "illness within the waiting period: cover from " + cover.coverStart() + ", "
                                + cover.waitingDaysIllness() + " days' waiting for illness, illnesses from "
                                + cover.firstIllnessDay() + " on are covered"));
            }
        }
        out.addAll(FactsCheck.problems(facts));
        return out;
    }

    private static void addIfPresent(List<Line> lines, Line line) {
        if (line != null) {
            lines.add(line);
        }
    }
}
