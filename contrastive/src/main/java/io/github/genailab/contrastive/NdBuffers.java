package io.github.genailab.contrastive;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves row-major blocks between Java {@code double[]} scratch arrays and ND4J's off-heap buffers.
 *
 * <p>Every array passed here was created by {@link #matrix} or {@link #zeros}: C-ordered, not a
 * view, so element {@code (r, c)} sits at buffer position {@code r * columns + c}. Touching this class
 * is what loads ND4J's native backend, which is why nothing else in the package refers to
 * {@link Nd4j} before a loss is actually computed.
 */
final class NdBuffers {

    private NdBuffers() {
    }

    static DataType dataType(Precision precision) {
        return precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** A new uninitialised {@code rows x columns} matrix. */
    static INDArray matrix(Precision precision, int rows, int columns) {
        return Nd4j.createUninitialized(dataType(precision), rows, columns);
    }

    /** A new {@code rows x columns} matrix of zeros. */
    static INDArray zeros(Precision precision, int rows, int columns) {
        return Nd4j.zeros(dataType(precision), rows, columns);
    }

    /** Copies {@code length} elements starting at buffer position {@code from} into {@code dst}. */
    static void read(INDArray array, long from, double[] dst, int length) {
        int start = Math.toIntExact(from);
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer buffer = array.data().asNioFloat();
            for (int k = 0; k < length; k++) {
                dst[k] = buffer.get(start + k);
            }
        } else {
            array.data().asNioDouble().get(start, dst, 0, length);
        }
    }

    /** Copies {@code length} elements of {@code src} to buffer positions {@code from, from + 1, ...}. */
    static void write(INDArray array, long from, double[] src, int length) {
        int start = Math.toIntExact(from);
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer buffer = array.data().asNioFloat();
            for (int k = 0; k < length; k++) {
                buffer.put(start + k, (float) src[k]);
            }
        } else {
            DoubleBuffer buffer = array.data().asNioDouble();
            buffer.put(start, src, 0, length);
        }
    }
}
