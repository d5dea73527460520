package org.unionportal.core.internal.security;

import java.time.Duration;

/** How long the login throttle locks, as a pure function of the failure count. */
final class ThrottleRules {
    private ThrottleRules() {
    }

    /**
     * The lock after {@code failures} failures when {@code free} are free: from the {@code free}-th on, a minute,
     * doubling with each further failure, never more than {@link LoginThrottle#LONGEST_LOCK}.
     */
    static Duration lock(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(failures - free, 10);
        Duration lock = LoginThrottle.FIRST_LOCK.multipliedBy(factor);
        return lock.compareTo(LoginThrottle.LONGEST_LOCK) > 0 ? LoginThrottle.LONGEST_LOCK : lock;
    }
}
