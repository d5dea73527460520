package org.unionportal.core.internal.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The answer of a check, kept for a short time: callers within {@code maxAge} of the last check get its answer, the
 * first caller after that checks again (one at a time; the others wait for that answer rather than checking too).
 * {@link #invalidate()} makes the next caller check again at once, also when a check was running meanwhile.
 */
final class RecentCheck<T> {
    private record Checked<T>(T answer, long atNanos, long generation) {
    }

    private final Supplier<T> check;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile Checked<T> last;

    RecentCheck(Supplier<T> check, Duration maxAge, LongSupplier nanoTime) {
        this.check = check;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    T get() {
        Checked<T> c = last;
        if (isCurrent(c)) {
            return c.answer();
        }
        synchronized (this) {
            c = last;
            if (isCurrent(c)) {
                return c.answer();
            }
            // the generation before the check: an invalidation while it runs leaves this answer already stale
            long before = generation.get();
            long at = nanoTime.getAsLong();
            T answer = check.get();
            last = new Checked<>(answer, at, before);
            return answer;
        }
    }

    void invalidate() {
        generation.incrementAndGet();
    }

    private boolean isCurrent(Checked<T> c) {
        return c != null && c.generation() == generation.get() && nanoTime.getAsLong() - c.atNanos() < maxAgeNanos;
    }
}
