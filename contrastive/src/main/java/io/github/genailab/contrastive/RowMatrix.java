package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;
import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Read-only, row-wise view of a caller's {@code float[][]} or {@code double[][]} embedding matrix, so
 * that one code path serves both precisions without copying the caller's data.
 */
abstract class RowMatrix {

    /**
     * The largest magnitude of a double embedding entry: inner products and norms of such rows stay far
     * from overflow (|x| <= 1e100 gives x.x <= D * 1e200). Larger finite values are refused rather than
     * turned into NaN losses; float32 entries are always within range.
     */
    static final double MAX_MAGNITUDE = 1e100;

    /** The most entries a matrix may have: the gradients are returned in flat arrays. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private final int rows;
    private final int cols;

    private RowMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /** Validates a float matrix (non-empty, rectangular, finite, not too large) and wraps it. */
    static RowMatrix of(float[][] values, String name) {
        int cols = Checks.finiteMatrix(values, name);
        checkSize(values.length, cols, name);
        return new RowMatrix(values.length, cols) {
            @Override
            void row(int i, double[] dst) {
                float[] src = values[i];
                for (int j = 0; j < src.length; j++) {
                    dst[j] = src[j];
                }
            }

            @Override
            void toNio(int i, Buffer dst, int position) {
                ((FloatBuffer) dst).put(position, values[i]);
            }

            @Override
            Precision precision() {
                return Precision.FLOAT32;
            }
        };
    }

    /** Validates a double matrix (non-empty, rectangular, finite, within {@link #MAX_MAGNITUDE}) and wraps it. */
    static RowMatrix of(double[][] values, String name) {
        int cols = Checks.finiteMatrix(values, name);
        checkSize(values.length, cols, name);
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (Math.abs(values[i][j]) > MAX_MAGNITUDE) {
                    throw Checks.fail(name + "[" + i + "][" + j + "]", "have magnitude <= " + MAX_MAGNITUDE
                            + " (inner products must stay finite; rescale the embeddings)", values[i][j]);
                }
            }
        }
        return new RowMatrix(values.length, cols) {
            @Override
            void row(int i, double[] dst) {
                System.arraycopy(values[i], 0, dst, 0, dst.length);
            }

            @Override
            void toNio(int i, Buffer dst, int position) {
                ((DoubleBuffer) dst).put(position, values[i]);
            }

            @Override
            Precision precision() {
                return Precision.FLOAT64;
            }
        };
    }

    private static void checkSize(int rows, int cols, String name) {
        if ((long) rows * cols > MAX_ENTRIES) {
            throw Checks.fail(name + " rows * columns", "be <= " + MAX_ENTRIES + " (gradients are flat arrays)",
                    (long) rows * cols);
        }
    }

    /**
     * Checks that image and text embeddings pair up: same number of rows and of columns.
     *
     * @throws IllegalArgumentException naming {@code text} if the shapes differ
     */
    static void requirePairs(RowMatrix image, RowMatrix text) {
        if (text.rows != image.rows) {
            throw Checks.fail("text", "have as many rows as image (" + image.rows + ")", text.rows + " rows");
        }
        if (text.cols != image.cols) {
            throw Checks.fail("text", "have as many columns as image (" + image.cols + ")", text.cols + " columns");
        }
    }

    final int rows() {
        return rows;
    }

    final int cols() {
        return cols;
    }

    /** Copies row {@code i} into {@code dst} (length {@link #cols()}), widened to double. */
    abstract void row(int i, double[] dst);

    /** Copies row {@code i} as is into a buffer of this precision's type, starting at {@code position}. */
    abstract void toNio(int i, Buffer dst, int position);

    /** The precision of the caller's array, which is the precision the kernels compute in. */
    abstract Precision precision();
}
