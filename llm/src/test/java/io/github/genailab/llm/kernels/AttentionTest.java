package io.github.genailab.llm.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private static final int HEADS = 4;
    private static final int KV_HEADS = 2;
    private static final int D = 8;
    private static final int START = 10;
    private static final int ROWS = 300;
    private static final int CAPACITY = 320;

    private final RandomGenerator rng = Rngs.seeded(11);
    private final float[] q = random(ROWS * HEADS * D);
    private final float[] keys = random(KV_HEADS * D * CAPACITY);
    private final float[] values = random(CAPACITY * KV_HEADS * D);

    @Test
    void matchesADoublePrecisionDefinitionWithGroupedHeads() {
        float[] out = new float[ROWS * HEADS * D];
        try (WorkerPool pool = new WorkerPool(2)) {
            Attention.causal(q, ROWS, HEADS * D, HEADS, KV_HEADS, D, keys, CAPACITY, values, START, out, pool);
        }
        for (int t = 0; t < ROWS; t += 37) {
            for (int h = 0; h < HEADS; h++) {
                int g = h / (HEADS / KV_HEADS);
                int visible = START + t + 1;
                double[] p = new double[visible];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < visible; s++) {
                    double dot = 0;
                    for (int i = 0; i < D; i++) {
                        dot += (double) q[t * HEADS * D + h * D + i] * keys[(g * D + i) * CAPACITY + s];
                    }
                    p[s] = dot / Math.sqrt(D);
                    max = Math.max(max, p[s]);
                }
                double sum = 0;
                for (int s = 0; s < visible; s++) {
                    p[s] = Math.exp(p[s] - max);
                    sum += p[s];
                }
                for (int i = 0; i < D; i++) {
                    double expected = 0;
                    for (int s = 0; s < visible; s++) {
                        expected += p[s] / sum * values[s * KV_HEADS * D + g * D + i];
                    }
                    assertThat((double) out[t * HEADS * D + h * D + i]).as("row %d head %d", t, h)
                            .isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @Test
    void aBatchOfRowsGivesTheBitsOfOneRowAtATime() {
        float[] batched = new float[ROWS * HEADS * D];
        try (WorkerPool pool = new WorkerPool(1)) {
            Attention.causal(q, ROWS, HEADS * D, HEADS, KV_HEADS, D, keys, CAPACITY, values, START, batched, pool);
            for (int t = 0; t < ROWS; t += 29) {
                float[] row = new float[HEADS * D];
                float[] query = java.util.Arrays.copyOfRange(q, t * HEADS * D, (t + 1) * HEADS * D);
                Attention.causal(query, 1, HEADS * D, HEADS, KV_HEADS, D, keys, CAPACITY, values, START + t, row, pool);
                for (int i = 0; i < row.length; i++) {
                    assertThat(row[i] == batched[t * HEADS * D + i]).as("row %d element %d", t, i).isTrue();
                }
            }
        }
    }

    private float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
