package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forward process: alphaBar, the one-step marginal against the iterated chain, the posterior's closed forms. */
class NoiseScheduleTest {

    @Test
    void linearScheduleIsThePapersAndAlphaBarIsTheRunningProduct() {
        NoiseSchedule s = NoiseSchedule.linear(1000, 1e-4, 0.02);
        double[] betas = s.betas();
        assertThat(betas).hasSize(1000);
        assertThat(betas[0]).isEqualTo(1e-4);
        assertThat(betas[999]).isCloseTo(0.02, within(1e-15));
        assertThat(betas[500]).isCloseTo(1e-4 + (0.02 - 1e-4) * 500 / 999, within(1e-15));
        double[] alphaBar = s.alphaBars();
        double product = 1;
        for (int t = 1; t <= 1000; t++) {
            product *= 1 - betas[t - 1];
            assertThat(alphaBar[t - 1]).isEqualTo(product);
            assertThat(s.alphaBar(t)).isEqualTo(product);
        }
        assertThat(s.alphaBar(0)).isEqualTo(1);
        // the paper (section 4): x_T is close to N(0, I); alphaBar_T = exp(sum log(1 - beta)) ~ 4.0e-5
        assertThat(alphaBar[999]).isCloseTo(4.04e-5, within(0.01e-5));
        assertThat(s.toString()).isEqualTo("NoiseSchedule[linear, T=1000, beta 0.0001000..0.02000, alphaBar_T=4.04e-05]");
        assertThat(NoiseSchedule.linear(1, 0.3, 0.5).betas()).containsExactly(0.3);
    }

    @Test
    void cosineScheduleFollowsNicholAndDhariwal() {
        NoiseSchedule s = NoiseSchedule.cosine(1000, 0.008);
        double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
        for (int t : new int[] {1, 10, 500, 900}) {
            double ft = Math.pow(Math.cos((t / 1000.0 + 0.008) / 1.008 * Math.PI / 2), 2);
            assertThat(s.alphaBar(t)).isCloseTo(ft / f0, within(1e-12));
        }
        // the last betas are clipped at 0.999, so alphaBar_T is the product, not f(T)/f(0) = 0
        assertThat(s.beta(1000)).isEqualTo(NoiseSchedule.COSINE_MAX_BETA);
        assertThat(s.alphaBar(1000)).isPositive().isLessThan(1e-6);
        assertThat(s.kind()).isEqualTo("cosine");
        assertThat(NoiseSchedule.of(new double[] {0.1, 0.2})).isEqualTo(NoiseSchedule.of(new double[] {0.1, 0.2}))
                .hasSameHashCodeAs(NoiseSchedule.of(new double[] {0.1, 0.2})).isNotEqualTo(s);
    }

    /**
     * {@code q(x_t | x_0) = N(sqrt(alphaBar_t) x_0, (1 - alphaBar_t) I)} against t steps of the chain
     * {@code x_s = sqrt(1 - beta_s) x_{s-1} + sqrt(beta_s) eps}: sample mean and variance of 20,000 chains
     * within 4 standard errors (SE of the mean sqrt(v / N), of the variance v sqrt(2 / (N - 1))).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 10, 60, 100})
    void oneStepMarginalMatchesTheIteratedChain(int t) {
        NoiseSchedule s = NoiseSchedule.linear(100, 1e-3, 0.2);
        double[] x0 = {1.5, -0.5};
        int n = 20_000;
        RandomGenerator rng = Rngs.seeded(t);
        double[][] chains = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = x0;
            for (int step = 1; step <= t; step++) {
                x = s.forwardStep(x, step, new double[] {rng.nextGaussian(), rng.nextGaussian()});
            }
            chains[i] = x;
        }
        double v = 1 - s.alphaBar(t);
        for (int k = 0; k < 2; k++) {
            double mean = 0;
            for (double[] x : chains) {
                mean += x[k];
            }
            mean /= n;
            double var = 0;
            for (double[] x : chains) {
                var += (x[k] - mean) * (x[k] - mean);
            }
            var /= n - 1;
            assertThat(mean).isCloseTo(Math.sqrt(s.alphaBar(t)) * x0[k], within(4 * Math.sqrt(v / n)));
            assertThat(var).isCloseTo(v, within(4 * v * Math.sqrt(2.0 / (n - 1))));
        }
        double[] direct = s.diffuse(x0, t, new double[] {0.3, -1.2});
        assertThat(direct[0]).isCloseTo(Math.sqrt(s.alphaBar(t)) * 1.5 + Math.sqrt(v) * 0.3, within(1e-15));
    }

    /**
     * The paper's posterior (eq. 6-7) against Bayes' rule for the Gaussian pair
     * {@code x_{t-1} ~ N(sqrt(alphaBar_{t-1}) x_0, 1 - alphaBar_{t-1})}, {@code x_t | x_{t-1} ~ N(sqrt(alpha_t) x_{t-1}, beta_t)}:
     * precision {@code 1 / (1 - alphaBar_{t-1}) + alpha_t / beta_t}, mean = (prior precision x prior mean +
     * sqrt(alpha_t) x_t / beta_t) / precision.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 37, 500, 1000})
    void posteriorMatchesBayesRule(int t) {
        for (NoiseSchedule s : new NoiseSchedule[] {NoiseSchedule.linear(1000, 1e-4, 0.02), NoiseSchedule.cosine(1000, 0.008)}) {
            double[] x0 = {0.7, -1.1, 0};
            double[] xt = {-0.2, 0.4, 2.5};
            double beta = s.beta(t);
            double priorVar = 1 - s.alphaBar(t - 1);
            double[] mean = s.posteriorMean(x0, xt, t);
            if (t == 1) {
                // x_0 is known exactly: the posterior is a point mass at x_0
                assertThat(s.posteriorVariance(1)).isZero();
                for (int k = 0; k < 3; k++) {
                    assertThat(mean[k]).isCloseTo(x0[k], within(1e-12));
                }
                continue;
            }
            double precision = 1 / priorVar + (1 - beta) / beta;
            assertThat(s.posteriorVariance(t)).isCloseTo(1 / precision, within(1e-12 / precision));
            for (int k = 0; k < 3; k++) {
                double expected = (Math.sqrt(s.alphaBar(t - 1)) * x0[k] / priorVar
                        + Math.sqrt(1 - beta) * xt[k] / beta) / precision;
                assertThat(mean[k]).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
            }
        }
    }
}
