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
        Text since = Text.of("（标准自 " + s.effectiveFrom() + " 起执行）", " (standard in force since " + s.effectiveFrom() + ")");
        String amount = s.amountFen() == null ? null : Money.compact(s.amountFen()); // the ticket has no fixed amount
        switch (item) {
            case LIVING -> out.add(household(h, part, s.amountFen(), channel, s,
                    Text.of("生活补贴 " + amount + " 元/季度", "Living subsidy CNY " + amount + " a quarter").append("", "", since)));
            case PRICE_SUBSIDY -> out.add(household(h, part, Money.times(s.amountFen(), MONTHS_PER_QUARTER), channel, s,
                    Text.of("临时价格补贴 " + amount + " 元/月 × " + MONTHS_PER_QUARTER + " 个月（" + part.periodKey() + "）",
                            "Temporary price subsidy CNY " + amount + " a month × " + MONTHS_PER_QUARTER + " months ("
                                    + part.periodKey() + ")").append("", "", since)));
            case MEDICAL, HOLIDAY_VISIT, ONE_OFF_PRICE, SUMMER_HEAT -> out.add(household(h, part, s.amountFen(), channel, s,
                    Text.of(item.zh() + " " + amount + " 元/户", item.en() + " CNY " + amount + " a household").append("", "", since)));
            case SCHOOLING_UNIVERSITY, SCHOOLING_HIGH, SCHOOLING_BASIC -> {
                for (HouseholdFacts.Schooling c : h.schooling()) {
                    if (Item.schooling(c.stage()) == item) {
                        out.add(child(h, part, c, s.amountFen(), channel, s,
                                Text.of(item.zh() + " " + amount + " 元/学年", item.en() + " CNY " + amount + " a school year")
                                        .append("", "", since)));
                    }
                }
            }
            case ENTRANT_AWARD -> {
                for (HouseholdFacts.Schooling c : h.schooling()) {
                    if (c.newEntrant() && c.stage() == Stage.UNIVERSITY) {
                        out.add(child(h, part, c, s.amountFen(), channel, s,
                                Text.of("高校新生奖励 " + amount + " 元", "New university entrant award CNY " + amount).append("", "", since)));
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

    private static Text ticketExplanation(HouseholdFacts.Schooling c, long refund) {
        String ticket = Money.compact(c.ticketFen());
        Text text = Text.of("新生异地入学车票 " + ticket + " 元", "Entrant's train ticket CNY " + ticket);
        if (c.fareCapFen() != null && c.fareCapFen() < c.ticketFen()) {
            String cap = Money.compact(c.fareCapFen());
            text = text.append("，限高铁二等座 " + cap + " 元", ", at most the second-class fare of CNY " + cap, Text.of("", ""));
        }
        String back = Money.compact(refund);
        return text.append("，报销 " + back + " 元", ", CNY " + back + " refunded", Text.of("", ""));
    }

    private static Entitlement household(HouseholdFacts h, Period.Part part, long amount, Channel channel, Standard s, Text why) {
        return new Entitlement(h.id(), part.item(), part.periodKey(), 0, null, amount, channel, s.id(), why);
    }

    /**
     * A child's line: in Chinese the child's name before the explanation (as before); in English without it, since a
     * name is what someone wrote (the page shows it as written in the beneficiary column, never inside its sentences).
     */
    private static Entitlement child(HouseholdFacts h, Period.Part part, HouseholdFacts.Schooling c, long amount, Channel channel,
            Standard s, Text why) {
        return new Entitlement(h.id(), part.item(), part.periodKey(), c.memberId(), c.childName(), amount, channel, s.id(),
                Text.of(c.childName() + "：" + why.zh(), why.en()));
    }
}
