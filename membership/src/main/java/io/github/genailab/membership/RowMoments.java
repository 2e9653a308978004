package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * Running weight {@code W}, weighted mean and weighted squared deviation {@code M2} of the shifted
 * logits {@code y = x - max} of one row, merged chunk by chunk in double with the weighted form of
 * the parallel variance update:
 * <pre>
 *   W' = W + w,   mean' = mean + (m - mean) w / W',   M2' = M2 + m2 + (m - mean)^2 W w / W'
 * </pre>
 * (T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise algorithm for
 * computing sample variances", COMPSTAT 1982). Then {@code log Z = max + log W},
 * {@code log p = x_target - log Z}, {@code mu = max + mean - log Z}, {@code sigma = sqrt(M2 / W)}.
 * Also the checks that both float kernels share.
 */
final class RowMoments {

    /**
     * Weights of values more than 87 nats below the row maximum are clamped to {@code exp(-87)}
     * (1.6e-38, still a normal float, so no slow subnormals); -infinity logits get the same weight.
     */
    static final float FLOOR = -87f;

    private double weight;
    private double mean;
    private double squaredDeviation;

    /** Merges a chunk with total weight {@code w > 0}, weighted mean {@code m} and deviation {@code m2}. */
    void add(double w, double m, double m2) {
        double merged = weight + w;
        double delta = m - mean;
        mean += delta * w / merged;
        squaredDeviation += m2 + delta * delta * weight * w / merged;
        weight = merged;
    }

    /** Merges one value {@code y} with weight {@code exp(y)} computed exactly (row tails). */
    void addOne(float y) {
        add(Math.exp(y), y, 0);
    }

    /** Writes the row's three statistics; rejects a target whose logit is -infinity. */
    void store(float[] row, int target, float max, int rowIndex, double[] outLogProb, double[] outMu,
            double[] outSigma) {
        store(row, target, max, rowIndex, weight, mean, squaredDeviation / weight, outLogProb, outMu, outSigma);
    }

    /**
     * Writes one row's statistics from the total weight {@code W = sum exp(y)}, the weighted mean and
     * variance of {@code y = x - max}: {@code log p = x_target - max - log W}, {@code mu = mean - log W},
     * {@code sigma = sqrt(variance)}; rejects a target whose logit is -infinity.
     */
    static void store(float[] row, int target, float max, int rowIndex, double weight, double mean,
            double variance, double[] outLogProb, double[] outMu, double[] outSigma) {
        if (row[target] == Float.NEGATIVE_INFINITY) {
            throw Checks.fail("logits[" + rowIndex + "][" + target + "]",
                    "be finite (the target token must have probability > 0)", row[target]);
        }
        double logTotal = Math.log(weight);
        outLogProb[rowIndex] = Math.min((double) row[target] - max - logTotal, 0);
        outMu[rowIndex] = Math.min(mean - logTotal, 0);
        outSigma[rowIndex] = Math.sqrt(Math.max(variance, 0));
    }

    /**
     * Validates a row maximum computed with NaN-propagating {@code max}: a NaN or +infinity anywhere
     * makes it non-finite (then the offending entry is found and named), and all -infinity is refused.
     */
    static float checkedMaximum(float max, float[] row, int rowIndex) {
        if (!(max < Float.POSITIVE_INFINITY)) {
            for (int j = 0; j < row.length; j++) {
                if (!(row[j] < Float.POSITIVE_INFINITY)) {
                    throw Checks.fail("logits[" + rowIndex + "][" + j + "]", "be finite or -Infinity", row[j]);
                }
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw Checks.fail("logits[" + rowIndex + "]", "have at least one finite entry", "all -Infinity");
        }
        return max;
    }
}
