package org.unionportal.api.identity;

import java.util.Objects;
import org.unionportal.api.i18n.Text;

/**
 * What is wrong with an ID number or a phone number: a stable code (e.g. {@code id_check_digit}) and the message
 * in both languages.
 *
 * @since 1.1
 */
public record IdentityProblem(String code, Text text) {
    public IdentityProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
