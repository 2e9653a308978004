package io.github.genailab.contrastive;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A flat, row-major block of numbers on the Java heap in the precision of the caller's arrays
 * ({@code float[]} for FLOAT32, {@code double[]} for FLOAT64), with bulk transfers to and from ND4J's
 * off-heap buffers.
 *
 * <p>Why the heap: on the virtual machines this library is benchmarked on, the first touch of a fresh
 * off-heap page costs about 13 us (a new 64 MB buffer: 0.2 s), and the C allocator hands large
 * blocks back to the kernel when they are freed, so every call would pay it again. The Java heap keeps
 * its pages, so the large, per-call state (normalised rows, gradients, kept similarity tiles) lives
 * here and only small staging buffers live off-heap.
 *
 * <p>Exactly one of the two arrays exists; every method branches once on which (per call, not per
 * element, except for the element accessors used by the double-precision reference kernels).
 */
final class HostArray {

    private final float[] floats;
    private final double[] doubles;

    private HostArray(float[] floats, double[] doubles) {
        this.floats = floats;
        this.doubles = doubles;
    }

    /** A new block of {@code length} zeros. */
    static HostArray zeros(Precision precision, int length) {
        return precision == Precision.FLOAT32 ? new HostArray(new float[length], null)
                : new HostArray(null, new double[length]);
    }

    /** The backing {@code float[]} or {@code double[]}, for {@link System#arraycopy}. */
    Object array() {
        return floats != null ? floats : doubles;
    }

    /** The backing array of a FLOAT32 block, for vectorised float kernels. */
    float[] floats() {
        return floats;
    }

    /** Sets the first {@code length} values to 0. */
    void clear(int length) {
        if (floats != null) {
            Arrays.fill(floats, 0, length, 0f);
        } else {
            Arrays.fill(doubles, 0, length, 0.0);
        }
    }

    double get(int index) {
        return floats != null ? floats[index] : doubles[index];
    }

    void set(int index, double value) {
        if (floats != null) {
            floats[index] = (float) value;
        } else {
            doubles[index] = value;
        }
    }

    /** Copies {@code length} values from {@code from} to the off-heap positions {@code at, at + 1, ...} of {@code dst}. */
    void toNd(int from, INDArray dst, long at, int length) {
        toNio(from, NdBuffers.nio(dst), NdBuffers.position(dst, at), length);
    }

    /** Copies {@code length} values from the off-heap positions {@code at, ...} of {@code src} to {@code from, ...}. */
    void fromNd(int from, INDArray src, long at, int length) {
        fromNio(from, NdBuffers.nio(src), NdBuffers.position(src, at), length);
    }

    /** Bulk put into a buffer of this precision's type ({@link FloatBuffer} or {@link DoubleBuffer}). */
    void toNio(int from, Buffer dst, int position, int length) {
        if (floats != null) {
            ((FloatBuffer) dst).put(position, floats, from, length);
        } else {
            ((DoubleBuffer) dst).put(position, doubles, from, length);
        }
    }

    /** Bulk get from a buffer of this precision's type. */
    void fromNio(int from, Buffer src, int position, int length) {
        if (floats != null) {
            ((FloatBuffer) src).get(position, floats, from, length);
        } else {
            ((DoubleBuffer) src).get(position, doubles, from, length);
        }
    }

    /** Widens {@code dst.length} values starting at {@code from} into {@code dst}. */
    void widen(int from, double[] dst) {
        if (floats == null) {
            System.arraycopy(doubles, from, dst, 0, dst.length);
            return;
        }
        for (int k = 0; k < dst.length; k++) {
            dst[k] = floats[from + k];
        }
    }

    /** Stores {@code src} (rounded to this precision) at {@code from, from + 1, ...}. */
    void narrow(double[] src, int from) {
        if (floats == null) {
            System.arraycopy(src, 0, doubles, from, src.length);
            return;
        }
        for (int k = 0; k < src.length; k++) {
            floats[from + k] = (float) src[k];
        }
    }
}
