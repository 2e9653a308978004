package io.github.genailab.contrastive;

import io.github.genailab.core.math.PairwiseSum;

/**
 * The symmetric CLIP cross-entropy over a {@code B x B} logit matrix, restricted to the rows and
 * columns of one shard {@code [lo, hi)} (the whole batch is the shard {@code [0, B)}).
 *
 * <p>Notation: {@code L_ij = s x_i.y_j}; {@code D_i = L_ii} computed in double from the inputs (the
 * GEMM's own diagonal is not used, so row and column see the same positive logit). With reference
 * shifts {@code a_i} per row and {@code b_j} per column:
 * <pre>
 *   rowOff_i = sum_{j != i} exp(L_ij - a_i)      S_i = exp(D_i - a_i) + rowOff_i
 *   loss_i   = log1p(rowOff_i / exp(D_i - a_i))  (= LSE_j L_ij - L_ii, without cancellation)
 *   P_ij     = exp(L_ij - a_i) / S_i,  P_ii - 1 = -rowOff_i / S_i
 *   G = dl/dL = (P - I) / (2 nRows) + (Q - I) / (2 nCols)   (Q: the column softmax, likewise)
 *   dl/dtheta = &lt;G, L&gt; = sum_i x_i . (dl/dx_i)             (dl/dX = s G Y: no per-pair work)
 * </pre>
 * Reference shifts: when {@code 2 s max||x|| max||y||} (a bound on the spread of all logits) is at
 * most {@value #SAFE_LOGIT_SPREAD}, every {@code exp(L)} is a normal double, so {@code a = b = 0}
 * (always the case for normalised inputs with {@code s <= 300}). Otherwise an extra sweep finds the
 * exact row and column maxima.
 *
 * <p>Per strip, one of two kernels:
 * <ul>
 *   <li><b>common shift</b> (references 0 and the strip's logits within {@code 2 M} of each other,
 *       {@code M = }{@link Strip#maxExpArgument(Precision)}: 87 in float32, 700 in float64): one
 *       exponential per pair, in the input's precision, {@code e = exp(L - c)} with {@code c} the
 *       strip's midpoint (0 when the norms already bound {@code |L|} by {@code M}); it serves the row
 *       sum, the column sum and, multiplied by {@code exp(c) (1/S_i + 1/S'_j) / 2n}, the gradient.
 *       When tiles are kept the forward pass leaves {@code e} in the tile and the backward pass only
 *       multiplies.</li>
 *   <li><b>split</b> (otherwise): row and column terms each with their own shift, in double with
 *       {@link Math#exp}, recomputed in the backward pass.</li>
 * </ul>
 * The choice and {@code c} are recorded per strip ({@link Strip#slot()}) in the forward sweep and
 * looked up in the backward sweep.
 */
final class SoftmaxPairs {

    static final double SAFE_LOGIT_SPREAD = 600;

    private final double s;
    private final int lo;
    private final int hi;
    private final double weight;
    private final double[] diag;
    private final double[] rowShift;
    private final double[] colShift;
    private final double[] rowOff;
    private final double[] colOff;
    private final boolean exactShifts;
    private final double maxExpArgument;
    private final boolean normsBoundLogits;
    private final double[] shifts;
    private double[] invRow;
    private double[] invCol;

    private SoftmaxPairs(double logitScale, int lo, int hi, double[] diag, boolean exactShifts,
                         double logitBound, Precision precision, int strips) {
        this.s = logitScale;
        this.lo = lo;
        this.hi = hi;
        this.weight = 0.5 / (hi - lo);
        this.diag = diag;
        this.exactShifts = exactShifts;
        this.maxExpArgument = Strip.maxExpArgument(precision);
        this.normsBoundLogits = logitBound <= maxExpArgument;
        this.shifts = new double[strips];
        int n = diag.length;
        rowShift = new double[n];
        colShift = new double[n];
        rowOff = new double[n];
        colOff = new double[n];
    }

    /** Computes loss and gradients for image rows / text rows {@code [shardStart, shardStart + shardSize)}. */
    static ClipLossResult compute(RowMatrix image, RowMatrix text, int shardStart, int shardSize,
                                  ClipLossOptions options) {
        Embeddings.Batch batch = Embeddings.prepare(image, text, options.normalize());
        try (PairSweep sweep = batch.sweep(options.tileSize())) {
            return compute(batch, sweep, shardStart, shardSize, options);
        }
    }

    private static ClipLossResult compute(Embeddings.Batch batch, PairSweep sweep, int shardStart, int shardSize,
                                          ClipLossOptions options) {
        Embeddings x = batch.image();
        Embeddings y = batch.text();
        double[] diag = batch.pairedDots();
        double s = options.logitScale();
        for (int i = 0; i < diag.length; i++) {
            diag[i] *= s;
        }
        int lo = shardStart;
        int hi = shardStart + shardSize;
        double logitBound = s * x.maxRowNorm() * y.maxRowNorm();
        SoftmaxPairs pairs = new SoftmaxPairs(s, lo, hi, diag, 2 * logitBound > SAFE_LOGIT_SPREAD, logitBound,
                x.precision(), sweep.slots());
        PairSweep.TileFilter inShard = (row0, rows, col0, cols) ->
                (row0 < hi && row0 + rows > lo) || (col0 < hi && col0 + cols > lo);
        if (pairs.exactShifts) {
            pairs.useExactMaxima(sweep, inShard);
        }
        sweep.forward(inShard, pairs::accumulate);
        pairs.invRow = pairs.inverseSums(pairs.rowShift, pairs.rowOff);
        pairs.invCol = pairs.inverseSums(pairs.colShift, pairs.colOff);
        boolean exponentialsKept = sweep.keepsTiles();
        sweep.backward(inShard, strip -> pairs.gradient(strip, exponentialsKept), s);

        double[] imageLosses = pairs.losses(pairs.rowShift, pairs.rowOff);
        double[] textLosses = pairs.losses(pairs.colShift, pairs.colOff);
        double imageToText = PairwiseSum.mean(imageLosses);
        double textToImage = PairwiseSum.mean(textLosses);
        return new ClipLossResult((imageToText + textToImage) / 2, imageToText, textToImage,
                x.backward(sweep.gradX()), y.backward(sweep.gradY()), x.dot(sweep.gradX()), imageLosses,
                textLosses, options, x.precision(), x.rows(), x.dimension(), shardStart, shardSize);
    }

    private boolean scored(int index) {
        return index >= lo && index < hi;
    }

    /** Extra sweep: reference shifts become the exact row and column maxima of the logits. */
    private void useExactMaxima(PairSweep sweep, PairSweep.TileFilter filter) {
        System.arraycopy(diag, 0, rowShift, 0, diag.length);
        System.arraycopy(diag, 0, colShift, 0, diag.length);
        sweep.forward(filter, strip -> {
            for (int r = 0; r < strip.rows(); r++) {
                int i = strip.row0() + r;
                for (int c = 0; c < strip.cols(); c++) {
                    int j = strip.col0() + c;
                    if (j != i) {
                        double l = s * strip.get(r, c);
                        rowShift[i] = Math.max(rowShift[i], l);
                        colShift[j] = Math.max(colShift[j], l);
                    }
                }
            }
        });
    }

    /**
     * The common shift {@code c} of a strip, or NaN if its logits are too far apart for one
     * exponential in the strip's precision (then the split kernels run).
     */
    private double commonShift(Strip strip) {
        if (exactShifts) {
            return Double.NaN;
        }
        if (normsBoundLogits) {
            return 0;
        }
        double[] range = strip.range();
        // +1: c is rounded to an integer (exact in float and double) and s is rounded to float.
        boolean fits = s * (range[1] - range[0]) / 2 + 1 <= maxExpArgument;
        return fits ? Math.rint(s * (range[0] + range[1]) / 2) : Double.NaN;
    }

    /** Forward kernel: off-diagonal exponential sums of rows and columns. */
    private void accumulate(Strip strip) {
        double c = commonShift(strip);
        shifts[strip.slot()] = c;
        if (Double.isNaN(c)) {
            accumulateSplit(strip);
            return;
        }
        strip.expAffine(s, -c);
        for (int r = 0; r < strip.rows(); r++) {
            int diagonal = strip.row0() + r - strip.col0();
            if (diagonal >= 0 && diagonal < strip.cols()) {
                strip.set(r, diagonal, 0);
            }
        }
        double scale = Math.exp(c);
        for (int r = 0; r < strip.rows(); r++) {
            rowOff[strip.row0() + r] += scale * strip.rowSum(r);
        }
        strip.addColumnSums(colOff, strip.col0(), scale);
    }

    /** Backward kernel: replaces each value by dl/dL. */
    private void gradient(Strip strip, boolean exponentialsKept) {
        double c = shifts[strip.slot()];
        if (Double.isNaN(c)) {
            gradientSplit(strip);
            return;
        }
        if (!exponentialsKept) {
            strip.expAffine(s, -c);
        }
        // exp(c) e_ij / S_i is at most exp(87) in float32 (the strip's logits are within 87 of c).
        strip.scale(Math.exp(c) * weight, invRow, strip.row0(), invCol, strip.col0());
        for (int r = 0; r < strip.rows(); r++) {
            int i = strip.row0() + r;
            int diagonal = i - strip.col0();
            if (diagonal >= 0 && diagonal < strip.cols()) {
                strip.set(r, diagonal, -(rowOff[i] * invRow[i] + colOff[i] * invCol[i]) * weight);
            }
        }
    }

    /** Split forward kernel: row and column terms with their own reference shifts, in double. */
    private void accumulateSplit(Strip strip) {
        for (int r = 0; r < strip.rows(); r++) {
            int i = strip.row0() + r;
            boolean rowScored = scored(i);
            double off = 0;
            for (int c = 0; c < strip.cols(); c++) {
                int j = strip.col0() + c;
                if (j == i) {
                    continue;
                }
                double l = s * strip.get(r, c);
                double e = 0;
                if (rowScored) {
                    e = Math.exp(l - rowShift[i]);
                    off += e;
                }
                if (scored(j)) {
                    colOff[j] += rowScored && colShift[j] == rowShift[i] ? e : Math.exp(l - colShift[j]);
                }
            }
            rowOff[i] += off;
        }
    }

    /** Split backward kernel (terms of unscored rows and columns are 0 and skipped). */
    private void gradientSplit(Strip strip) {
        for (int r = 0; r < strip.rows(); r++) {
            int i = strip.row0() + r;
            boolean rowScored = scored(i);
            for (int c = 0; c < strip.cols(); c++) {
                int j = strip.col0() + c;
                double g = 0;
                if (j == i) {
                    g = -(rowOff[i] * invRow[i] + colOff[j] * invCol[j]);
                } else {
                    double l = s * strip.get(r, c);
                    double e = 0;
                    if (rowScored) {
                        e = Math.exp(l - rowShift[i]);
                        g += e * invRow[i];
                    }
                    if (scored(j)) {
                        g += (rowScored && colShift[j] == rowShift[i] ? e : Math.exp(l - colShift[j])) * invCol[j];
                    }
                }
                strip.set(r, c, g * weight);
            }
        }
    }

    /** {@code 1 / S_i} for scored indices (0 elsewhere, which switches their terms off). */
    private double[] inverseSums(double[] shift, double[] off) {
        double[] inv = new double[diag.length];
        for (int i = lo; i < hi; i++) {
            inv[i] = 1.0 / (Math.exp(diag[i] - shift[i]) + off[i]);
        }
        return inv;
    }

    /** Cross-entropy {@code LSE - D_i} of each scored row (or column), in the log1p form. */
    private double[] losses(double[] shift, double[] off) {
        double[] out = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            double positive = Math.exp(diag[i] - shift[i]);
            double ratio = off[i] / positive;
            out[i - lo] = Double.isFinite(ratio) ? Math.log1p(ratio)
                    : Math.log(off[i] + positive) + shift[i] - diag[i];
        }
        return out;
    }
}
