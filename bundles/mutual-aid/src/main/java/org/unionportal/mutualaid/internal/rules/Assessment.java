package org.unionportal.mutualaid.internal.rules;

import java.util.List;
import java.util.Optional;

/**
 * The result of assessing a claim. {@code totalFen} is the sum of the lines' amounts.
 * When a blocking rejection is present there are no lines and the total is 0.
 */
public record Assessment(List<Line> lines, long totalFen, List<Rejection> rejections) {

    public Assessment {
        lines = List.copyOf(lines);
        rejections = List.copyOf(rejections);
    }

    /** totalFen &gt; 0 and no rejection that blocks the whole claim. */
    public boolean payable() {
        return totalFen > 0 && rejections.stream().noneMatch(Rejection::blocking);
    }

    /** The line for {@code item}, if the assessment has one. */
    public Optional<Line> line(String item) {
        return lines.stream().filter(l -> l.item().equals(item)).findFirst();
    }

    /** The amount of {@code item}, 0 when there is no such line. */
    public long amountOf(String item) {
        return line(item).map(Line::amountFen).orElse(0L);
    }

    public boolean hasRejection(String code) {
        return rejections.stream().anyMatch(r -> r.code().equals(code));
    }
}
