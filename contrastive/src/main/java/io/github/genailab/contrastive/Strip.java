package io.github.genailab.contrastive;

import io.github.genailab.core.internal.FloatExp;
import java.nio.Buffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A few consecutive rows of one tile of the pair matrix, one Java array per row, in the input's
 * precision: the unit the per-pair kernels work on. Small enough to stay in the L2 cache while a
 * kernel makes several passes over it.
 *
 * <p>Position: rows {@code [row0, row0 + rows)} and columns {@code [col0, col0 + cols)} of the
 * {@code B x N} matrix; local element {@code (r, c)} is pair {@code (row0 + r, col0 + c)}.
 *
 * <p>The bulk operations below are written element by element in double: the exact reference
 * behaviour, used as is for FLOAT64. {@link FloatStrip} overrides them with vectorisable float32 loops.
 */
class Strip {

    private final HostArray[] values;
    private int row0;
    private int rows;
    private int col0;
    private int cols;
    private int slot;

    Strip(Precision precision, int maxRows, int maxCols) {
        values = new HostArray[maxRows];
        for (int r = 0; r < maxRows; r++) {
            values[r] = HostArray.zeros(precision, maxCols);
        }
    }

    /** A strip of at most {@code maxRows x maxCols} values of the given precision. */
    static Strip create(Precision precision, int maxRows, int maxCols) {
        return precision == Precision.FLOAT32 ? new FloatStrip(maxRows, maxCols)
                : new Strip(precision, maxRows, maxCols);
    }

    /**
     * The largest {@code |x|} for which {@link #expAffine} is accurate and {@code exp(x)} a normal
     * number: 87 for float32 ({@link FloatExp}), 700 for float64.
     */
    static double maxExpArgument(Precision precision) {
        return precision == Precision.FLOAT32 ? FloatExp.MAX_ARGUMENT : 700;
    }

    final int row0() {
        return row0;
    }

    final int rows() {
        return rows;
    }

    final int col0() {
        return col0;
    }

    final int cols() {
        return cols;
    }

    /** Which strip of the matrix this is: the same number in every sweep over the same tiles. */
    final int slot() {
        return slot;
    }

    /** Local row {@code r}; its first {@link #cols()} values are the strip's. */
    final HostArray row(int r) {
        return values[r];
    }

    /**
     * Copies rows {@code [first, first + count)} of a heap tile ({@code cols} values per row) into the
     * strip, which then stands for pairs {@code (tileRow0 + first + r, tileCol0 + c)} and is strip
     * number {@code slot}.
     */
    final void load(HostArray tile, int first, int count, int cols, int tileRow0, int tileCol0, int slot) {
        place(first, count, cols, tileRow0, tileCol0, slot);
        for (int r = 0; r < count; r++) {
            System.arraycopy(tile.array(), (first + r) * cols, values[r].array(), 0, cols);
        }
    }

    /** As {@link #load(HostArray, int, int, int, int, int, int)}, from an off-heap {@code rows x cols} tile. */
    final void load(INDArray tile, int first, int count, int cols, int tileRow0, int tileCol0, int slot) {
        place(first, count, cols, tileRow0, tileCol0, slot);
        Buffer buffer = NdBuffers.nio(tile);
        for (int r = 0; r < count; r++) {
            values[r].fromNio(0, buffer, NdBuffers.position(tile, (long) (first + r) * cols), cols);
        }
    }

    /** Writes the strip to rows {@code [first, first + rows())} of a heap tile of the strip's width. */
    final void store(HostArray tile, int first) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values[r].array(), 0, tile.array(), (first + r) * cols, cols);
        }
    }

    /** Writes the strip to rows {@code [first, first + rows())} of an off-heap tile of the strip's width. */
    final void store(INDArray tile, int first) {
        Buffer buffer = NdBuffers.nio(tile);
        for (int r = 0; r < rows; r++) {
            values[r].toNio(0, buffer, NdBuffers.position(tile, (long) (first + r) * cols), cols);
        }
    }

    private void place(int first, int count, int cols, int tileRow0, int tileCol0, int slot) {
        this.slot = slot;
        this.row0 = tileRow0 + first;
        this.rows = count;
        this.col0 = tileCol0;
        this.cols = cols;
    }

    /** Sets local row {@code r} to 0. */
    final void clearRow(int r) {
        values[r].clear(cols);
    }

    final double get(int r, int c) {
        return values[r].get(c);
    }

    final void set(int r, int c, double value) {
        values[r].set(c, value);
    }

    /**
     * Smallest and largest value of the strip.
     *
     * @return {@code {min, max}}; may be rounded outward by a few ulps
     */
    double[] range() {
        double min = get(0, 0);
        double max = min;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                min = Math.min(min, get(r, c));
                max = Math.max(max, get(r, c));
            }
        }
        return new double[] {min, max};
    }

    /**
     * Replaces every value {@code v} by {@code exp(a v + b)}; callers keep {@code |a v + b|} within
     * {@link #maxExpArgument(Precision)}.
     */
    void expAffine(double a, double b) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                set(r, c, Math.exp(a * get(r, c) + b));
            }
        }
    }

    /** Sum of local row {@code r}, accumulated in double. */
    double rowSum(int r) {
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            sum += get(r, c);
        }
        return sum;
    }

    /** {@code acc[at + c] += factor * (sum over the rows of column c)}. */
    void addColumnSums(double[] acc, int at, double factor) {
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += get(r, c);
            }
            acc[at + c] += factor * sum;
        }
    }

    /**
     * Multiplies value {@code (r, c)} by {@code common * (rowFactor[rowAt + r] + colFactor[colAt + c])};
     * each product {@code common * factor} must fit the strip's precision.
     */
    void scale(double common, double[] rowFactor, int rowAt, double[] colFactor, int colAt) {
        for (int r = 0; r < rows; r++) {
            double fr = common * rowFactor[rowAt + r];
            for (int c = 0; c < cols; c++) {
                set(r, c, get(r, c) * (fr + common * colFactor[colAt + c]));
            }
        }
    }

    /**
     * SigLIP's per-pair step on local row {@code r}: every value {@code v} is a negative pair with logit
     * {@code L = t v + bias}, except local column {@code positive} (-1 for none), the row's positive pair,
     * whose logit {@code positiveLogit} the caller computed in double. Replaces each value by
     * {@code g = dl/dL = weight (sigmoid(L) - [positive])} and adds {@code softplus(-z L)} to
     * {@code sums[0]}, {@code g (L - bias)} to {@code sums[1]} and {@code g} to {@code sums[2]}.
     *
     * <p>In the strip's precision: {@link FloatStrip} overrides it with a float32 kernel for the negative
     * pairs, which needs {@code |L| <= }{@link SigmoidPairs#FLOAT_LOGIT_LIMIT}; beyond that, callers use
     * {@link #sigmoidRowExact}.
     */
    void sigmoidRow(int r, double t, double bias, double weight, int positive, double positiveLogit,
                    double[] sums) {
        sigmoidRowExact(r, t, bias, weight, positive, positiveLogit, sums);
    }

    /**
     * {@link #sigmoidRow} in double, for any finite logits, the terms added in column order:
     * {@code softplus(L) = max(L, 0) + log1p(e)} and {@code sigmoid(L) = (L >= 0 ? 1 : e) / (1 + e)} with
     * {@code e = exp(-|L|)}, one exponential per pair, so neither overflows nor cancels.
     */
    final void sigmoidRowExact(int r, double t, double bias, double weight, int positive, double positiveLogit,
                               double[] sums) {
        for (int c = 0; c < cols; c++) {
            if (c == positive) {
                sigmoidPositive(r, c, positiveLogit, bias, weight, sums);
                continue;
            }
            double l = t * get(r, c) + bias;
            double e = Math.exp(-Math.abs(l));
            sums[0] += Math.max(l, 0) + SigmoidPairs.log1p(e);
            double g = (l >= 0 ? 1 : e) / (1 + e) * weight;
            sums[1] += g * (l - bias);
            sums[2] += g;
            set(r, c, g);
        }
    }

    /**
     * The positive pair at local {@code (r, c)} with logit {@code l}, in double: adds
     * {@code softplus(-l)}, {@code g (l - bias)} and {@code g} to {@code sums} and sets the value to
     * {@code g = weight (sigmoid(l) - 1) = -weight (l >= 0 ? e : 1) / (1 + e)}.
     */
    final void sigmoidPositive(int r, int c, double l, double bias, double weight, double[] sums) {
        double e = Math.exp(-Math.abs(l));
        sums[0] += Math.max(-l, 0) + SigmoidPairs.log1p(e);
        double g = -(l >= 0 ? e : 1) / (1 + e) * weight;
        sums[1] += g * (l - bias);
        sums[2] += g;
        set(r, c, g);
    }
}
