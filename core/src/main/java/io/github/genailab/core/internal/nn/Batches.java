package io.github.genailab.core.internal.nn;

import io.github.genailab.core.math.Checks;
import java.util.random.RandomGenerator;

/**
 * Mini-batch order: a seeded Fisher-Yates shuffle (R. Durstenfeld, "Algorithm 235: Random permutation",
 * CACM 7(7), 1964), drawing {@code rng.nextInt(i + 1)} for {@code i = n-1, ..., 1}.
 *
 * @since 0.1.0
 */
public final class Batches {

    private Batches() {
    }

    /**
     * A uniformly random permutation of {@code 0..n-1}.
     *
     * @param n   the number of items, {@code >= 0}
     * @param rng the source of randomness (advanced by {@code n - 1} draws)
     * @return the permutation
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static int[] shuffled(int n, RandomGenerator rng) {
        Checks.nonNegative(n, "n");
        Checks.notNull(rng, "rng");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
