package org.unionportal.mutualaid.internal.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Critical-illness payment (重大疾病互助金 / 特殊疾病互助金): a fixed sum paid once per term.
 *
 * <p>A diagnosis qualifies when it <b>contains</b> one of the listed disease names, compared
 * ignoring case and all whitespace (including the full-width space). Containment is used
 * because doctors write the organ in front: "食管恶性肿瘤" is a "恶性肿瘤". An empty list means
 * every diagnosed critical illness qualifies.
 *
 * @param amountFen paid once per term, ≥ 0
 * @param diseases  the plan's disease list (kept in the plan so that it is shown to members)
 */
public record LumpSumBenefit(long amountFen, List<String> diseases) {

    public LumpSumBenefit {
        Checks.nonNegative("amountFen", amountFen);
        diseases = List.copyOf(Objects.requireNonNull(diseases, "diseases"));
        for (String d : diseases) {
            if (normalize(d).isEmpty()) {
                // A blank entry would be "contained" in every diagnosis and silently open the list.
                throw new IllegalArgumentException("blank disease name in list");
            }
        }
    }

    /**
     * The listed disease that the diagnosis falls under, or the diagnosis itself (stripped)
     * when the list is empty; empty when the diagnosis is null/blank or not on the list.
     * The first matching list entry wins, so the result is stable.
     */
    public Optional<String> matchedDisease(String diagnosis) {
        String d = normalize(diagnosis);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        if (diseases.isEmpty()) {
            return Optional.of(diagnosis.strip());
        }
        for (String listed : diseases) {
            if (d.contains(normalize(listed))) {
                return Optional.of(listed);
            }
        }
        return Optional.empty();
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
