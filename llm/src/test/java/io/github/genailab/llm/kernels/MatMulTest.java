package io.github.genailab.llm.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MatMulTest {

    private static final int[] ROWS = {1, 3, 4, 5, 9};
    private static final int[] INNER = {1, 7, 33, 300};
    private static final int[] OUTER = {1, 5, 8, 24, 31, 100, 600};

    @Test
    void theTestsRunTheVectorKernel() {
        assertThat(MatMul.kernelName()).isEqualTo("vector");
    }

    @Test
    void bothKernelsGiveTheSameBitsAsEachOtherAndCloseToDouble() {
        RandomGenerator rng = Rngs.seeded(7);
        MatMulKernel portable = new PortableMatMul();
        MatMulKernel fast = MatMulKernel.create();
        for (int rows : ROWS) {
            for (int in : INNER) {
                for (int out : OUTER) {
                    float[] x = random(rng, rows * in);
                    float[] w = random(rng, in * out);
                    float[] bias = out % 2 == 0 ? random(rng, out) : null;
                    float[] a = new float[rows * out];
                    float[] b = new float[rows * out];
                    portable.columns(x, rows, in, w, 0, out, bias, a, 0, out);
                    fast.columns(x, rows, in, w, 0, out, bias, b, 0, out);
                    assertThat(b).as("rows %d in %d out %d", rows, in, out).containsExactly(a);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < out; j++) {
                            double exact = bias == null ? 0 : bias[j];
                            for (int k = 0; k < in; k++) {
                                exact += (double) x[r * in + k] * w[k * out + j];
                            }
                            assertThat((double) a[r * out + j]).isCloseTo(exact, within(1e-5 * Math.sqrt(in + 1) * 10));
                        }
                    }
                }
            }
        }
    }

    @Test
    void wideSingleRowsSpanSeveralStreamingBlocks() {
        RandomGenerator rng = Rngs.seeded(9);
        int in = 6;
        int out = 20_000;
        for (int rows : new int[] {1, 5}) {
            float[] x = random(rng, rows * in);
            float[] w = random(rng, in * out);
            float[] bias = random(rng, out);
            float[] a = new float[rows * out];
            float[] b = new float[rows * out];
            new PortableMatMul().columns(x, rows, in, w, 0, out, bias, a, 0, out);
            MatMulKernel.create().columns(x, rows, in, w, 0, out, bias, b, 0, out);
            assertThat(b).containsExactly(a);
        }
    }

    @Test
    void theThreadSplitDoesNotChangeABit() {
        RandomGenerator rng = Rngs.seeded(8);
        int rows = 6;
        int in = 40;
        int out = 1000;
        float[] x = random(rng, rows * in);
        float[] w = random(rng, in * out);
        float[] bias = random(rng, out);
        float[] one = new float[rows * out];
        float[] three = new float[rows * out];
        try (WorkerPool p1 = new WorkerPool(1); WorkerPool p3 = new WorkerPool(3)) {
            MatMul.multiply(x, rows, in, w, out, bias, one, p1);
            MatMul.multiply(x, rows, in, w, out, bias, three, p3);
        }
        assertThat(three).containsExactly(one);
    }

    private static float[] random(RandomGenerator rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
