package io.github.genailab.core.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The shared layer: a feature-major batch against its items one by one, Adam, and the shuffle. */
class LinearTest {

    @Test
    void batchForwardIsBitForBitTheSingleForwardAndBackwardAgrees() {
        RandomGenerator rng = Rngs.seeded(3);
        Linear single = Linear.init(5, 3, rng);
        Linear batched = single.copy();
        int batch = 7;
        double[][] items = new double[batch][5];
        double[][] grads = new double[batch][3];
        double[][] x = new double[5][batch];
        double[][] dy = new double[3][batch];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < 5; i++) {
                items[b][i] = rng.nextGaussian();
                x[i][b] = items[b][i];
            }
            for (int o = 0; o < 3; o++) {
                grads[b][o] = rng.nextGaussian();
                dy[o][b] = grads[b][o];
            }
        }
        double[][] y = new double[3][batch];
        batched.forward(x, y, batch);
        double[][] dx = new double[5][batch];
        batched.backward(x, dy, dx, batch);
        for (int b = 0; b < batch; b++) {
            double[] out = new double[3];
            single.forward(items[b], out);
            double[] in = new double[5];
            single.backward(items[b], grads[b], in);
            for (int o = 0; o < 3; o++) {
                assertThat(y[o][b]).isEqualTo(out[o]);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(dx[i][b]).isCloseTo(in[i], within(1e-12));
            }
        }
        for (int p = 0; p < 2; p++) {
            double[] a = single.params().get(p).grad();
            double[] b = batched.params().get(p).grad();
            for (int k = 0; k < a.length; k++) {
                assertThat(b[k]).isCloseTo(a[k], within(1e-12));
            }
        }
        assertThat(single.inputs()).isEqualTo(5);
        assertThat(single.outputs()).isEqualTo(3);
    }

    @Test
    void adamMovesAgainstTheGradientAndClearsIt() {
        Param p = Param.filled(2, 1.0);
        p.grad()[0] = 4;
        p.grad()[1] = -0.5;
        p.adamStep(Adam.KINGMA_BA, 0.1, 1);
        // first bias-corrected step: m_hat / sqrt(v_hat) = sign(g)
        assertThat(p.value()[0]).isCloseTo(0.9, within(1e-8));
        assertThat(p.value()[1]).isCloseTo(1.1, within(1e-8));
        assertThat(p.grad()).containsExactly(0, 0);
        assertThat(p.copy().value()).containsExactly(p.value());
        assertThat(p.size()).isEqualTo(2);
        assertThatThrownBy(() -> new Adam(1, 0.9, 1e-8)).hasMessageContaining("beta1");
        assertThatThrownBy(() -> new Adam(0.9, Double.NaN, 1e-8)).hasMessageContaining("beta2");
        assertThatThrownBy(() -> new Adam(0.9, 0.9, 0)).hasMessageContaining("epsilon");
    }

    @Test
    void shuffleIsASeededPermutation() {
        int[] order = Batches.shuffled(50, Rngs.seeded(1));
        assertThat(order).isEqualTo(Batches.shuffled(50, Rngs.seeded(1)));
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(Batches.shuffled(0, Rngs.seeded(1))).isEmpty();
        assertThatThrownBy(() -> Batches.shuffled(-1, Rngs.seeded(1))).hasMessageContaining("n");
        assertThatThrownBy(() -> Batches.shuffled(3, null)).isInstanceOf(NullPointerException.class);
    }
}
