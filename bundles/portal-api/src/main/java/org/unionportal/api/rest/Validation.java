package org.unionportal.api.rest;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors and throws one {@link ProblemException} listing all of them. */
public final class Validation {
    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new ProblemException.FieldError(field, message));
        }
        return this;
    }

    public Validation requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new ProblemException.FieldError(field, "must not be empty"));
        } else if (value.length() > maxLength) {
            errors.add(new ProblemException.FieldError(field, "must be at most " + maxLength + " characters"));
        }
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
