package org.unionportal.mutualaid.internal.roster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;

/**
 * A problem found in an uploaded roster.
 *
 * @param line 1-based row of the file (the header row is 1); for whole-file problems the header row, or the
 *             row where reading stopped
 * @param field {@link #FILE}, a column key ({@code name, idNumber, phone, gender, category, basicInsurance,
 *              unionMember}) or {@link #ELIGIBILITY}
 * @param code  stable, e.g. {@code id_check_digit}, {@code duplicate_in_file}, {@code member_of_other_union}
 * @param text  what the operator reads, in both languages; an answer shows only the caller's
 */
public record RowProblem(int line, String field, String code, Text text) {
    public static final String FILE = "file";
    public static final String ELIGIBILITY = "eligibility";

    public static RowProblem of(int line, String field, String code, String zh, String en) {
        return new RowProblem(line, field, code, Text.of(zh, en));
    }

    public boolean fileLevel() {
        return FILE.equals(field);
    }

    /** As a field error of a 422 answer ({@code line 3: idNumber}). */
    public ProblemException.FieldError toFieldError() {
        return new ProblemException.FieldError("line " + line + ": " + field, code, text);
    }

    /** As JSON in the caller's language: line, field, code, message (and the row's name when known). */
    public Map<String, Object> view(Language language, String name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("line", line);
        view.put("field", field);
        view.put("code", code);
        view.put("message", text.in(language));
        if (name != null) {
            view.put("name", name);
        }
        return view;
    }
}
