package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who gets what in a period: every household on file on the due date, for every item of the period its level
 * gets, at the standard in force on the due date. Pure: the batch generator adds what was paid already.
 */
public final class Entitlements {
    /** Months of one quarter: the price subsidy is a monthly amount paid per quarter. */
    static final int MONTHS_PER_QUARTER = 3;

    private Entitlements() {
    }

    /**
     * The result: the payments and, per item without a standard in force, one warning (as the batch shows it, and in
     * both languages for answers that speak one).
     */
    public record Result(List<Entitlement> payments, List<String> warnings, List<Text> warningTexts) {
    }

    public static Result of(Period period, List<HouseholdFacts> households, Standards standards) {
        List<Entitlement> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Text> warningTexts = new ArrayList<>();
        for (Period.Part part : period.parts()) {
            Optional<Standard> standard = standards.inForce(part.item(), period.dueDate());
            if (standard.isEmpty()) {
                warnings.add("No approved standard of " + part.item().name() + " (" + part.item().zh() + ") is in force on "
                        + period.dueDate() + "; nothing of it is paid.");
                warningTexts.add(Text.of("“" + part.item().zh() + "”在 " + period.dueDate() + " 没有已批准的标准，本项不发放。",
                        "No approved standard of " + part.item().en() + " is in force on " + period.dueDate() + "; nothing of it is paid."));
                continue;
            }
            for (HouseholdFacts h : households) {
                if (h.onFileOn(period.dueDate()) && part.item().appliesTo(h.level())) {
                    add(out, h, part, standard.get());
                }
            }
        }
        return new Result(out, warnings, warningTexts);
    }

    private static void add(List<Entitlement> out, HouseholdFacts h, Period.Part part, Standard s) {
        Item item = part.item();
        Channel channel = item.channel(h.channel());
        String since = "（标准自 " + s.effectiveFrom() + " 起执行）";
        switch (item) {
            case LIVING -> out.add(household(h, part, s.amountFen(), channel, s,
                    "生活补贴 " + Money.compact(s.amountFen()) + " 元/季度" + since));
            case PRICE_SUBSIDY -> out.add(household(h, part, Money.times(s.amountFen(), MONTHS_PER_QUARTER), channel, s,
                    "临时价格补贴 " + Money.compact(s.amountFen()) + " 元/月 × " + MONTHS_PER_QUARTER + " 个月（" + part.periodKey()
                            + "）" + since));
            case MEDICAL, HOLIDAY_VISIT, ONE_OFF_PRICE, SUMMER_HEAT -> out.add(household(h, part, s.amountFen(), channel, s,
                    item.zh() + " " + Money.compact(s.amountFen()) + " 元/户" + since));
            case SCHOOLING_UNIVERSITY, SCHOOLING_HIGH, SCHOOLING_BASIC -> {
                for (HouseholdFacts.Schooling c : h.schooling()) {
                    if (Item.schooling(c.stage()) == item) {
                        out.add(child(h, part, c, s.amountFen(), channel, s,
                                item.zh() + " " + Money.compact(s.amountFen()) + " 元/学年" + since));
                    }
                }
            }
            case ENTRANT_AWARD -> {
                for (HouseholdFacts.Schooling c : h.schooling()) {
                    if (c.newEntrant() && c.stage() == Stage.UNIVERSITY) {
                        out.add(child(h, part, c, s.amountFen(), channel, s, "高校新生奖励 " + Money.compact(s.amountFen()) + " 元" + since));
                    }
                }
            }
            case ENTRANT_TICKET -> {
                for (HouseholdFacts.Schooling c : h.schooling()) {
                    Optional<Long> refund = ticketRefund(c);
                    if (refund.isPresent() && refund.get() > 0) {
                        out.add(child(h, part, c, refund.get(), channel, s, ticketExplanation(c, refund.get())));
                    }
                }
            }
            default -> throw new IllegalStateException(item.name());
        }
    }

    /** A new university entrant studying in another city gets the ticket back, at most the second-class fare. */
    public static Optional<Long> ticketRefund(HouseholdFacts.Schooling c) {
        if (!c.newEntrant() || !c.studyAway() || c.stage() != Stage.UNIVERSITY || c.ticketFen() == null) {
            return Optional.empty();
        }
        long cap = c.fareCapFen() == null ? c.ticketFen() : c.fareCapFen();
        return Optional.of(Math.min(c.ticketFen(), cap));
    }

    private static String ticketExplanation(HouseholdFacts.Schooling c, long refund) {
        String text = "新生异地入学车票 " + Money.compact(c.ticketFen()) + " 元";
        if (c.fareCapFen() != null && c.fareCapFen() < c.ticketFen()) {
            text += "，限高铁二等座 " + Money.compact(c.fareCapFen()) + " 元";
        }
        return text + "，报销 " + Money.compact(refund) + " 元";
    }

    private static Entitlement household(HouseholdFacts h, Period.Part part, long amount, Channel channel, Standard s, String why) {
        return new Entitlement(h.id(), part.item(), part.periodKey(), 0, null, amount, channel, s.id(), why);
    }

    private static Entitlement child(HouseholdFacts h, Period.Part part, HouseholdFacts.Schooling c, long amount, Channel channel,
            Standard s, String why) {
        return new Entitlement(h.id(), part.item(), part.periodKey(), c.memberId(), c.childName(), amount, channel, s.id(),
                c.childName() + "：" + why);
    }
}
