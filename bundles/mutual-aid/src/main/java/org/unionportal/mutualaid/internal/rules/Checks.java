package org.unionportal.mutualaid.internal.rules;

/**
 * Argument checks for plan configuration. A wrong plan is a programming or data-entry error
 * of the administrator, so it fails fast with an exception; wrong claim facts are instead
 * reported as {@link Rejection}s because they come from members and operators.
 */
final class Checks {

    private Checks() {
    }

    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /** A cap where 0 means "no cap": the remaining room is then unlimited. */
    static long room(long capFen, long usedFen) {
        return capFen == 0 ? Long.MAX_VALUE : Math.max(0, capFen - usedFen);
    }
}
