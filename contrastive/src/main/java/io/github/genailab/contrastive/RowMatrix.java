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

    private final int rows;
    private final int cols;

    private RowMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /** Validates a float matrix (non-empty, rectangular, finite) and wraps it. */
    static RowMatrix of(float[][] values, String name) {
        int cols = Checks.finiteMatrix(values, name);
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

    /** Validates a double matrix (non-empty, rectangular, finite) and wraps it. */
    static RowMatrix of(double[][] values, String name) {
        int cols = Checks.finiteMatrix(values, name);
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
