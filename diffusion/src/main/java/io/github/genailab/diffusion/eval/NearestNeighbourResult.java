package io.github.genailab.diffusion.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * The distances of {@link NearestNeighbourCheck}.
 *
 * @param sampleDistances  each sample's distance to its nearest training row
 * @param heldOutDistances each held-out row's distance to its nearest training row
 *
 * @since 0.1.0
 */
public record NearestNeighbourResult(double[] sampleDistances, double[] heldOutDistances) {

    /**
     * Validates and copies the distances.
     *
     * @param sampleDistances  at least one, finite, {@code >= 0}
     * @param heldOutDistances at least one, finite, {@code >= 0}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if an array is empty or a distance is negative or not finite
     */
    public NearestNeighbourResult {
        sampleDistances = distances(sampleDistances, "sampleDistances");
        heldOutDistances = distances(heldOutDistances, "heldOutDistances");
    }

    private static double[] distances(double[] values, String name) {
        Checks.allFinite(Checks.nonEmpty(values, name), name);
        for (int i = 0; i < values.length; i++) {
            Checks.nonNegative(values[i], name + "[" + i + "]");
        }
        return values.clone();
    }

    /**
     * The samples' distances, a copy.
     *
     * @return a new array
     */
    @Override
    public double[] sampleDistances() {
        return sampleDistances.clone();
    }

    /**
     * The held-out distances, a copy.
     *
     * @return a new array
     */
    @Override
    public double[] heldOutDistances() {
        return heldOutDistances.clone();
    }

    /**
     * Median distance of a sample to the training set.
     *
     * @return the median
     */
    public double medianSampleDistance() {
        return NearestNeighbourCheck.quantile(sampleDistances, 0.5);
    }

    /**
     * Median distance of a held-out row to the training set.
     *
     * @return the median
     */
    public double medianHeldOutDistance() {
        return NearestNeighbourCheck.quantile(heldOutDistances, 0.5);
    }

    /**
     * Share of samples closer to the training set than the 5th percentile of the held-out distances.
     *
     * @return a share in {@code [0, 1]}
     */
    public double nearCopyShare() {
        double threshold = NearestNeighbourCheck.quantile(heldOutDistances, 0.05);
        return (double) Arrays.stream(sampleDistances).filter(x -> x < threshold).count() / sampleDistances.length;
    }

    /**
     * Compares the distances.
     *
     * @param other the object to compare with
     * @return whether both arrays agree
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NearestNeighbourResult r && Arrays.equals(sampleDistances, r.sampleDistances)
                && Arrays.equals(heldOutDistances, r.heldOutDistances);
    }

    /**
     * Hash of the distances.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(sampleDistances) * 31 + Arrays.hashCode(heldOutDistances);
    }

    /**
     * One line: medians and the near-copy share.
     *
     * @return e.g. {@code NearestNeighbourResult[100 samples: median 4.1 vs held-out 3.9, near copies 6%]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NearestNeighbourResult[%d samples: median distance to training %.3g vs "
                + "held-out %.3g, near copies %.0f%%]", sampleDistances.length, medianSampleDistance(),
                medianHeldOutDistance(), 100 * nearCopyShare());
    }
}
