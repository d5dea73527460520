package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * What entitlement needs to know of a household: its level, the days it is on file, its channel, and its
 * children's schooling in the school year of the batch.
 */
public record HouseholdFacts(long id, Level level, LocalDate onFileFrom, LocalDate leftOn, Channel channel,
        List<Schooling> schooling) {
    public HouseholdFacts {
        schooling = schooling == null ? List.of() : List.copyOf(schooling);
    }

    /** A child's schooling in one school year. */
    public record Schooling(long memberId, String childName, Stage stage, boolean newEntrant, boolean studyAway,
            Long ticketFen, Long fareCapFen) {
    }

    /** On file on that day: filed on or before it and not left by then. */
    public boolean onFileOn(LocalDate day) {
        return onFileFrom != null && !onFileFrom.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }
}
