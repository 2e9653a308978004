package io.github.genailab.llm.kernels;

/**
 * The one matrix product of the engine, {@code Y = X W + b}, with the weight stored input-major
 * ({@code W[k][j]} at {@code w[k * out + j]}: Conv1D's layout, and the transpose of
 * {@code torch.nn.Linear}'s, which the loaders transpose once).
 *
 * <p>Written so that C2 auto-vectorises the innermost loop: every output row is a sum of scaled rows
 * of {@code W} ({@code y[j] += x[k] * w[k][j]}), so the innermost loop runs along contiguous
 * columns. Four rows of {@code X} share each loaded slice of {@code W}, and four values of {@code k}
 * are fused per pass over the accumulators, which live in small scratch arrays (one per row, so C2
 * sees no aliasing) sized to stay in L1; {@code W} is walked in 512-column by 256-row panels that
 * stay in L2. With one row (decoding) it is a matrix-vector product that reads each weight once.
 *
 * <p>Determinism: each output is {@code b[j]} followed by fused multiply-adds over {@code k = 0, 1,
 * ...} in order ({@link Math#fma}), whatever the blocking and thread split, so every thread count
 * gives the same bits. Threads split the columns. Cost: {@code 2 * rows * in * out} flops.
 */
public final class MatMul {

    private static final int COLUMN_BLOCK = 512;
    private static final int DEPTH_BLOCK = 256;
    private static final int ROW_BLOCK = 4;

    private MatMul() {
    }

    /**
     * Computes {@code y[r][j] = bias[j] + sum_k x[r][k] * w[k][j]}.
     *
     * @param x the input, {@code rows x in} row-major
     * @param rows the number of rows
     * @param in the inner dimension
     * @param w the weight, {@code in x out} row-major
     * @param out the number of output columns
     * @param bias the bias of length {@code out}, or null for none
     * @param y the output, {@code rows x out} row-major (overwritten)
     * @param pool the threads that split the columns
     */
    public static void multiply(float[] x, int rows, int in, float[] w, int out, float[] bias, float[] y,
            WorkerPool pool) {
        pool.forRange(out, 64, (from, to) -> columns(x, rows, in, w, out, bias, y, from, to));
    }

    private static void columns(float[] x, int rows, int in, float[] w, int out, float[] bias, float[] y,
            int from, int to) {
        float[][] acc = new float[ROW_BLOCK][COLUMN_BLOCK];
        for (int j0 = from; j0 < to; j0 += COLUMN_BLOCK) {
            int width = Math.min(COLUMN_BLOCK, to - j0);
            for (int k0 = 0; k0 < in; k0 += DEPTH_BLOCK) {
                int k1 = Math.min(in, k0 + DEPTH_BLOCK);
                for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
                    int block = Math.min(ROW_BLOCK, rows - r0);
                    for (int r = 0; r < block; r++) {
                        load(acc[r], y, (r0 + r) * out + j0, width, k0 == 0 ? bias : null, j0, k0 == 0);
                    }
                    if (block == ROW_BLOCK) {
                        fourRows(x, r0 * in, in, w, out, j0, width, k0, k1, acc);
                    } else {
                        for (int r = 0; r < block; r++) {
                            oneRow(x, (r0 + r) * in, w, out, j0, width, k0, k1, acc[r]);
                        }
                    }
                    for (int r = 0; r < block; r++) {
                        System.arraycopy(acc[r], 0, y, (r0 + r) * out + j0, width);
                    }
                }
            }
        }
    }

    private static void load(float[] acc, float[] y, int at, int width, float[] bias, int j0, boolean first) {
        if (!first) {
            System.arraycopy(y, at, acc, 0, width);
        } else if (bias != null) {
            System.arraycopy(bias, j0, acc, 0, width);
        } else {
            java.util.Arrays.fill(acc, 0, width, 0f);
        }
    }

    private static void oneRow(float[] x, int xAt, float[] w, int out, int j0, int width, int k0, int k1,
            float[] a) {
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            float x0 = x[xAt + k];
            float x1 = x[xAt + k + 1];
            float x2 = x[xAt + k + 2];
            float x3 = x[xAt + k + 3];
            int w0 = k * out + j0;
            int w1 = w0 + out;
            int w2 = w1 + out;
            int w3 = w2 + out;
            for (int j = 0; j < width; j++) {
                a[j] = Math.fma(x3, w[w3 + j], Math.fma(x2, w[w2 + j], Math.fma(x1, w[w1 + j],
                        Math.fma(x0, w[w0 + j], a[j]))));
            }
        }
        for (; k < k1; k++) {
            float x0 = x[xAt + k];
            int w0 = k * out + j0;
            for (int j = 0; j < width; j++) {
                a[j] = Math.fma(x0, w[w0 + j], a[j]);
            }
        }
    }

    private static void fourRows(float[] x, int xAt, int in, float[] w, int out, int j0, int width, int k0,
            int k1, float[][] acc) {
        float[] a0 = acc[0];
        float[] a1 = acc[1];
        float[] a2 = acc[2];
        float[] a3 = acc[3];
        int k = k0;
        for (; k + 2 <= k1; k += 2) {
            int w0 = k * out + j0;
            int w1 = w0 + out;
            float x00 = x[xAt + k];
            float x01 = x[xAt + k + 1];
            float x10 = x[xAt + in + k];
            float x11 = x[xAt + in + k + 1];
            float x20 = x[xAt + 2 * in + k];
            float x21 = x[xAt + 2 * in + k + 1];
            float x30 = x[xAt + 3 * in + k];
            float x31 = x[xAt + 3 * in + k + 1];
            for (int j = 0; j < width; j++) {
                float v0 = w[w0 + j];
                float v1 = w[w1 + j];
                a0[j] = Math.fma(x01, v1, Math.fma(x00, v0, a0[j]));
                a1[j] = Math.fma(x11, v1, Math.fma(x10, v0, a1[j]));
                a2[j] = Math.fma(x21, v1, Math.fma(x20, v0, a2[j]));
                a3[j] = Math.fma(x31, v1, Math.fma(x30, v0, a3[j]));
            }
        }
        for (; k < k1; k++) {
            int w0 = k * out + j0;
            float x00 = x[xAt + k];
            float x10 = x[xAt + in + k];
            float x20 = x[xAt + 2 * in + k];
            float x30 = x[xAt + 3 * in + k];
            for (int j = 0; j < width; j++) {
                float v0 = w[w0 + j];
                a0[j] = Math.fma(x00, v0, a0[j]);
                a1[j] = Math.fma(x10, v0, a1[j]);
                a2[j] = Math.fma(x20, v0, a2[j]);
                a3[j] = Math.fma(x30, v0, a3[j]);
            }
        }
    }
}
