package io.github.genailab.collapse.gaussian;

import static io.github.genailab.collapse.Statistics.assertWithinFourSe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Rngs;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Predictions 1-10, 12, 18 and 19 of docs/collapse-theory.md (1-D Gaussian refits), each a mean over
 * seeded runs within 4 standard errors of the exact (or stated) expectation.
 */
class GaussianPredictionsTest {

    private static final RefitOptions M100 = RefitOptions.defaults().withSamplesPerGeneration(100);

    private static GaussianEnsemble runs(RefitOptions options, int runs, long seed) {
        return RecursiveGaussian.simulateRuns(options, runs, Rngs.seeded(seed), 2);
    }

    /**
     * One prediction: after the options' last refit the theory gives {@code theory} (to
     * {@code tolerance}), and the mean over {@code runs} seeded runs lies within 4 standard errors of
     * {@code target}, given the per-run standard deviation {@code sd}.
     */
    private record Prediction(String name, RefitOptions options, int runs, long seed, GaussianMetric metric,
            double theory, double tolerance, double target, double sd) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Prediction> predictions() {
        RefitOptions mleSufficient = M100.withEstimator(VarianceEstimator.MLE)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        double accumulated = accumulatedMeanError(50);
        double stationary = 200.0 / (100 * (100 + 200));
        return Stream.of(
                new Prediction("1: unbiased ln(var/var0) after 100 generations", M100.withGenerations(100), 1000, 1,
                        GaussianMetric.LOG_VARIANCE_RATIO, -1.01350, 5e-6, -1.01350, 1.4285),
                new Prediction("2: MLE ln(var/var0) after 100 generations",
                        M100.withGenerations(100).withEstimator(VarianceEstimator.MLE), 1000, 2,
                        GaussianMetric.LOG_VARIANCE_RATIO, -2.01854, 5e-6, -2.01854, 1.4285),
                new Prediction("4: MLE variance decays geometrically", mleSufficient.withGenerations(100), 2000, 4,
                        GaussianMetric.VARIANCE, 0.36603, 5e-6, 0.36603, 0.890),
                new Prediction("5: unbiased variance is a martingale", M100.withGenerations(10), 2000, 5,
                        GaussianMetric.VARIANCE, 1.0, 0, 1.0, 0.472),
                new Prediction("6: MLE marginal variance stays exactly 1", mleSufficient.withGenerations(100), 2000, 6,
                        GaussianMetric.MARGINAL_VARIANCE, 1.0, 1e-12, 1.0, 1.83),
                new Prediction("7: unbiased marginal variance grows as 1 + n/M", M100.withGenerations(10), 2000, 7,
                        GaussianMetric.MARGINAL_VARIANCE, 1.10, 1e-12, 1.10, 0.52),
                // the predictions table prints 0.14990; n/M + 2 - 2 c_u^n with scipy (theory_golden.py) is 0.14987186
                new Prediction("8: unbiased W2^2 after 10 generations", M100.withGenerations(10), 2000, 8,
                        GaussianMetric.W2_SQUARED, 0.1498718571954074, 1e-9, 0.14990, 0.1705),
                new Prediction("9: MLE W2^2 tends to twice the variance", mleSufficient.withGenerations(1000), 1000, 9,
                        GaussianMetric.W2_SQUARED, 1.9989481768999495, 1e-9, 1.99894, 2.0),
                new Prediction("18: accumulating data bounds the mean error",
                        M100.withGenerations(50).withWorkflow(Workflow.accumulate()), 2000, 18,
                        GaussianMetric.SQUARED_MEAN_ERROR, accumulated, 1e-15, accumulated, Math.sqrt(2) * accumulated),
                new Prediction("19: fresh data make the mean error stationary", M100.withGenerations(100)
                        .withWorkflow(Workflow.freshData(100)).withSampler(Sampler.SUFFICIENT_STATISTICS), 2000, 19,
                        GaussianMetric.SQUARED_MEAN_ERROR, stationary, 1e-9, stationary, Math.sqrt(2) * stationary));
    }

    /** {@code sum_{s=1..n} 1 / (M s^2)} with M = 100: the accumulate workflow's {@code E (mu_n - mu0)^2}. */
    private static double accumulatedMeanError(int n) {
        double sum = 0;
        for (int s = 1; s <= n; s++) {
            sum += 1.0 / (100.0 * s * s);
        }
        return sum;
    }

    @ParameterizedTest(name = "prediction {0}")
    @MethodSource("predictions")
    void theoryAndRunsAgree(Prediction p) {
        GaussianEnsemble e = runs(p.options(), p.runs(), p.seed());
        int g = p.options().generations();
        assertThat(e.theory().expected(p.metric(), g)).isCloseTo(p.theory(), within(p.tolerance()));
        assertWithinFourSe(e.mean(p.metric())[g], p.target(), p.sd(), p.runs());
    }

    @Test
    void prediction3_longHorizonLogVarianceWithFullSampling() {
        RefitOptions o = RefitOptions.defaults().withSamplesPerGeneration(10).withGenerations(1000);
        GaussianEnsemble e = runs(o, 1000, 3);
        assertThat(e.theory().expected(GaussianMetric.LOG_VARIANCE_RATIO, 1000)).isCloseTo(-115.206, within(5e-4));
        assertThat(e.theory().logVarianceRatioSd()[1000]).isCloseTo(15.77, within(0.01));
        assertWithinFourSe(e.mean(GaussianMetric.LOG_VARIANCE_RATIO)[1000], -115.206, 15.77, 1000);
    }

    @Test
    void prediction10_varianceCollapsesInAlmostEveryRun() {
        for (VarianceEstimator estimator : VarianceEstimator.values()) {
            RefitOptions o = M100.withGenerations(2000).withEstimator(estimator)
                    .withSampler(Sampler.SUFFICIENT_STATISTICS);
            GaussianEnsemble e = runs(o, 1000, 10);
            assertThat(e.fractionBelow(GaussianMetric.LOG_VARIANCE_RATIO, 0)[2000]).isGreaterThan(0.99);
        }
    }

    @Test
    void prediction12_superlinearGrowthKeepsW2Bounded() {
        RefitOptions o = M100.withGenerations(50).withSampleGrowth(2).withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianEnsemble e = runs(o, 2000, 12);
        double expected = e.theory().expected(GaussianMetric.W2_SQUARED, 50);
        assertThat(expected).isCloseTo(0.0244, within(2e-4));
        assertThat(e.theory().expected(GaussianMetric.W2_SQUARED, 10)).isLessThan(0.0247);
        assertWithinFourSe(e.mean(GaussianMetric.W2_SQUARED)[50], expected, 0.026, 2000);
    }

    @Test
    void prediction18_accumulatedMeanErrorStaysBelowTheBaselLimit() {
        assertThat(accumulatedMeanError(50)).isLessThan(Math.PI * Math.PI / 6 / 100);
    }
}
