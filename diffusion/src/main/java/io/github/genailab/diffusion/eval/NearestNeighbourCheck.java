package io.github.genailab.diffusion.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * Does a model copy its training set? Each generated sample's Euclidean distance to its nearest
 * training row, compared with the same distance for held-out real rows: a model that memorises puts
 * its samples much closer to the training rows than fresh data from the same distribution lie.
 *
 * <p>The statistic reported besides the medians is the share of samples closer to the training set than
 * the 5th percentile of the held-out distances (about 5% for a model that generalises, near 100% for
 * one that replays its training rows). The check follows the nearest-neighbour memorisation tests of
 * N. Carlini et al., "Extracting Training Data from Diffusion Models", USENIX Security 2023,
 * arXiv:2301.13188, reduced to plain Euclidean distance.
 *
 * <p>Cost {@code O((s + h) n d)} for {@code s} samples, {@code h} held-out and {@code n} training rows.
 *
 * @since 0.1.0
 */
public final class NearestNeighbourCheck {

    private NearestNeighbourCheck() {
    }

    /**
     * Runs the check.
     *
     * @param samples generated rows, finite
     * @param train   the training rows, same width, finite
     * @param heldOut real rows not trained on, same width, finite
     * @return the distances and their summary
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException if a set is empty, ragged or not finite, or the widths differ
     */
    public static NearestNeighbourResult run(double[][] samples, double[][] train, double[][] heldOut) {
        int d = Checks.finiteMatrix(samples, "samples");
        Checks.sameLength(d, Checks.finiteMatrix(train, "train"), "samples columns", "train columns");
        Checks.sameLength(d, Checks.finiteMatrix(heldOut, "heldOut"), "samples columns", "heldOut columns");
        return new NearestNeighbourResult(nearest(samples, train), nearest(heldOut, train));
    }

    private static double[] nearest(double[][] points, double[][] train) {
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] row : train) {
                best = Math.min(best, SampleDistance.euclidean(points[i], row));
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * The {@code q}-quantile of values (nearest rank on the sorted copy, {@code q} in {@code [0, 1]}).
     *
     * @param values the values, at least one
     * @param q      the level
     * @return the quantile
     */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
