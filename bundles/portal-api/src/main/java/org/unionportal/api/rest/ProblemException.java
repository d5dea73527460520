package org.unionportal.api.rest;

import java.util.List;
import java.util.Objects;
import org.unionportal.api.i18n.Text;

/**
 * Thrown by a service or resource to answer with an {@code application/problem+json} error that a
 * person can act on: a stable {@link #code()} for programs and a {@link #message()} in both
 * languages, of which the caller sees only its own (the portal's exception mapper picks it from
 * {@code Accept-Language}). Nothing is written because the surrounding transaction rolls back.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Text message;
    private final List<FieldError> errors;

    /** @since 1.2 */
    public ProblemException(int status, String code, Text message, List<FieldError> errors) {
        super(Objects.requireNonNull(message, "message").en());
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.message = message;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @since 1.2 */
    public ProblemException(int status, String code, Text message) {
        this(status, code, message, List.of());
    }

    /**
     * An English-only problem, kept for code not yet moved to {@link Text}: the Chinese page shows
     * the English detail.
     *
     * @deprecated give a code and a {@link Text}
     */
    @Deprecated
    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, defaultCode(status), new Text(detail, detail), errors);
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** @since 1.2 */
    public static ProblemException badRequest(String code, Text message) {
        return new ProblemException(400, code, message);
    }

    /** @since 1.2 */
    public static ProblemException notFound(String code, Text message) {
        return new ProblemException(404, code, message);
    }

    /** @since 1.2 */
    public static ProblemException forbidden(String code, Text message) {
        return new ProblemException(403, code, message);
    }

    /** @since 1.2 */
    public static ProblemException conflict(String code, Text message) {
        return new ProblemException(409, code, message);
    }

    /** One 422 listing every field that is wrong. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "invalid_input",
                Text.of("部分内容填写有误，请按各项提示修改。", "Some fields are not valid; see each field's message."), errors);
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** @deprecated give a code and a {@link Text} */
    @Deprecated
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** The stable code for the status when none was given ({@code not_found}, {@code conflict}, …). */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "invalid_input";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> "error";
        };
    }

    public int status() {
        return status;
    }

    /** Stable, machine-readable, e.g. {@code claim_not_found}; never translated. */
    public String code() {
        return code;
    }

    /** What a person reads, in both languages. */
    public Text message() {
        return message;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * What is wrong with one field (or one row and field, for uploads).
     *
     * @param field   the JSON field (or {@code rows[3].idNumber}); never translated
     * @param code    stable code, e.g. {@code required}, {@code too_long}
     * @param text    the message in both languages
     */
    public record FieldError(String field, String code, Text text) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }

        /** @deprecated give a code and a {@link Text} */
        @Deprecated
        public FieldError(String field, String message) {
            this(field, "invalid", new Text(message, message));
        }

        /** @since 1.2 */
        public static FieldError of(String field, String code, String zh, String en) {
            return new FieldError(field, code, Text.of(zh, en));
        }
    }
}
