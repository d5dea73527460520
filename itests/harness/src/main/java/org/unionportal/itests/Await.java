package org.unionportal.itests;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up; the failure names the last state seen. */
public final class Await {

    public static final Duration MODULE_CHANGE = Duration.ofSeconds(20);

    private Await() {
    }

    /**
     * Polls {@code state} every 250 ms until {@code done} says yes. {@code state} may throw while
     * the condition does not hold yet; the last value (or exception) is reported on timeout.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> state, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (true) {
            try {
                T value = state.get();
                if (done.test(value)) {
                    return value;
                }
                last = value;
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last state: " + last);
            }
            Distribution.sleep(250);
        }
    }

    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }
}
