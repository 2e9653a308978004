package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.internal.nn.Param;
import io.github.genailab.core.math.Rngs;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gradient of L_simple through the noise predictor against central finite differences. */
class LossGradientTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void analyticGradientMatchesFiniteDifferences(int classes) {
        RandomGenerator rng = Rngs.seeded(21 + classes);
        DdpmOptions options = DdpmOptions.defaults().withSchedule(NoiseSchedule.linear(50, 1e-3, 0.3))
                .withHiddenUnits(6).withHiddenLayers(2).withTimeEmbedding(4);
        NoisePredictor net = NoisePredictor.init(3, classes, options, rng);
        int m = 5;
        double[][] xt = new double[3][m];
        double[][] noise = new double[3][m];
        int[] t = new int[m];
        int[] labels = new int[m];
        for (int b = 0; b < m; b++) {
            t[b] = 1 + rng.nextInt(50);
            labels[b] = classes == 0 ? -1 : rng.nextInt(classes + 1);
            for (int k = 0; k < 3; k++) {
                xt[k][b] = rng.nextGaussian();
                noise[k][b] = rng.nextGaussian();
            }
        }
        NoisePredictor.Workspace ws = net.workspace(m);
        int[] cond = classes == 0 ? null : labels;
        Ddpm.lossAndGradient(net, ws, xt, t, cond, noise, m);
        List<Param> params = net.params();
        List<double[]> gradients = params.stream().map(p -> p.grad().clone()).toList();
        int checked = 0;
        for (int q = 0; q < params.size(); q++) {
            double[] analytic = gradients.get(q);
            double[] value = params.get(q).value();
            for (int k = 0; k < value.length; k += 3) {
                double saved = value[k];
                double h = 1e-5;
                value[k] = saved + h;
                double up = lossOnly(net, ws, xt, t, cond, noise, m);
                value[k] = saved - h;
                double down = lossOnly(net, ws, xt, t, cond, noise, m);
                value[k] = saved;
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[k]).as("param entry %d", k)
                        .isCloseTo(numeric, within(1e-7 + 1e-5 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    private static double lossOnly(NoisePredictor net, NoisePredictor.Workspace ws, double[][] xt, int[] t, int[] labels,
                                   double[][] noise, int m) {
        double loss = Ddpm.lossAndGradient(net, ws, xt, t, labels, noise, m);
        net.params().forEach(p -> java.util.Arrays.fill(p.grad(), 0));
        return loss;
    }
}
