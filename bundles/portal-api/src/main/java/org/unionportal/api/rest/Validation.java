package org.unionportal.api.rest;

import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.i18n.Text;

/** Collects field errors and throws one {@link ProblemException} listing all of them. */
public final class Validation {
    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    /** @since 1.2 */
    public Validation require(boolean ok, String field, String code, Text message) {
        if (!ok) {
            errors.add(new ProblemException.FieldError(field, code, message));
        }
        return this;
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new ProblemException.FieldError(field, message));
        }
        return this;
    }

    /** Required text of at most {@code maxLength} characters (the column's length). */
    public Validation requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.FieldError(field, "required", Text.of("必须填写", "must not be empty")));
        } else {
            maxLength(value, field, maxLength);
        }
        return this;
    }

    /** Optional text: at most {@code maxLength} characters when given. @since 1.2 */
    public Validation maxLength(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new ProblemException.FieldError(field, "too_long",
                    Text.of("最多 " + maxLength + " 个字", "must be at most " + maxLength + " characters")));
        }
        return this;
    }

    /** @since 1.2 */
    public Validation add(ProblemException.FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
