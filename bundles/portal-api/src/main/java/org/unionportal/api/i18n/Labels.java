package org.unionportal.api.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finding {@link Labelled} enum constants by their stored code:
 * {@code Labels.byCode(HouseholdStatus.class, rs.getString("STATUS"))}.
 *
 * @since 1.1
 */
public final class Labels {
    private Labels() {
    }

    /** The constant whose {@link Labelled#code()} is {@code code} (exactly), if any. */
    public static <E extends Enum<E> & Labelled> Optional<E> byCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The constant with this code; for codes read from the database, where another is a bug. */
    public static <E extends Enum<E> & Labelled> E of(Class<E> type, String code) {
        return byCode(type, code).orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " with code " + code));
    }

    /** Every code of the enum, in declaration order. */
    public static <E extends Enum<E> & Labelled> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::code).toList();
    }
}
