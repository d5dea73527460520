package org.unionportal.testing.fuzz;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a property as JUnit 5 dynamic tests (return it from a {@code @TestFactory}): {@code -Dfuzz.tries} cases (200
 * unless told), case {@code i} drawing from a {@link Random} seeded by {@code -Dfuzz.seed} (a fixed default, so the
 * build is deterministic) and {@code i}. A failure names the property, the seed and the case index (the body is in the
 * harness's message), so the same command with that seed and at least {@code i + 1} tries runs it again; a deeper run
 * is a larger {@code -Dfuzz.tries} or another seed. No shrinking: the bodies are one change from a valid example.
 * A last dynamic test prints how often each outcome ({@link RequestFuzz.Outcome}) came up: if nearly nothing is
 * accepted, the example is wrong and the fuzz only tests the first check.
 */
public final class FuzzTries {
    /** The build's seed: any fixed number will do; change it with -Dfuzz.seed. */
    public static final long DEFAULT_SEED = 20260601L;
    public static final int DEFAULT_TRIES = 200;

    private FuzzTries() {
    }

    /** One case of a property: draws what it needs from {@code random} and returns its outcome (or null). */
    @FunctionalInterface
    public interface Try {
        Object run(Random random) throws Throwable;
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    public static int tries() {
        return Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    }

    /** The seed of case {@code index}: its own stream of values, the same in every run with that seed. */
    public static Random random(long seed, int index) {
        return new Random(seed * 1_000_003L + index);
    }

    public static Stream<DynamicTest> of(String property, Try oneTry) {
        long seed = seed();
        int tries = tries();
        Map<String, Integer> outcomes = new TreeMap<>();
        Stream<DynamicTest> cases = IntStream.range(0, tries).mapToObj(i -> DynamicTest.dynamicTest(
                property + " #" + i + " (fuzz.seed=" + seed + ")", () -> {
                    Object outcome;
                    try {
                        outcome = oneTry.run(random(seed, i));
                    } catch (Throwable t) {
                        throw new AssertionError(property + ": case #" + i + " of -Dfuzz.seed=" + seed + " failed (again: -Dfuzz.seed="
                                + seed + " -Dfuzz.tries=" + (i + 1) + "): " + t.getMessage(), t);
                    }
                    outcomes.merge(String.valueOf(outcome), 1, Integer::sum);
                }));
        DynamicTest summary = DynamicTest.dynamicTest(property + ": outcomes", () -> {
            StringBuilder s = new StringBuilder(property).append(" (fuzz.seed=").append(seed).append(", ").append(tries).append(" tries):");
            outcomes.forEach((outcome, n) -> s.append("\n  ").append(n).append("× ").append(outcome));
            System.out.println(s);
        });
        return Stream.concat(cases, Stream.of(summary));
    }
}
