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
}
