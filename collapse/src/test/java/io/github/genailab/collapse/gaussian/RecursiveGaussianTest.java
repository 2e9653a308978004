package io.github.genailab.collapse.gaussian;

import static io.github.genailab.collapse.Statistics.assertWithinFourSe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.GaussianMetrics;
import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Statistics;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Rngs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecursiveGaussianTest {

    @Test
    void indexZeroIsTheOriginalDistribution() {
        RefitOptions o = RefitOptions.defaults().withMean(3).withVariance(4).withGenerations(5);
        GaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(1));
        assertThat(t.means()).hasSize(6);
        assertThat(t.means()[0]).isEqualTo(3);
        assertThat(t.variances()[0]).isEqualTo(4);
        assertThat(t.w2Squared()[0]).isZero();
        assertThat(t.klModelToOriginal()[0]).isZero();
        assertThat(t.tailMass()[0]).isCloseTo(0.0026997960632601866, within(1e-12));
        assertThat(t.generation(0).sampleSize()).isZero();
        assertThat(t.generation(3).sampleSize()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void sameSeedSameTrajectoryAndThreadsDoNotChangeResults(Sampler sampler) {
        RefitOptions o = RefitOptions.defaults().withGenerations(30).withSampler(sampler);
        assertThat(RecursiveGaussian.simulate(o, Rngs.seeded(2))).isEqualTo(RecursiveGaussian.simulate(o,
                Rngs.seeded(2)));
        assertThat(RecursiveGaussian.simulate(o, Rngs.seeded(2))).isNotEqualTo(RecursiveGaussian.simulate(o,
                Rngs.seeded(3)));
        GaussianEnsemble sequential = RecursiveGaussian.simulateRuns(o, 40, Rngs.seeded(4), 1);
        GaussianEnsemble parallel = RecursiveGaussian.simulateRuns(o, 40, Rngs.seeded(4), 3);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.mean(GaussianMetric.W2_SQUARED))
                .containsExactly(sequential.mean(GaussianMetric.W2_SQUARED));
    }

    @Test
    void progressListenerSeesEveryRunInOrder() {
        List<Long> seen = new ArrayList<>();
        RecursiveGaussian.simulateRuns(RefitOptions.defaults().withGenerations(3), 17, Rngs.seeded(5), 3,
                (stage, done, total) -> {
                    assertThat(stage).isEqualTo("runs");
                    assertThat(total).isEqualTo(17);
                    seen.add(done);
                });
        assertThat(seen).hasSize(17).isSorted().startsWith(1L).endsWith(17L);
    }

    @Test
    void fullAndSufficientStatisticSamplersAgreeInDistribution() {
        RefitOptions o = RefitOptions.defaults().withSamplesPerGeneration(20).withGenerations(40);
        GaussianEnsemble full = RecursiveGaussian.simulateRuns(o, 2000, Rngs.seeded(6), 2);
        GaussianEnsemble fast = RecursiveGaussian.simulateRuns(o.withSampler(Sampler.SUFFICIENT_STATISTICS), 2000,
                Rngs.seeded(7), 2);
        for (GaussianMetric metric : new GaussianMetric[] {GaussianMetric.LOG_VARIANCE_RATIO,
            GaussianMetric.SQUARED_MEAN_ERROR, GaussianMetric.TAIL_MASS, GaussianMetric.W2_SQUARED}) {
            double difference = full.mean(metric)[40] - fast.mean(metric)[40];
            double se = Math.hypot(full.standardError(metric)[40], fast.standardError(metric)[40]);
            assertThat(Math.abs(difference)).as(metric.column()).isLessThanOrEqualTo(4 * se);
        }
    }

    @Test
    void samplingBiasAddsTwoLogLambdaPerGeneration() {
        RefitOptions o = RefitOptions.defaults().withGenerations(20).withSamplingScale(0.9)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        GaussianTheory theory = new GaussianTheory(o);
        double unbiasedDrift = new GaussianTheory(o.withSamplingScale(1)).expected(GaussianMetric.LOG_VARIANCE_RATIO,
                20);
        assertThat(theory.expected(GaussianMetric.LOG_VARIANCE_RATIO, 20))
                .isCloseTo(unbiasedDrift + 19 * 2 * Math.log(0.9), within(1e-12));
        GaussianEnsemble e = RecursiveGaussian.simulateRuns(o, 2000, Rngs.seeded(8), 2);
        assertWithinFourSe(e.mean(GaussianMetric.LOG_VARIANCE_RATIO)[20],
                theory.expected(GaussianMetric.LOG_VARIANCE_RATIO, 20), theory.logVarianceRatioSd()[20], 2000);
        assertWithinFourSe(e.mean(GaussianMetric.VARIANCE)[20], theory.expected(GaussianMetric.VARIANCE, 20),
                e.standardError(GaussianMetric.VARIANCE)[20] * Math.sqrt(2000), 2000);
    }

    @Test
    void keepingTenPercentOfTheOriginalDataMakesTheErrorStationary() {
        RefitOptions o = RefitOptions.defaults().withGenerations(100).withWorkflow(Workflow.keepOriginal(0.1));
        GaussianEnsemble e = RecursiveGaussian.simulateRuns(o, 1000, Rngs.seeded(9), 2);
        double expected = e.theory().expected(GaussianMetric.SQUARED_MEAN_ERROR, 100);
        assertThat(expected).isCloseTo(0.01 + 0.0521, within(2e-4));
        // first-order theory (variance assumed constant): allow 15% model error on top of 4 SE
        assertWithinFourSe(e.mean(GaussianMetric.SQUARED_MEAN_ERROR)[100], expected,
                e.standardError(GaussianMetric.SQUARED_MEAN_ERROR)[100] * Math.sqrt(1000), 1000, 0.15 * expected);
        assertThat(e.median(GaussianMetric.LOG_VARIANCE_RATIO)[100]).isGreaterThan(-0.3);
    }

    @Test
    void accumulateSubsampleStaysBoundedAndReplaceDoesNot() {
        RefitOptions o = RefitOptions.defaults().withGenerations(100);
        GaussianEnsemble pooled = RecursiveGaussian.simulateRuns(o.withWorkflow(Workflow.accumulateSubsample()), 300,
                Rngs.seeded(10), 2);
        GaussianEnsemble replaced = RecursiveGaussian.simulateRuns(o, 300, Rngs.seeded(10), 2);
        assertThat(pooled.theory().expected(GaussianMetric.SQUARED_MEAN_ERROR, 100)).isNaN();
        assertThat(pooled.mean(GaussianMetric.W2_SQUARED)[100]).isLessThan(0.1);
        assertThat(replaced.mean(GaussianMetric.W2_SQUARED)[100]).isGreaterThan(0.8);
        assertThat(pooled.median(GaussianMetric.LOG_VARIANCE_RATIO)[100]).isGreaterThan(-0.2);
    }

    @Test
    void extremeCollapseKeepsTheLogVarianceExact() {
        RefitOptions o = RefitOptions.defaults().withSamplesPerGeneration(3).withGenerations(3000)
                .withEstimator(VarianceEstimator.MLE).withMean(1);
        GaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(11));
        double[] logRatio = t.series(GaussianMetric.LOG_VARIANCE_RATIO);
        assertThat(logRatio[3000]).isLessThan(-1000).isFinite();
        assertThat(t.variances()[3000]).isZero();
        assertThat(t.klOriginalToModel()[3000]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.klModelToOriginal()[3000]).isFinite();
        assertThat(t.w2Squared()[3000]).isFinite();
        assertThat(t.tailMass()[3000]).isBetween(0.0, 1.0);
        assertThat(t.heldOutLogLikelihood()[3000]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void heldOutLogLikelihoodUsesTheRunsFixedTestSet() {
        RefitOptions o = RefitOptions.defaults().withGenerations(3).withHeldOutSamples(50_000);
        GaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(12));
        assertThat(t.heldOutVariance()).isCloseTo(1, within(0.03));
        assertThat(t.heldOutLogLikelihood()[0]).isCloseTo(-1.4189385, within(0.02));
        assertThat(t.heldOutLogLikelihood()[2]).isCloseTo(
                GaussianMetrics.meanLogLikelihood(new double[] {t.heldOutMean() + Math.sqrt(t.heldOutVariance()),
                    t.heldOutMean() - Math.sqrt(t.heldOutVariance())}, t.means()[2], t.variances()[2]),
                within(1e-9));
    }

    @Test
    void growingSampleSizesFollowTheSchedule() {
        RefitOptions o = RefitOptions.defaults().withSamplesPerGeneration(10).withGenerations(4).withSampleGrowth(1);
        assertThat(o.samplesAt(0)).isEqualTo(10);
        assertThat(o.samplesAt(3)).isEqualTo(40);
        GaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(13));
        assertThat(t.rows()).extracting(GaussianGeneration::sampleSize).containsExactly(0L, 10L, 20L, 30L, 40L);
    }

    @Test
    void csvHasAHeaderAndOneRowPerGeneration(@TempDir Path dir) throws IOException {
        GaussianTrajectory t = RecursiveGaussian.simulate(RefitOptions.defaults().withGenerations(4), Rngs.seeded(14));
        String[] lines = t.toCsv().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("generation,mean,variance,log_variance_ratio,squared_mean_error")
                .contains("theory_w2_squared");
        assertThat(lines[1]).startsWith("0,0.0,1.0,0.0,0.0,1.0,0.0,");
        Path file = dir.resolve("t.csv");
        t.writeCsv(file);
        assertThat(Files.readString(file)).isEqualTo(t.toCsv());
        GaussianEnsemble e = RecursiveGaussian.simulateRuns(RefitOptions.defaults().withGenerations(4), 3,
                Rngs.seeded(15), 1);
        assertThat(e.toCsv().split("\n")[0]).startsWith("generation,mean_mean,se_mean,median_mean,theory_mean");
    }

    @Test
    void toStringsAreOneLine() {
        GaussianTrajectory t = RecursiveGaussian.simulate(RefitOptions.defaults(), Rngs.seeded(16));
        assertThat(t.toString()).startsWith("GaussianTrajectory[RefitOptions[N(0.0, 1.0), M=100, generations=100, "
                + "UNBIASED, replace, FULL, heldOut=1000]: at n=100 mean=").doesNotContain("\n");
        assertThat(RefitOptions.defaults().withWorkflow(Workflow.keepOriginal(0.1)).withSampleGrowth(2).toString())
                .isEqualTo("RefitOptions[N(0.0, 1.0), M=100*(t+1)^2.0, generations=100, UNBIASED, keepOriginal(0.1), "
                        + "FULL, heldOut=1000]");
        GaussianEnsemble e = RecursiveGaussian.simulateRuns(RefitOptions.defaults(), 2, Rngs.seeded(17), 1);
        assertThat(e.toString()).startsWith("GaussianEnsemble[2 runs, ").doesNotContain("\n");
        assertThat(e.theory().toString()).startsWith("GaussianTheory[exact, ");
        assertThat(t.generation(1).toString()).startsWith("GaussianGeneration[generation=1, sampleSize=100");
    }

    @Test
    void multivariatePrediction11LogDeterminantDrift() {
        MultivariateRefitOptions o = MultivariateRefitOptions.standard(10).withGenerations(50);
        MultivariateGaussianTheory theory = new MultivariateGaussianTheory(o);
        // scipy: 50 sum_j [psi((99-j)/2) + ln 2 - ln 99] and sqrt(50 sum_j psi'((99-j)/2)); the s_T 3.19
        // of docs/collapse-theory.md's prediction 11 is a Monte-Carlo estimate of this exact 3.2718
        assertThat(theory.expectedLogDeterminantRatio()[50]).isCloseTo(-28.80576955839902, within(1e-9));
        assertThat(theory.logDeterminantRatioSd()[50]).isCloseTo(3.271832366784516, within(1e-9));
        List<MultivariateGaussianTrajectory> runs = IndependentRuns.run(500, Rngs.seeded(18), 2,
                g -> RecursiveGaussian.simulate(o, g));
        assertWithinFourSe(Statistics.mean(runs, r -> r.logDeterminantRatios()[50]), -28.806, 3.272, 500);
        List<MultivariateGaussianTrajectory> fast = IndependentRuns.run(1000, Rngs.seeded(19), 2,
                g -> RecursiveGaussian.simulate(o.withSampler(Sampler.SUFFICIENT_STATISTICS), g));
        assertWithinFourSe(Statistics.mean(fast, r -> r.logDeterminantRatios()[50]), -28.806, 3.272, 1000);
    }

    @Test
    void multivariateMleTraceAndMeanErrorFollowTheTheory() {
        double[][] cov = {{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 0.5}};
        MultivariateRefitOptions o = MultivariateRefitOptions.standard(3).withOriginal(new double[] {1, -1, 0}, cov)
                .withSamplesPerGeneration(50).withGenerations(20).withEstimator(VarianceEstimator.MLE)
                .withSampler(Sampler.SUFFICIENT_STATISTICS);
        MultivariateGaussianTheory theory = new MultivariateGaussianTheory(o);
        assertThat(theory.expectedTrace()[20]).isCloseTo(3.5 * Math.pow(49 / 50.0, 20), within(1e-12));
        assertThat(theory.expectedSquaredMeanError()[20]).isCloseTo(3.5 * (1 - Math.pow(49 / 50.0, 20)),
                within(1e-12));
        List<MultivariateGaussianTrajectory> runs = IndependentRuns.run(2000, Rngs.seeded(20), 2,
                g -> RecursiveGaussian.simulate(o, g));
        Statistics.assertMeanWithinFourSe(runs, r -> r.traces()[20], theory.expectedTrace()[20]);
        Statistics.assertMeanWithinFourSe(runs, r -> r.squaredMeanErrors()[20], theory.expectedSquaredMeanError()[20]);
        assertWithinFourSe(Statistics.mean(runs, r -> r.logDeterminantRatios()[20]),
                theory.expectedLogDeterminantRatio()[20], theory.logDeterminantRatioSd()[20], 2000);
    }

    @Test
    void multivariateMetricsAgreeWithTheClosedForms() {
        MultivariateRefitOptions o = MultivariateRefitOptions.defaults().withGenerations(5);
        MultivariateGaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(21));
        double[][] m = t.means();
        double[][][] s = t.covariances();
        assertThat(t.w2Squared()[5]).isCloseTo(GaussianMetrics.w2Squared(m[5], s[5], m[0], s[0]), within(1e-12));
        assertThat(t.klOriginalToModel()[5]).isCloseTo(GaussianMetrics.klDivergence(m[0], s[0], m[5], s[5]),
                within(1e-12));
        assertThat(t.klModelToOriginal()[5]).isCloseTo(GaussianMetrics.klDivergence(m[5], s[5], m[0], s[0]),
                within(1e-12));
        assertThat(t.heldOutLogLikelihood()[0]).isCloseTo(GaussianMetrics.expectedLogLikelihood(t.heldOutMean(),
                t.heldOutCovariance(), m[0], s[0]), within(1e-12));
        assertThat(t.logDeterminants()[5]).isCloseTo(Math.log(s[5][0][0] * s[5][1][1] - s[5][0][1] * s[5][1][0]),
                within(1e-9));
        assertThat(t.toCsv().split("\n")[0]).isEqualTo("generation,mean_0,mean_1,trace,log_det_ratio,"
                + "squared_mean_error,w2_squared,kl_original_to_model,kl_model_to_original,held_out_log_likelihood,"
                + "theory_trace,theory_log_det_ratio,theory_log_det_ratio_sd,theory_squared_mean_error");
        assertThat(t.toString()).startsWith("MultivariateGaussianTrajectory[MultivariateRefitOptions[d=2")
                .doesNotContain("\n");
    }

    @ParameterizedTest
    @EnumSource(value = Workflow.Kind.class, names = {"ACCUMULATE", "FRESH_DATA", "KEEP_ORIGINAL"})
    void multivariateWorkflowsRunInBothSamplers(Workflow.Kind kind) {
        Workflow w = switch (kind) {
            case ACCUMULATE -> Workflow.accumulate();
            case FRESH_DATA -> Workflow.freshData(3);
            default -> Workflow.keepOriginal(0.2);
        };
        for (Sampler sampler : Sampler.values()) {
            MultivariateRefitOptions o = MultivariateRefitOptions.standard(3).withSamplesPerGeneration(20)
                    .withGenerations(30).withWorkflow(w).withSampler(sampler);
            MultivariateGaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(22));
            assertThat(t.logDeterminantRatios()[30]).isFinite().isGreaterThan(-3);
            assertThat(t.theory().expectedSquaredMeanError()[30]).isFinite();
        }
    }

    static Stream<Arguments> badOptions() {
        RefitOptions d = RefitOptions.defaults();
        return Stream.of(
                bad("mean", IllegalArgumentException.class, () -> d.withMean(Double.NaN)),
                bad("variance", IllegalArgumentException.class, () -> d.withVariance(0)),
                bad("variance", IllegalArgumentException.class, () -> d.withVariance(Double.POSITIVE_INFINITY)),
                bad("samplesPerGeneration", IllegalArgumentException.class, () -> d.withSamplesPerGeneration(1)),
                bad("generations", IllegalArgumentException.class, () -> d.withGenerations(-1)),
                bad("estimator", NullPointerException.class, () -> d.withEstimator(null)),
                bad("workflow", NullPointerException.class, () -> d.withWorkflow(null)),
                bad("sampler", NullPointerException.class, () -> d.withSampler(null)),
                bad("sampleGrowth", IllegalArgumentException.class, () -> d.withSampleGrowth(-0.5)),
                bad("sampleGrowth", IllegalArgumentException.class, () -> d.withSampleGrowth(Double.NaN)),
                bad("samplesPerGeneration * generations^sampleGrowth", IllegalArgumentException.class,
                        () -> d.withGenerations(100_000).withSampleGrowth(4)),
                bad("samplingScale", IllegalArgumentException.class, () -> d.withSamplingScale(0)),
                bad("heldOutSamples", IllegalArgumentException.class, () -> d.withHeldOutSamples(0)),
                bad("sampler", IllegalArgumentException.class,
                        () -> d.withSampler(Sampler.SUFFICIENT_STATISTICS)
                                .withWorkflow(Workflow.accumulateSubsample())),
                bad("t", IllegalArgumentException.class, () -> d.samplesAt(100)),
                bad("originalFraction", IllegalArgumentException.class, () -> Workflow.keepOriginal(1)),
                bad("originalFraction", IllegalArgumentException.class, () -> Workflow.keepOriginal(Double.NaN)),
                bad("freshSamples", IllegalArgumentException.class, () -> Workflow.freshData(0)),
                bad("originalFraction", IllegalArgumentException.class,
                        () -> new Workflow(Workflow.Kind.REPLACE, 0.5, 0)),
                bad("kind", NullPointerException.class, () -> new Workflow(null, 0, 0)),
                bad("options", NullPointerException.class, () -> RecursiveGaussian.simulate((RefitOptions) null,
                        Rngs.seeded(1))),
                bad("rng", NullPointerException.class, () -> RecursiveGaussian.simulate(d, null)),
                bad("runs", IllegalArgumentException.class, () -> RecursiveGaussian.simulateRuns(d, 0, Rngs.seeded(1),
                        1)),
                bad("threads", IllegalArgumentException.class, () -> RecursiveGaussian.simulateRuns(d, 1,
                        Rngs.seeded(1), 0)),
                bad("listener", NullPointerException.class, () -> RecursiveGaussian.simulateRuns(d, 1, Rngs.seeded(1),
                        1, null)),
                bad("n", IllegalArgumentException.class, () -> RecursiveGaussian.simulate(d.withGenerations(2),
                        Rngs.seeded(1)).value(GaussianMetric.MEAN, 3)),
                bad("metric", NullPointerException.class, () -> new GaussianTheory(d).curve(null)),
                bad("p", IllegalArgumentException.class, () -> RecursiveGaussian.simulateRuns(d.withGenerations(1), 1,
                        Rngs.seeded(1), 1).quantile(GaussianMetric.MEAN, 1.5)),
                bad("means", IllegalArgumentException.class, () -> new GaussianTrajectory(d, new double[3],
                        new double[101], new double[101], 0, 1)),
                bad("runs", IllegalArgumentException.class, () -> new GaussianEnsemble(d, List.of())),
                bad("samplesPerGeneration", IllegalArgumentException.class,
                        () -> MultivariateRefitOptions.standard(5).withSamplesPerGeneration(5)),
                bad("dimension", IllegalArgumentException.class, () -> MultivariateRefitOptions.standard(0)),
                bad("covariance", IllegalArgumentException.class, () -> MultivariateRefitOptions.defaults()
                        .withOriginal(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}})),
                bad("mean[1]", IllegalArgumentException.class, () -> MultivariateRefitOptions.defaults()
                        .withOriginal(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}})),
                bad("covariance", IllegalArgumentException.class, () -> MultivariateRefitOptions.defaults()
                        .withOriginal(new double[] {0, 0, 0}, new double[][] {{1, 0}, {0, 1}})));
    }

    private static Arguments bad(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        return Arguments.of(name, type, call);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badOptions")
    void badInputsNameTheParameter(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(name);
    }
}
