package io.github.genailab.collapse;

import static io.github.genailab.collapse.Statistics.assertWithinFourSe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Predictions 1-10, 12, 18 and 19 of the reference notes §4 (1-D Gaussian refits), each a mean over
 * seeded runs within 4 standard errors of the exact (or stated) expectation.
 */
class GaussianPredictionsTest {

    private static final RefitOptions M100 = RefitOptions.defaults().withSamplesPerGeneration(100);

    private static GaussianEnsemble runs(RefitOptions options, int runs, long seed) {
        return RecursiveGaussian.simulateRuns(options, runs, Rngs.seeded(seed), 2);
    }

    @Test
    void prediction1_unbiasedLogVarianceAfter100Generations() {
        RefitOptions o = M100.withGenerations(100);
        GaussianEnsemble e = runs(o, 1000, 1);
        assertThat(o.generations()).isEqualTo(100);
        assertThat(e.theory().expected(GaussianMetric.LOG_VARIANCE_RATIO, 100)).isCloseTo(-1.01350, within(5e-6));
        assertWithinFourSe(e.mean(GaussianMetric.LOG_VARIANCE_RATIO)[100], -1.01350, 1.4285, 1000);
    }

    @Test
    void prediction2_mleLogVarianceAfter100Generations() {
        RefitOptions o = M100.withGenerations(100).withEstimator(VarianceEstimator.MLE);
        GaussianEnsemble e = runs(o, 1000, 2);
        assertThat(e.theory().expected(GaussianMetric.LOG_VARIANCE_RATIO, 100)).isCloseTo(-2.01854, within(5e-6));
        assertWithinFourSe(e.mean(GaussianMetric.LOG_VARIANCE_RATIO)[100], -2.01854, 1.4285, 1000);
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
    void prediction4_mleVarianceDecaysGeometrically() {
        RefitOptions o = M100.withGenerations(100).withEstimator(VarianceEstimator.MLE)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianEnsemble e = runs(o, 2000, 4);
        assertThat(e.theory().expected(GaussianMetric.VARIANCE, 100)).isCloseTo(0.36603, within(5e-6));
        assertWithinFourSe(e.mean(GaussianMetric.VARIANCE)[100], 0.36603, 0.890, 2000);
    }

    @Test
    void prediction5_unbiasedVarianceIsAMartingale() {
        GaussianEnsemble e = runs(M100.withGenerations(10), 2000, 5);
        assertThat(e.theory().expected(GaussianMetric.VARIANCE, 10)).isEqualTo(1.0);
        assertWithinFourSe(e.mean(GaussianMetric.VARIANCE)[10], 1.0, 0.472, 2000);
    }

    @Test
    void prediction6_mleMarginalVarianceStaysExactlyOne() {
        RefitOptions o = M100.withGenerations(100).withEstimator(VarianceEstimator.MLE)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianEnsemble e = runs(o, 2000, 6);
        assertThat(e.theory().expected(GaussianMetric.MARGINAL_VARIANCE, 100)).isCloseTo(1.0, within(1e-12));
        assertWithinFourSe(e.mean(GaussianMetric.MARGINAL_VARIANCE)[100], 1.0, 1.83, 2000);
    }

    @Test
    void prediction7_unbiasedMarginalVarianceGrowsAsOnePlusNOverM() {
        GaussianEnsemble e = runs(M100.withGenerations(10), 2000, 7);
        assertThat(e.theory().expected(GaussianMetric.MARGINAL_VARIANCE, 10)).isCloseTo(1.10, within(1e-12));
        assertWithinFourSe(e.mean(GaussianMetric.MARGINAL_VARIANCE)[10], 1.10, 0.52, 2000);
    }

    @Test
    void prediction8_unbiasedW2AfterTenGenerations() {
        GaussianEnsemble e = runs(M100.withGenerations(10), 2000, 8);
        // the notes print 0.14990; n/M + 2 - 2 c_u^n evaluated with scipy (theory_golden.py) is 0.14987186
        assertThat(e.theory().expected(GaussianMetric.W2_SQUARED, 10)).isCloseTo(0.1498718571954074, within(1e-9));
        assertWithinFourSe(e.mean(GaussianMetric.W2_SQUARED)[10], 0.14990, 0.1705, 2000);
    }

    @Test
    void prediction9_mleW2TendsToTwiceTheVariance() {
        RefitOptions o = M100.withGenerations(1000).withEstimator(VarianceEstimator.MLE)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianEnsemble e = runs(o, 1000, 9);
        assertThat(e.theory().expected(GaussianMetric.W2_SQUARED, 1000)).isCloseTo(1.9989481768999495, within(1e-9));
        assertWithinFourSe(e.mean(GaussianMetric.W2_SQUARED)[1000], 1.99894, 2.0, 1000);
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
    void prediction18_accumulatingDataBoundsTheMeanError() {
        RefitOptions o = M100.withGenerations(50).withWorkflow(Workflow.accumulate());
        GaussianEnsemble e = runs(o, 2000, 18);
        double expected = 0;
        for (int s = 1; s <= 50; s++) {
            expected += 1.0 / (100.0 * s * s);
        }
        assertThat(e.theory().expected(GaussianMetric.SQUARED_MEAN_ERROR, 50)).isCloseTo(expected, within(1e-15));
        assertWithinFourSe(e.mean(GaussianMetric.SQUARED_MEAN_ERROR)[50], expected, Math.sqrt(2) * expected, 2000);
        assertThat(expected).isLessThan(Math.PI * Math.PI / 6 / 100);
    }

    @Test
    void prediction19_freshDataMakesTheMeanErrorStationary() {
        RefitOptions o = M100.withGenerations(100).withWorkflow(Workflow.freshData(100))
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianEnsemble e = runs(o, 2000, 19);
        double stationary = 200.0 / (100 * (100 + 200));
        assertThat(e.theory().expected(GaussianMetric.SQUARED_MEAN_ERROR, 100)).isCloseTo(stationary, within(1e-9));
        assertWithinFourSe(e.mean(GaussianMetric.SQUARED_MEAN_ERROR)[100], stationary, Math.sqrt(2) * stationary,
                2000);
    }
}
