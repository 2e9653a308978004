package io.github.genailab.contrastive;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;

/** Seeded test matrices. */
final class TestData {

    private TestData() {
    }

    static double[][] gaussian(long seed, int rows, int cols) {
        RandomGenerator rng = Rngs.seeded(seed);
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int k = 0; k < cols; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        return out;
    }

    static float[][] toFloat(double[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[values[i].length];
            for (int k = 0; k < values[i].length; k++) {
                out[i][k] = (float) values[i][k];
            }
        }
        return out;
    }

    /** Rows {@code e_0, ..., e_{rows-1}} of the identity in {@code cols} dimensions. */
    static double[][] identity(int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                max = Math.max(max, Math.abs(a[i][k] - b[i][k]));
            }
        }
        return max;
    }

    static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
