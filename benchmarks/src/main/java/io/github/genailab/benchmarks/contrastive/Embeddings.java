package io.github.genailab.benchmarks.contrastive;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;

/** Seeded benchmark inputs: random Gaussian rows scaled to unit length, float32. */
final class Embeddings {

    private Embeddings() {
    }

    static float[][] unitRows(long seed, int rows, int dimension) {
        RandomGenerator rng = Rngs.seeded(seed);
        float[][] out = new float[rows][dimension];
        for (float[] row : out) {
            double norm = 0;
            double[] g = new double[dimension];
            for (int k = 0; k < dimension; k++) {
                g[k] = rng.nextGaussian();
                norm += g[k] * g[k];
            }
            for (int k = 0; k < dimension; k++) {
                row[k] = (float) (g[k] / Math.sqrt(norm));
            }
        }
        return out;
    }
}
