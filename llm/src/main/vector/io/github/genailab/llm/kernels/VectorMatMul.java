package io.github.genailab.llm.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link MatMulKernel} written with the incubating Vector API (JEP 414), used only when the JVM
 * runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p><b>Batched rows</b> (prefill): {@code W} is cut into panels of 256 rows x 3 vectors, each copied
 * once into a contiguous buffer (in L1) and then used by every block of 4 rows; a tile of 4 rows x 3
 * vectors of outputs stays in 12 registers while {@code k} runs over the panel, and per {@code k}
 * 3 vector loads and 4 broadcasts feed 12 fused multiply-adds. Partial sums go back to {@code y}
 * between panels (exactly: a float store and load). Blocking {@code k} also keeps the pages of
 * {@code W} within the TLB: unblocked, a 3,072-row weight with 768 columns (GPT-2's MLP projection)
 * ran at a tenth of the speed, one page walk per row.
 *
 * <p><b>Single rows</b> (decoding, and the last {@code rows mod 4} rows): up to 8,192 accumulators
 * (in L2), and {@code W} streamed four rows at a time, each row segment read once and contiguously:
 * long sequential reads keep the hardware prefetchers ahead (512-column segments read 20 to 40%
 * slower, measured on GPT-2's shapes).
 *
 * <p>Each output is {@code b[j]} followed by {@code acc = fma(w[k][j], x[k], acc)} for
 * {@code k = 0, 1, ...}, in lanes or (for the last columns) with {@link Math#fma}: the same bits as
 * {@link PortableMatMul}. Compiled on its own from {@code src/main/vector} (see this module's
 * {@code pom.xml}) because {@code javac} always warns about incubator modules. Stateless.
 */
final class VectorMatMul implements MatMulKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int ROW_BLOCK = 4;
    /** Columns per pass of the single-row kernel: 32 KB of accumulators, in L2; long sequential reads of W. */
    private static final int STREAM_BLOCK = 8192;
    /** Rows of {@code W} per pass of the batched kernel: its pages stay in the TLB, its strip in L1. */
    private static final int DEPTH_BLOCK = 256;

    @Override
    public void columns(float[] x, int rows, int in, float[] w, int wAt, int out, float[] bias, float[] y, int from,
            int to) {
        int blocked = rows - rows % ROW_BLOCK;
        if (blocked > 0) {
            float[] panel = new float[DEPTH_BLOCK * 3 * L];
            for (int k0 = 0; k0 < in; k0 += DEPTH_BLOCK) {
                int k1 = Math.min(in, k0 + DEPTH_BLOCK);
                float[] start = k0 == 0 ? bias : null;
                int j = from;
                for (; j + 3 * L <= to; j += 3 * L) {
                    pack(w, wAt, out, k0, k1, j, panel);
                    for (int r = 0; r < blocked; r += ROW_BLOCK) {
                        tile(x, r, in, panel, k0, k1, start, k0 > 0, y, out, j);
                    }
                }
                for (; j + L <= to; j += L) {
                    for (int r = 0; r < blocked; r += ROW_BLOCK) {
                        narrowTile(x, r, in, w, wAt, out, start, k0 > 0, y, j, k0, k1);
                    }
                }
                for (; j < to; j++) {
                    for (int r = 0; r < blocked; r++) {
                        int yAt = r * out + j;
                        float acc = k0 > 0 ? y[yAt] : bias == null ? 0f : bias[j];
                        for (int k = k0; k < k1; k++) {
                            acc = Math.fma(x[r * in + k], w[wAt + k * out + j], acc);
                        }
                        y[yAt] = acc;
                    }
                }
            }
        }
        if (blocked < rows) {
            float[] acc = new float[Math.min(STREAM_BLOCK, to - from)];
            for (int r = blocked; r < rows; r++) {
                oneRow(x, r * in, in, w, wAt, out, bias, y, r * out, from, to, acc);
            }
        }
    }

    /** Copies {@code W[k0, k1)[j, j + 3L)} into consecutive rows of {@code 3L} floats. */
    private static void pack(float[] w, int wAt, int out, int k0, int k1, int j, float[] panel) {
        for (int k = k0, p = 0; k < k1; k++, p += 3 * L) {
            System.arraycopy(w, wAt + k * out + j, panel, p, 3 * L);
        }
    }

    /** Rows {@code r..r+3}, columns {@code j..j+3L}: 12 accumulators in registers over the packed panel. */
    private static void tile(float[] x, int r, int in, float[] panel, int k0, int k1, float[] bias, boolean partial,
            float[] y, int out, int j) {
        int x0 = r * in + k0;
        int x1 = x0 + in;
        int x2 = x1 + in;
        int x3 = x2 + in;
        int y0 = r * out + j;
        FloatVector c00 = start(bias, partial, y, y0, j);
        FloatVector c01 = start(bias, partial, y, y0 + L, j + L);
        FloatVector c02 = start(bias, partial, y, y0 + 2 * L, j + 2 * L);
        FloatVector c10 = start(bias, partial, y, y0 + out, j);
        FloatVector c11 = start(bias, partial, y, y0 + out + L, j + L);
        FloatVector c12 = start(bias, partial, y, y0 + out + 2 * L, j + 2 * L);
        FloatVector c20 = start(bias, partial, y, y0 + 2 * out, j);
        FloatVector c21 = start(bias, partial, y, y0 + 2 * out + L, j + L);
        FloatVector c22 = start(bias, partial, y, y0 + 2 * out + 2 * L, j + 2 * L);
        FloatVector c30 = start(bias, partial, y, y0 + 3 * out, j);
        FloatVector c31 = start(bias, partial, y, y0 + 3 * out + L, j + L);
        FloatVector c32 = start(bias, partial, y, y0 + 3 * out + 2 * L, j + 2 * L);
        int depth = k1 - k0;
        for (int k = 0; k < depth; k++) {
            int p = k * 3 * L;
            FloatVector w0 = FloatVector.fromArray(S, panel, p);
            FloatVector w1 = FloatVector.fromArray(S, panel, p + L);
            FloatVector w2 = FloatVector.fromArray(S, panel, p + 2 * L);
            FloatVector v = FloatVector.broadcast(S, x[x0 + k]);
            c00 = w0.fma(v, c00);
            c01 = w1.fma(v, c01);
            c02 = w2.fma(v, c02);
            v = FloatVector.broadcast(S, x[x1 + k]);
            c10 = w0.fma(v, c10);
            c11 = w1.fma(v, c11);
            c12 = w2.fma(v, c12);
            v = FloatVector.broadcast(S, x[x2 + k]);
            c20 = w0.fma(v, c20);
            c21 = w1.fma(v, c21);
            c22 = w2.fma(v, c22);
            v = FloatVector.broadcast(S, x[x3 + k]);
            c30 = w0.fma(v, c30);
            c31 = w1.fma(v, c31);
            c32 = w2.fma(v, c32);
        }
        c00.intoArray(y, y0);
        c01.intoArray(y, y0 + L);
        c02.intoArray(y, y0 + 2 * L);
        c10.intoArray(y, y0 + out);
        c11.intoArray(y, y0 + out + L);
        c12.intoArray(y, y0 + out + 2 * L);
        c20.intoArray(y, y0 + 2 * out);
        c21.intoArray(y, y0 + 2 * out + L);
        c22.intoArray(y, y0 + 2 * out + 2 * L);
        c30.intoArray(y, y0 + 3 * out);
        c31.intoArray(y, y0 + 3 * out + L);
        c32.intoArray(y, y0 + 3 * out + 2 * L);
    }

    /** Rows {@code r..r+3}, one vector of columns from {@code j}, straight from {@code W}. */
    private static void narrowTile(float[] x, int r, int in, float[] w, int wAt, int out, float[] bias,
            boolean partial, float[] y, int j, int k0, int k1) {
        int x0 = r * in;
        int x1 = x0 + in;
        int x2 = x1 + in;
        int x3 = x2 + in;
        int y0 = r * out + j;
        FloatVector c0 = start(bias, partial, y, y0, j);
        FloatVector c1 = start(bias, partial, y, y0 + out, j);
        FloatVector c2 = start(bias, partial, y, y0 + 2 * out, j);
        FloatVector c3 = start(bias, partial, y, y0 + 3 * out, j);
        for (int k = k0, at = wAt + k0 * out + j; k < k1; k++, at += out) {
            FloatVector w0 = FloatVector.fromArray(S, w, at);
            c0 = w0.fma(FloatVector.broadcast(S, x[x0 + k]), c0);
            c1 = w0.fma(FloatVector.broadcast(S, x[x1 + k]), c1);
            c2 = w0.fma(FloatVector.broadcast(S, x[x2 + k]), c2);
            c3 = w0.fma(FloatVector.broadcast(S, x[x3 + k]), c3);
        }
        c0.intoArray(y, y0);
        c1.intoArray(y, y0 + out);
        c2.intoArray(y, y0 + 2 * out);
        c3.intoArray(y, y0 + 3 * out);
    }

    /** The accumulator's start: the partial sum in {@code y}, else the bias, else zero. */
    private static FloatVector start(float[] bias, boolean partial, float[] y, int yAt, int j) {
        if (partial) {
            return FloatVector.fromArray(S, y, yAt);
        }
        return bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    }

    private static void oneRow(float[] x, int xAt, int in, float[] w, int wAt, int out, float[] bias, float[] y,
            int yAt, int from, int to, float[] acc) {
        for (int j0 = from; j0 < to; j0 += STREAM_BLOCK) {
            int width = Math.min(STREAM_BLOCK, to - j0);
            int vectorWidth = width - width % L;
            if (bias == null) {
                java.util.Arrays.fill(acc, 0, width, 0f);
            } else {
                System.arraycopy(bias, j0, acc, 0, width);
            }
            int k = 0;
            for (; k + 4 <= in; k += 4) {
                int a0 = wAt + k * out + j0;
                int a1 = a0 + out;
                int a2 = a1 + out;
                int a3 = a2 + out;
                float s0 = x[xAt + k];
                float s1 = x[xAt + k + 1];
                float s2 = x[xAt + k + 2];
                float s3 = x[xAt + k + 3];
                FloatVector v0 = FloatVector.broadcast(S, s0);
                FloatVector v1 = FloatVector.broadcast(S, s1);
                FloatVector v2 = FloatVector.broadcast(S, s2);
                FloatVector v3 = FloatVector.broadcast(S, s3);
                for (int j = 0; j < vectorWidth; j += L) {
                    FloatVector c = FloatVector.fromArray(S, acc, j);
                    c = FloatVector.fromArray(S, w, a0 + j).fma(v0, c);
                    c = FloatVector.fromArray(S, w, a1 + j).fma(v1, c);
                    c = FloatVector.fromArray(S, w, a2 + j).fma(v2, c);
                    c = FloatVector.fromArray(S, w, a3 + j).fma(v3, c);
                    c.intoArray(acc, j);
                }
                for (int j = vectorWidth; j < width; j++) {
                    acc[j] = Math.fma(s3, w[a3 + j], Math.fma(s2, w[a2 + j], Math.fma(s1, w[a1 + j],
                            Math.fma(s0, w[a0 + j], acc[j]))));
                }
            }
            for (; k < in; k++) {
                int a0 = wAt + k * out + j0;
                float s0 = x[xAt + k];
                FloatVector v0 = FloatVector.broadcast(S, s0);
                for (int j = 0; j < vectorWidth; j += L) {
                    FloatVector.fromArray(S, w, a0 + j).fma(v0, FloatVector.fromArray(S, acc, j)).intoArray(acc, j);
                }
                for (int j = vectorWidth; j < width; j++) {
                    acc[j] = Math.fma(s0, w[a0 + j], acc[j]);
                }
            }
            System.arraycopy(acc, 0, y, yAt + j0, width);
        }
    }
}
