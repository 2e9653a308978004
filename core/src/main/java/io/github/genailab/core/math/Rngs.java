package io.github.genailab.core.math;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Named, seeded random generators: a seed means the same stream on every JDK.
 *
 * <p>{@link #seeded(long)} returns {@code L64X128MixRandom} (Steele &amp; Vigna, "LXM: better
 * splittable pseudorandom number generators (and almost as fast)", PACMPL 5, OOPSLA 2021, article
 * 148), an algorithm pinned by name rather than {@link RandomGenerator#getDefault()}, whose algorithm
 * may change between JDK releases. It is splittable, so independent runs get independent streams via
 * {@link #split(RandomGenerator.SplittableGenerator, int)} in a fixed order.
 *
 * <p>Generators are not thread-safe; give each thread its own (split) generator.
 *
 * @since 0.1.0
 */
public final class Rngs {

    /** The most generators one {@link #split} call makes: 2^20 (about a million, a fraction of a second). */
    public static final int MAX_SPLITS = 1 << 20;

    /** The algorithm behind {@link #seeded(long)}. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private Rngs() {
    }

    /**
     * A new {@code L64X128MixRandom} seeded with {@code seed}.
     *
     * @param seed any long
     * @return a splittable generator; the same seed gives the same stream on every JDK 17+
     */
    public static RandomGenerator.SplittableGenerator seeded(long seed) {
        return RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of(ALGORITHM).create(seed);
    }

    /**
     * Splits {@code count} independent generators off {@code parent}, in order. Generator {@code i}
     * depends only on the parent's state and {@code i}, so a parallel computation that gives task
     * {@code i} generator {@code i} is reproducible whatever the scheduling.
     *
     * @param parent the generator to split (advanced by this call)
     * @param count how many generators, at least one
     * @return the generators
     * @throws NullPointerException if {@code parent} is null
     * @throws IllegalArgumentException if {@code count <= 0}
     */
    public static RandomGenerator.SplittableGenerator[] split(RandomGenerator.SplittableGenerator parent, int count) {
        Checks.notNull(parent, "parent");
        Checks.positive(count, "count");
        Checks.atMost(count, MAX_SPLITS, "count");
        RandomGenerator.SplittableGenerator[] out = new RandomGenerator.SplittableGenerator[count];
        for (int i = 0; i < count; i++) {
            out[i] = parent.split();
        }
        return out;
    }
}
