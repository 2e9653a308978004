package io.github.genailab.benchmarks.membership;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;

/**
 * The input of the per-token statistics benchmarks: a float32 logits matrix [1024 x 50,257] (GPT-2's
 * vocabulary; 206 MB, far larger than any cache, so every row comes from main memory) of seeded
 * Gaussian logits with spread 3, like a trained model's, and one target per row.
 *
 * @param logits the [1024 x 50,257] matrix
 * @param targets one target token id per row
 */
record LogitsMatrix(float[][] logits, int[] targets) {

    static final int ROWS = 1024;
    static final int VOCABULARY = 50_257;

    /** The matrix from seed 2024 (the same in every benchmark). */
    static LogitsMatrix create() {
        RandomGenerator rng = Rngs.seeded(2024);
        float[][] logits = new float[ROWS][VOCABULARY];
        int[] targets = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < VOCABULARY; j++) {
                logits[i][j] = (float) (3 * rng.nextGaussian());
            }
            targets[i] = rng.nextInt(VOCABULARY);
        }
        return new LogitsMatrix(logits, targets);
    }
}
