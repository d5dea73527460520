package org.unionportal.testing.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of values from a seeded {@link Random}: the fuzz layer's building block. Plain JUnit 5 has no
 * property-testing library; this is the little we need (choices, weights, maps, lists). The same seed always gives
 * the same values, so a failing case is replayed by its seed ({@link FuzzTries}). There is no shrinking: the hostile
 * bodies are a valid example with one change, already small enough to read.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Lists of {@code min} to {@code max} values. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int size = min + r.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(r));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** A generator with its weight, for {@link #weighted}. */
    record Choice<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Choice<T> weight(int weight, Gen<? extends T> gen) {
        return new Choice<>(weight, gen);
    }

    /** One of the generators, each as often as its weight says. */
    @SafeVarargs
    static <T> Gen<T> weighted(Choice<? extends T>... choices) {
        List<Choice<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Choice::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Choice<? extends T> c : copy) {
                pick -= c.weight();
                if (pick < 0) {
                    return c.gen().next(r);
                }
            }
            throw new IllegalStateException("weights");
        };
    }

    /** Integers from {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return r -> min + r.nextInt(max - min + 1);
    }

    /** Longs from {@code min} to {@code max}, both included (a span below {@code Long.MAX_VALUE}). */
    static Gen<Long> longs(long min, long max) {
        return r -> min + (long) (r.nextDouble() * (max - min + 1));
    }

    static Gen<Boolean> booleans() {
        return Random::nextBoolean;
    }
}
