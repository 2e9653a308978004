package io.github.genailab.contrastive;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's off-heap buffers as the rest of the package uses them: one flat arena per loss evaluation,
 * cut into C-ordered matrices, and NIO views for bulk copies.
 *
 * <p>Every matrix here is a contiguous C-ordered view, so element {@code (r, c)} of a
 * {@code rows x columns} matrix sits at buffer position {@code offset + r * columns + c}. Touching this
 * class is what loads ND4J's native backend, which is why nothing else in the package refers to
 * {@link Nd4j} before a loss is actually computed.
 */
final class NdBuffers {

    private NdBuffers() {
    }

    static DataType dataType(Precision precision) {
        return precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    /**
     * A new uninitialised flat buffer of {@code length} elements. One allocation for all staging
     * matrices of a call: the C allocator can then recycle it whole on the next call instead of
     * mapping fresh pages. The first arena of the JVM, with ND4J and OpenBLAS now loaded, also checks
     * which kernels OpenBLAS chose ({@link OpenBlasCoreAdvice}).
     */
    static INDArray arena(Precision precision, long length) {
        INDArray arena = Nd4j.createUninitialized(dataType(precision), length);
        OpenBlasCoreAdvice.JVM.consider();
        return arena;
    }

    /** The {@code rows x columns} C-ordered matrix starting at element {@code offset} of {@code arena}. */
    static INDArray matrix(INDArray arena, long offset, int rows, int columns) {
        return Nd4j.create(arena.data(), new long[] {rows, columns}, new long[] {columns, 1}, offset, 'c',
                arena.dataType());
    }

    /**
     * The whole underlying buffer of a matrix as a {@link FloatBuffer} (FLOAT) or {@link DoubleBuffer}
     * (DOUBLE); positions are given by {@link #position}. Creating it costs a JNI call, so callers take
     * it once per bulk transfer, not per row.
     */
    static Buffer nio(INDArray array) {
        return array.dataType() == DataType.FLOAT ? array.data().asNioFloat() : array.data().asNioDouble();
    }

    /** Buffer position of the element {@code at} places after the first element of {@code array}. */
    static int position(INDArray array, long at) {
        return Math.toIntExact(array.offset() + at);
    }
}
