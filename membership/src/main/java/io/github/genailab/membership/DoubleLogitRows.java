package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;

/**
 * Exact (double precision, {@link Math#exp}) per-row statistics of a logits row: log p of the
 * target, and the mean and standard deviation of log p under the row's softmax distribution.
 *
 * <p>With {@code y_j = x_j - max(x)}, {@code e_j = exp(y_j)}, {@code S = sum e_j}:
 * <pre>
 *   log p(target) = y_target - log S
 *   mu            = (sum e_j y_j) / S - log S
 *   sigma^2       = sum e_j (y_j - ybar)^2 / S,  ybar = (sum e_j y_j) / S
 * </pre>
 * The variance is the two-pass form (no {@code E[l^2] - mu^2} cancellation) and is computed around
 * the shifted values, so a uniform row gives exactly {@code sigma = 0} and {@code log p = mu}.
 * Sums are numpy-style pairwise sums over scratch arrays owned by one instance (one instance per
 * call; not thread-safe).
 */
final class DoubleLogitRows {

    private final double[] weights;
    private final double[] terms;

    DoubleLogitRows(int vocabularySize) {
        weights = new double[vocabularySize];
        terms = new double[vocabularySize];
    }

    /**
     * Fills {@code out*[index]} from one row.
     *
     * @param row logits (finite or -infinity; at least the target finite)
     * @param target the target token id, already checked to be in range
     * @param rowName the row's name for error messages, e.g. {@code logits[3]}
     */
    void compute(double[] row, int target, String rowName, int index, double[] outLogProb, double[] outMu,
                 double[] outSigma) {
        if (row.length != weights.length) {
            throw Checks.fail(rowName + ".length", "be the vocabulary size " + weights.length, row.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < row.length; j++) {
            double v = row[j];
            if (!(v < Double.POSITIVE_INFINITY)) {
                throw Checks.fail(rowName + "[" + j + "]", "be finite or -Infinity", v);
            }
            max = Math.max(max, v);
        }
        if (row[target] == Double.NEGATIVE_INFINITY) {
            throw Checks.fail(rowName + "[" + target + "]", "be finite (the target token must have probability > 0)",
                    row[target]);
        }
        for (int j = 0; j < row.length; j++) {
            double y = row[j] - max;
            boolean possible = row[j] > Double.NEGATIVE_INFINITY;
            weights[j] = possible ? Math.exp(y) : 0;
            terms[j] = possible ? weights[j] * y : 0;
        }
        double total = PairwiseSum.sum(weights);
        double meanShifted = PairwiseSum.sum(terms) / total;
        for (int j = 0; j < row.length; j++) {
            double d = row[j] - max - meanShifted;
            terms[j] = weights[j] == 0 ? 0 : weights[j] * d * d;
        }
        double logTotal = Math.log(total);
        outLogProb[index] = Math.min(row[target] - max - logTotal, 0);
        outMu[index] = Math.min(meanShifted - logTotal, 0);
        outSigma[index] = Math.sqrt(PairwiseSum.sum(terms) / total);
    }
}
