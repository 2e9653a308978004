package io.github.genailab.diffusion.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Distances between two samples of points (model samples against data), zero when the two samples
 * coincide.
 *
 * <p>Energy distance (G. J. Székely, M. L. Rizzo, "Energy statistics: A class of statistics based on
 * distances", J. Stat. Planning and Inference 143(8), 2013), the V-statistic over all pairs:
 * <pre>
 *   E(X, Y) = 2 mean_{i,j} |x_i - y_j| - mean_{i,i'} |x_i - x_i'| - mean_{j,j'} |y_j - y_j'|   (>= 0)
 * </pre>
 * with Euclidean norms; {@code O((n + m)^2 d)}.
 *
 * <p>Sliced Wasserstein-2 (J. Rabin, G. Peyré, J. Delon, M. Bernot, "Wasserstein Barycenter and its
 * Application to Texture Mixing", SSVM 2011; N. Bonneel et al., J. Math. Imaging Vision 51, 2015):
 * {@code SW2 = sqrt(mean over L random unit directions w of W2^2(w.X, w.Y))}, each 1-D {@code W2^2} from the
 * two empirical quantile functions at the levels {@code (q + 1/2) / N}, {@code N = max(n, m)};
 * {@code O(L (n + m) (d + log(n + m)))}.
 *
 * @since 0.1.0
 */
public final class SampleDistance {

    /** The most directions of one sliced-Wasserstein call. */
    public static final int MAX_PROJECTIONS = 100_000;

    private SampleDistance() {
    }

    /**
     * The energy distance.
     *
     * @param a rows of equal width, finite
     * @param b rows of the same width, finite
     * @return {@code E(a, b) >= 0}
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException if a sample is empty, ragged or not finite, or the widths differ
     */
    public static double energy(double[][] a, double[][] b) {
        checkPair(a, b);
        double cross = meanDistance(a, b);
        double within = meanDistance(a, a);
        double withinB = meanDistance(b, b);
        return Math.max(0, 2 * cross - within - withinB);
    }

    /**
     * The sliced Wasserstein-2 distance over random directions.
     *
     * @param a           rows of equal width, finite
     * @param b           rows of the same width, finite
     * @param projections the number of directions {@code L}, in {@code [1, 100000]}
     * @param rng         draws the directions (Gaussian vectors, normalised)
     * @return {@code SW2(a, b) >= 0}
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if a sample is empty, ragged or not finite, the widths differ, or
     *                                  {@code projections} is out of range
     */
    public static double slicedWasserstein(double[][] a, double[][] b, int projections, RandomGenerator rng) {
        int d = checkPair(a, b);
        Checks.inRange(projections, 1, MAX_PROJECTIONS, "projections");
        Checks.notNull(rng, "rng");
        int levels = Math.max(a.length, b.length);
        double total = 0;
        double[] w = new double[d];
        for (int l = 0; l < projections; l++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                w[k] = rng.nextGaussian();
                norm += w[k] * w[k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                w[k] /= norm;
            }
            double[] pa = sortedProjection(a, w);
            double[] pb = sortedProjection(b, w);
            double sum = 0;
            for (int q = 0; q < levels; q++) {
                double level = (q + 0.5) / levels;
                double diff = pa[(int) (level * pa.length)] - pb[(int) (level * pb.length)];
                sum += diff * diff;
            }
            total += sum / levels;
        }
        return Math.sqrt(total / projections);
    }

    private static double[] sortedProjection(double[][] x, double[] w) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < w.length; k++) {
                s += x[i][k] * w[k];
            }
            p[i] = s;
        }
        Arrays.sort(p);
        return p;
    }

    private static double meanDistance(double[][] a, double[][] b) {
        double total = 0;
        for (double[] x : a) {
            double row = 0;
            for (double[] y : b) {
                row += euclidean(x, y);
            }
            total += row / b.length;
        }
        return total / a.length;
    }

    /**
     * The Euclidean distance of two points of equal length.
     *
     * @param x a point
     * @param y a point, same length
     * @return {@code |x - y|}
     */
    static double euclidean(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double diff = x[k] - y[k];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    private static int checkPair(double[][] a, double[][] b) {
        int d = Checks.finiteMatrix(a, "a");
        Checks.sameLength(d, Checks.finiteMatrix(b, "b"), "a columns", "b columns");
        return d;
    }
}
