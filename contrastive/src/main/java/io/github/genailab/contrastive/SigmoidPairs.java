package io.github.genailab.contrastive;

import io.github.genailab.core.math.PairwiseSum;
import java.util.Arrays;

/**
 * The SigLIP pairwise sigmoid loss over the image rows {@code [lo, hi)} of a {@code B x B} logit
 * matrix, in a single sweep (no normalisation across the batch, so each tile's gradient is final).
 *
 * <pre>
 *   L_ij = t x_i.y_j + b,   z_ij = +1 if i == j else -1
 *   term_ij = softplus(-z_ij L_ij) = max(-z L, 0) + log1p(exp(-|L|))
 *   dl/dL_ij = (sigmoid(L_ij) - [i == j]) / n,   dl/dt' = sum G (L - b),   dl/db = sum G
 * </pre>
 * One exponential per pair; {@code sigmoid} and {@code sigmoid - 1} are both taken from
 * {@code exp(-|L|)}, so neither overflows nor cancels. The negative pairs of a row go through
 * {@link Strip#sigmoidRow} in the input's precision (float32 inputs: the vectorised float kernel of
 * {@link FloatStrip}, unless a logit could exceed {@link #FLOAT_LOGIT_LIMIT}); the positive pair uses
 * the double-precision {@code x_i.y_i} and is evaluated in double. Per row, the three sums are carried
 * in double (float64 inputs: term by term in column order).
 */
final class SigmoidPairs {

    /**
     * Largest {@code |L|} bound (from the row norms) for which the float32 kernel runs: far below
     * float's 3.4e38, so that {@code L}, {@code L - b} and {@code g (L - b)} stay finite in float.
     */
    static final double FLOAT_LOGIT_LIMIT = 1e30;

    private final double t;
    private final double bias;
    private final int lo;
    private final int hi;
    private final boolean inPrecision;
    private final double[] diag;
    private final double[] rowLoss;
    private final double[] rowGradTheta;
    private final double[] rowGradBias;
    private final double[] sums = new double[3];

    private SigmoidPairs(double t, double bias, int lo, int hi, double[] diag, boolean inPrecision) {
        this.t = t;
        this.bias = bias;
        this.lo = lo;
        this.hi = hi;
        this.diag = diag;
        this.inPrecision = inPrecision;
        rowLoss = new double[diag.length];
        rowGradTheta = new double[diag.length];
        rowGradBias = new double[diag.length];
    }

    /** Computes loss and gradients for the image rows {@code [shardStart, shardStart + shardSize)}. */
    static SigLipLossResult compute(RowMatrix image, RowMatrix text, int shardStart, int shardSize,
                                SigLipLossOptions options) {
        Embeddings.Batch batch = Embeddings.prepare(image, text, options.normalize());
        try (PairSweep sweep = batch.sweep(options.tileSize())) {
            Embeddings x = batch.image();
            Embeddings y = batch.text();
            double t = options.logitScale();
            double[] diag = batch.pairedDots();
            for (int i = 0; i < diag.length; i++) {
                diag[i] = t * diag[i] + options.logitBias();
            }
            int lo = shardStart;
            int hi = shardStart + shardSize;
            double logitBound = t * x.maxRowNorm() * y.maxRowNorm() + Math.abs(options.logitBias());
            SigmoidPairs pairs = new SigmoidPairs(t, options.logitBias(), lo, hi, diag,
                    logitBound <= FLOAT_LOGIT_LIMIT);
            sweep.backward((row0, rows, col0, cols) -> row0 < hi && row0 + rows > lo, pairs::gradient, t);
            double[] rowLosses = Arrays.copyOfRange(pairs.rowLoss, lo, hi);
            return new SigLipLossResult(PairwiseSum.mean(rowLosses), x.backward(sweep.gradX()),
                    y.backward(sweep.gradY()), PairwiseSum.sum(pairs.rowGradTheta, lo, shardSize),
                    PairwiseSum.sum(pairs.rowGradBias, lo, shardSize), rowLosses, options, x.precision(),
                    x.rows(), x.dimension(), shardStart, shardSize);
        }
    }

    private void gradient(Strip strip) {
        double weight = 1.0 / (hi - lo);
        for (int r = 0; r < strip.rows(); r++) {
            int i = strip.row0() + r;
            if (i < lo || i >= hi) {
                strip.clearRow(r);
                continue;
            }
            int positive = i - strip.col0();
            if (positive < 0 || positive >= strip.cols()) {
                positive = -1;
            }
            double positiveLogit = positive >= 0 ? diag[i] : Double.NaN;
            Arrays.fill(sums, 0);
            if (inPrecision) {
                strip.sigmoidRow(r, t, bias, weight, positive, positiveLogit, sums);
            } else {
                strip.sigmoidRowExact(r, t, bias, weight, positive, positiveLogit, sums);
            }
            rowLoss[i] += sums[0];
            rowGradTheta[i] += sums[1];
            rowGradBias[i] += sums[2];
        }
    }

    /**
     * {@code log(1 + e)} for {@code e} in {@code [0, 1]}, accurate to a few ulps: Kahan's trick of
     * rescaling {@code log(u)} by {@code e / (u - 1)}, which cancels the rounding of {@code u = 1 + e}.
     * About 1.5 times faster than {@link Math#log1p(double)} on JDK 17 (JDK 25's is as fast).
     */
    static double log1p(double e) {
        double u = 1 + e;
        return u == 1 ? e : Math.log(u) * e / (u - 1);
    }
}
