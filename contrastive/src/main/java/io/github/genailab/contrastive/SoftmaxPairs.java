package io.github.genailab.contrastive;

import io.github.genailab.core.math.PairwiseSum;

/**
 * The symmetric CLIP cross-entropy over a {@code B x B} logit matrix, restricted to the rows and
 * columns of one shard {@code [lo, hi)} (the whole batch is the shard {@code [0, B)}).
 *
 * <p>Notation: {@code L_ij = s x_i.y_j}; {@code D_i = L_ii} computed in double from the inputs (the
 * GEMM's own diagonal is not used, so row and column see the same positive logit). With per-row and
 * per-column shifts {@code a_i}, {@code b_j}:
 * <pre>
 *   rowOff_i = sum_{j != i} exp(L_ij - a_i)      S_i = exp(D_i - a_i) + rowOff_i
 *   loss_i   = log1p(rowOff_i / exp(D_i - a_i))  (= LSE_j L_ij - L_ii, without cancellation)
 *   P_ij     = exp(L_ij - a_i) / S_i,  P_ii - 1 = -rowOff_i / S_i
 *   dl/dL    = (P - I) / (2 nRows) + (Q - I) / (2 nCols)   (Q: the column softmax, likewise)
 *   dl/dtheta = sum_i (sum_{j != i} exp(L_ij - a_i) (L_ij - D_i)) / S_i / (2 nRows) + columns alike
 * </pre>
 * Shifts: when {@code 2 s max||x|| max||y||} (a bound on the spread of all logits) is at most
 * {@value #SAFE_LOGIT_SPREAD}, every {@code exp(L)} is a normal double, so the shifts are 0 and one
 * exponential serves both the row and the column sums (no max pass; always the case for normalised
 * inputs with {@code s <= 300}). Otherwise an extra sweep finds the exact row and column maxima.
 *
 * <p>Sweeps: [max,] forward (sums), backward (gradient); the dense path computes its single tile once.
 */
final class SoftmaxPairs {

    static final double SAFE_LOGIT_SPREAD = 600;

    private final double s;
    private final int lo;
    private final int hi;
    private final double[] diag;
    private final double[] rowShift;
    private final double[] colShift;
    private final double[] rowOff;
    private final double[] rowWeighted;
    private final double[] colOff;
    private final double[] colWeighted;

    private SoftmaxPairs(double logitScale, int lo, int hi, double[] diag) {
        this.s = logitScale;
        this.lo = lo;
        this.hi = hi;
        this.diag = diag;
        int n = diag.length;
        rowShift = new double[n];
        colShift = new double[n];
        rowOff = new double[n];
        rowWeighted = new double[n];
        colOff = new double[n];
        colWeighted = new double[n];
    }

    /** Computes loss and gradients for image rows / text rows {@code [shardStart, shardStart + shardSize)}. */
    static ClipLossResult compute(RowMatrix image, RowMatrix text, int shardStart, int shardSize,
                                  ClipLossOptions options) {
        try (Embeddings x = Embeddings.prepare(image, options.normalize());
             Embeddings y = Embeddings.prepare(text, options.normalize());
             PairSweep sweep = new PairSweep(x, y, options.tileSize())) {
            return compute(x, y, sweep, shardStart, shardSize, options);
        }
    }

    private static ClipLossResult compute(Embeddings x, Embeddings y, PairSweep sweep, int shardStart,
                                          int shardSize, ClipLossOptions options) {
        double s = options.logitScale();
        double[] diag = x.pairedDots(y);
        for (int i = 0; i < diag.length; i++) {
            diag[i] *= s;
        }
        int lo = shardStart;
        int hi = shardStart + shardSize;
        SoftmaxPairs pairs = new SoftmaxPairs(s, lo, hi, diag);
        PairSweep.TileFilter inShard = (row0, rows, col0, cols) ->
                (row0 < hi && row0 + rows > lo) || (col0 < hi && col0 + cols > lo);
        if (2 * s * x.maxRowNorm() * y.maxRowNorm() > SAFE_LOGIT_SPREAD) {
            pairs.useExactMaxima(sweep, inShard);
        }
        sweep.forward(inShard, pairs::accumulate);
        double[] invRow = pairs.inverseSums(pairs.rowShift, pairs.rowOff);
        double[] invCol = pairs.inverseSums(pairs.colShift, pairs.colOff);
        sweep.backward(inShard, (v, row0, rows, col0, cols) ->
                pairs.gradient(v, row0, rows, col0, cols, invRow, invCol), s);

        double[] imageLosses = pairs.losses(pairs.rowShift, pairs.rowOff);
        double[] textLosses = pairs.losses(pairs.colShift, pairs.colOff);
        double imageToText = PairwiseSum.mean(imageLosses);
        double textToImage = PairwiseSum.mean(textLosses);
        double gradTheta = (pairs.scaleDerivative(pairs.rowWeighted, pairs.rowOff, invRow)
                + pairs.scaleDerivative(pairs.colWeighted, pairs.colOff, invCol)) / (2.0 * shardSize);
        return new ClipLossResult((imageToText + textToImage) / 2, imageToText, textToImage,
                x.backward(sweep.gradX()), y.backward(sweep.gradY()), gradTheta, imageLosses, textLosses,
                options, x.precision(), x.rows(), x.dimension(), shardStart, shardSize);
    }

    private boolean scored(int index) {
        return index >= lo && index < hi;
    }

    /** Extra sweep: shifts become the exact row and column maxima of the logits. */
    private void useExactMaxima(PairSweep sweep, PairSweep.TileFilter filter) {
        System.arraycopy(diag, 0, rowShift, 0, diag.length);
        System.arraycopy(diag, 0, colShift, 0, diag.length);
        sweep.forward(filter, (v, row0, rows, col0, cols) -> {
            for (int r = 0; r < rows; r++) {
                int i = row0 + r;
                for (int c = 0; c < cols; c++) {
                    int j = col0 + c;
                    if (j != i) {
                        double l = s * v[r * cols + c];
                        rowShift[i] = Math.max(rowShift[i], l);
                        colShift[j] = Math.max(colShift[j], l);
                    }
                }
            }
        });
    }

    /** Forward kernel: off-diagonal exponential sums and their logit-weighted sums. */
    private void accumulate(double[] v, int row0, int rows, int col0, int cols) {
        for (int r = 0; r < rows; r++) {
            int i = row0 + r;
            boolean rowScored = scored(i);
            double shift = rowShift[i];
            double off = 0;
            double weighted = 0;
            for (int c = 0; c < cols; c++) {
                int j = col0 + c;
                if (j == i) {
                    continue;
                }
                double l = s * v[r * cols + c];
                double e = 0;
                if (rowScored) {
                    e = Math.exp(l - shift);
                    off += e;
                    weighted += e * l;
                }
                if (scored(j)) {
                    double f = rowScored && colShift[j] == shift ? e : Math.exp(l - colShift[j]);
                    colOff[j] += f;
                    colWeighted[j] += f * l;
                }
            }
            rowOff[i] += off;
            rowWeighted[i] += weighted;
        }
    }

    /** Backward kernel: replaces each similarity by dl/dL. */
    private void gradient(double[] v, int row0, int rows, int col0, int cols, double[] invRow, double[] invCol) {
        double rowWeight = 0.5 / (hi - lo);
        for (int r = 0; r < rows; r++) {
            int i = row0 + r;
            boolean rowScored = scored(i);
            double shift = rowShift[i];
            for (int c = 0; c < cols; c++) {
                int j = col0 + c;
                int k = r * cols + c;
                double g = 0;
                if (j == i) {
                    g -= rowScored ? rowOff[i] * invRow[i] : 0;
                    g -= scored(j) ? colOff[j] * invCol[j] : 0;
                } else {
                    double l = s * v[k];
                    double e = 0;
                    if (rowScored) {
                        e = Math.exp(l - shift);
                        g += e * invRow[i];
                    }
                    if (scored(j)) {
                        double f = rowScored && colShift[j] == shift ? e : Math.exp(l - colShift[j]);
                        g += f * invCol[j];
                    }
                }
                v[k] = g * rowWeight;
            }
        }
    }

    /** {@code 1 / S_i} for scored indices (0 elsewhere). */
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

    /** {@code sum_i sum_j P_ij (L_ij - D_i)} over scored rows (or columns). */
    private double scaleDerivative(double[] weighted, double[] off, double[] inv) {
        double[] terms = new double[hi - lo];
        for (int i = lo; i < hi; i++) {
            terms[i - lo] = (weighted[i] - diag[i] * off[i]) * inv[i];
        }
        return PairwiseSum.sum(terms);
    }
}
