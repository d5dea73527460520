package org.unionportal.api.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * "Now" and "today" for the portal: dates are Shanghai dates whatever the server's zone, and the
 * clock can be fixed in tests. A service keeps one ({@link #SYSTEM} in production) and passes
 * {@link #today()} to its rules, which take the date as a parameter.
 *
 * <pre>
 * PortalTime time = PortalTime.SYSTEM;                              // production
 * PortalTime time = PortalTime.fixedAt(LocalDate.of(2026, 6, 1));   // a test
 * LocalDate today = time.today();
 * </pre>
 */
public final class PortalTime {
    /** The zone of every date the portal shows or stores. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The real time. */
    public static final PortalTime SYSTEM = new PortalTime(Clock.system(ZONE));

    private final Clock clock;

    private PortalTime(Clock clock) {
        this.clock = clock;
    }

    /** Time read from {@code clock}; its zone does not matter, dates are always taken in {@link #ZONE}. */
    public static PortalTime of(Clock clock) {
        return new PortalTime(Objects.requireNonNull(clock, "clock").withZone(ZONE));
    }

    /** A time that stands still at {@code instant}. */
    public static PortalTime fixed(Instant instant) {
        return of(Clock.fixed(instant, ZONE));
    }

    /** A time that stands still at {@code localTime} in Shanghai. */
    public static PortalTime fixed(LocalDateTime localTime) {
        return fixed(localTime.atZone(ZONE).toInstant());
    }

    /** A time that stands still at 10:00 in Shanghai on {@code day}. */
    public static PortalTime fixedAt(LocalDate day) {
        return fixed(day.atTime(10, 0));
    }

    /** The clock, in {@link #ZONE}. */
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today in Shanghai. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Shanghai wall-clock time now. */
    public LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }

    public int year() {
        return today().getYear();
    }

    /** The Shanghai date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The instant a Shanghai day begins. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
