package org.unionportal.mutualaid.internal.rules;

import java.util.ArrayList;
import java.util.List;

import static org.unionportal.api.money.Money.yuan;

/**
 * The overall cap per member per term.
 *
 * <p>How the cut is shown: the item lines themselves are cut and marked {@code capped}, each
 * with a note on how much the overall cap took; then one {@code OVERALL_CAP} note line with
 * amount 0 sums it up. So every item line carries what is really paid for that item (the
 * caller sums MEDICAL lines for the yearly cap and DISABILITY lines for the term, and a
 * CRITICAL_ILLNESS line cut to 0 does not count as paid once), and the lines still add up to
 * the total.
 *
 * <p>Which items the remaining room goes to first: the fixed sums — critical illness, accidental
 * death, disability — then medical costs, and the consolation payment last. The fixed sums are
 * the plan's headline promise, paid "at once" (一次性给付: the Huai'an member with oesophageal
 * cancer got the full 30,000 special-disease payment, so the consolation was what the cap cut);
 * the consolation is the small supplement.
 */
final class OverallCap {

    private static final List<String> FILL_ORDER =
            List.of(Line.CRITICAL_ILLNESS, Line.ACCIDENTAL_DEATH, Line.DISABILITY, Line.MEDICAL, Line.CONSOLATION);

    private OverallCap() {
    }

    /** {@code lines} (in display order) after the overall cap, plus the note line if anything was cut. */
    static List<Line> apply(List<Line> lines, long overallCapFen, long paidInTermFen) {
        long due = lines.stream().mapToLong(Line::amountFen).sum();
        long room = Checks.room(overallCapFen, paidInTermFen);
        if (due <= room) {
            return lines;
        }
        List<Line> out = new ArrayList<>(lines);
        long left = room;
        for (String item : FILL_ORDER) {
            for (int i = 0; i < out.size(); i++) {
                Line l = out.get(i);
                if (!l.item().equals(item)) {
                    continue;
                }
                long paid = Math.min(l.amountFen(), left);
                left -= paid;
                if (paid < l.amountFen()) {
                    long cut = l.amountFen() - paid;
                    out.set(i, l.cutTo(paid,
                            "；受每期总限额削减 " + yuan(cut) + " 元，实付 " + yuan(paid) + " 元",
                            "; cut by " + yuan(cut) + " CNY by the overall cap per term, " + yuan(paid) + " CNY paid"));
                }
            }
        }
        out.add(new Line(Line.OVERALL_CAP, 0,
                "每期总限额 " + yuan(overallCapFen) + " 元，本期此前已付 " + yuan(paidInTermFen) + " 元，剩余 "
                        + yuan(room) + " 元；本次各项合计 " + yuan(due) + " 元，削减 " + yuan(due - room)
                        + " 元（已在各项中扣减，本行不计金额）",
                "Overall cap per term " + yuan(overallCapFen) + " CNY, " + yuan(paidInTermFen)
                        + " already paid in the term, " + yuan(room) + " left; the items add up to " + yuan(due)
                        + " CNY, " + yuan(due - room) + " CNY cut (deducted on the items above; this line adds nothing)",
                true));
        return out;
    }
}
