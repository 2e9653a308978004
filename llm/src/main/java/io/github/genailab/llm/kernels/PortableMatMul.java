package io.github.genailab.llm.kernels;

/**
 * The portable {@link MatMulKernel}: plain Java, four rows of {@code X} per pass over a 512-column by
 * 256-row panel of {@code W}, the accumulators in per-row scratch arrays. HotSpot C2 (JDK 17) does
 * not vectorise these loops (they run at the same speed with {@code -XX:-UseSuperWord}, about 6 to 9
 * GFLOP/s per core on the build machine), presumably because it cannot prove that the accumulator and
 * weight arrays, both {@code float[]}, never overlap; the Vector API kernel is several times faster on
 * batched input.
 */
final class PortableMatMul implements MatMulKernel {

    private static final int COLUMN_BLOCK = 512;
    private static final int DEPTH_BLOCK = 256;
    private static final int ROW_BLOCK = 4;

    @Override
    public void columns(float[] x, int rows, int in, float[] w, int wAt, int out, float[] bias, float[] y,
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
                        fourRows(x, r0 * in, in, w, wAt, out, j0, width, k0, k1, acc);
                    } else {
                        for (int r = 0; r < block; r++) {
                            oneRow(x, (r0 + r) * in, w, wAt, out, j0, width, k0, k1, acc[r]);
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

    private static void oneRow(float[] x, int xAt, float[] w, int wAt, int out, int j0, int width, int k0, int k1,
            float[] a) {
        int k = k0;
        for (; k + 4 <= k1; k += 4) {
            float x0 = x[xAt + k];
            float x1 = x[xAt + k + 1];
            float x2 = x[xAt + k + 2];
            float x3 = x[xAt + k + 3];
            int w0 = wAt + k * out + j0;
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
            int w0 = wAt + k * out + j0;
            for (int j = 0; j < width; j++) {
                a[j] = Math.fma(x0, w[w0 + j], a[j]);
            }
        }
    }

    private static void fourRows(float[] x, int xAt, int in, float[] w, int wAt, int out, int j0, int width,
            int k0, int k1, float[][] acc) {
        float[] a0 = acc[0];
        float[] a1 = acc[1];
        float[] a2 = acc[2];
        float[] a3 = acc[3];
        int k = k0;
        for (; k + 2 <= k1; k += 2) {
            int w0 = wAt + k * out + j0;
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
            int w0 = wAt + k * out + j0;
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
