package org.unionportal.api.rest;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by a resource to answer with an {@code application/problem+json} error that a person
 * can act on. The portal's exception mapper turns it into the answer; nothing is written because
 * the surrounding transaction rolls back.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = Objects.requireNonNull(title);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "Invalid input",
                "Some fields are not valid; see 'errors' for each one.", errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** What is wrong with one field (or one row and field, for uploads). */
    public record FieldError(String field, String message) {
    }
}
