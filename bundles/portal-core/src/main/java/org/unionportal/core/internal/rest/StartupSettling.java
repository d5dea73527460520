package org.unionportal.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ApplicationGate}'s rule, from one look at the framework after another: whether start-up has settled, so
 * that the portal application can be built once with every resource. Pure (the clock is passed in), so it is tested
 * without a framework.
 *
 * <ul>
 *   <li>While something is in progress (the framework raising its start level, a bundle starting, a Karaf features
 *       deployment, start-up work announced to the gate) or the set of registered resources changed since the
 *       previous look: wait.</li>
 *   <li>Then, when no watched component waits for a reference: open.</li>
 *   <li>When some still wait, they wait for something nobody is starting (the database was down when its pool was
 *       created, a module's service never came): open once nothing has changed for {@code stall}, without them.
 *       Whatever comes later is added to the running application the usual way.</li>
 *   <li>Never later than {@code max} after the gate's start, whatever is in progress.</li>
 * </ul>
 */
final class StartupSettling {

    /** What one look saw. {@code unsatisfied} names the watched components still waiting for a reference. */
    record Look(boolean startLevelRising, boolean bundleStarting, boolean deploying, boolean startupWork,
                Set<String> unsatisfied, Set<Long> resources) {
        Look {
            unsatisfied = Set.copyOf(unsatisfied);
            resources = Set.copyOf(resources);
        }

        boolean busy() {
            return startLevelRising || bundleStarting || deploying || startupWork;
        }

        private List<String> activity() {
            List<String> names = new ArrayList<>();
            if (startLevelRising) {
                names.add("the framework's start level rising");
            }
            if (bundleStarting) {
                names.add("a bundle starting");
            }
            if (deploying) {
                names.add("a features deployment");
            }
            if (startupWork) {
                names.add("module installation at start");
            }
            return names;
        }
    }

    enum Verdict {
        /** Not yet. */
        WAIT,
        /** Nothing in progress and nothing waits. */
        SETTLED,
        /** Nothing in progress for a while; {@link Decision#waitingFor} name what will not be waited for. */
        STALLED,
        /** The longest wait is over; {@link Decision#waitingFor} name what was still awaited. */
        LATE
    }

    record Decision(Verdict verdict, List<String> waitingFor) {
        boolean open() {
            return verdict != Verdict.WAIT;
        }
    }

    private final long started;
    private final long stallNanos;
    private final long maxNanos;
    private Look previous;
    private long lastChange;

    StartupSettling(long startedNanos, long stallMillis, long maxMillis) {
        this.started = startedNanos;
        this.lastChange = startedNanos;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
    }

    /** Whether the longest wait is over at {@code now}: the gate opens at the next look, whatever is in progress. */
    boolean overdue(long now) {
        return now - started >= maxNanos;
    }

    Decision next(Look look, long now) {
        boolean resourcesChanged = previous == null || !look.resources().equals(previous.resources());
        boolean changed = resourcesChanged || look.busy() || !look.unsatisfied().equals(previous.unsatisfied());
        previous = look;
        if (changed) {
            lastChange = now;
        }
        List<String> waitingFor = new ArrayList<>(look.activity());
        if (resourcesChanged) {
            waitingFor.add("resources still registering");
        }
        waitingFor.addAll(look.unsatisfied().stream().sorted().toList());
        boolean late = overdue(now);
        if (look.busy() || resourcesChanged) {
            return new Decision(late ? Verdict.LATE : Verdict.WAIT, waitingFor);
        }
        if (look.unsatisfied().isEmpty()) {
            return new Decision(Verdict.SETTLED, List.of());
        }
        if (now - lastChange >= stallNanos) {
            return new Decision(Verdict.STALLED, waitingFor);
        }
        return new Decision(late ? Verdict.LATE : Verdict.WAIT, waitingFor);
    }
}
