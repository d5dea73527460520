package org.unionportal.mutualaid.internal.roster;

import java.util.List;

/**
 * What {@link RosterReader} read: the data rows and the problems found while reading (whole-file problems
 * with field "file", and cells that could not be kept, such as an ID number Excel stored as a number).
 * Run {@link RosterChecks#checkAll(ParsedRoster, java.time.LocalDate, java.util.Set, java.util.function.Function)}
 * to get every problem of the upload in one list. When there is a whole-file problem, {@code rows} is empty:
 * such a file is refused as a whole.
 */
public record ParsedRoster(List<RosterRow> rows, List<RowProblem> problems) {
    public ParsedRoster {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** True when the file itself could not be used (missing column, bad format, too many rows...). */
    public boolean hasFileProblem() {
        return problems.stream().anyMatch(RowProblem::fileLevel);
    }
}
