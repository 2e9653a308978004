package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.data.DigitVectors;
import io.github.genailab.diffusion.data.PointCloud;
import io.github.genailab.diffusion.data.PointClouds;
import io.github.genailab.diffusion.eval.ClassAccuracy;
import io.github.genailab.diffusion.eval.NearestCentroid;
import io.github.genailab.diffusion.eval.NearestNeighbourCheck;
import io.github.genailab.diffusion.eval.SampleDistance;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of bad inputs for every public entry point: the exception type and the message naming the rule. */
class BadInputTest {

    private static final double[][] DATA = {{0, 1}, {1, 0}, {0.5, 0.5}};
    private static final DdpmOptions TINY = DdpmOptions.defaults().withSchedule(NoiseSchedule.linear(10, 0.01, 0.5))
            .withHiddenUnits(4).withHiddenLayers(1).withEpochs(1);
    private static final DiffusionModel PLAIN = Ddpm.train(DATA, TINY, Rngs.seeded(1));
    private static final DiffusionModel LABELLED = Ddpm.fit(DATA, new int[] {0, 1, 0}, 3, TINY, Rngs.seeded(1),
            ProgressListener.none()).model();
    private static final TriggerWatermarkOptions WM = TriggerWatermarkOptions.defaults();

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // schedules
                bad(IllegalArgumentException.class, "steps must be > 0, got 0", () -> NoiseSchedule.linear(0, 1e-4, 0.02)),
                bad(IllegalArgumentException.class, "steps must be <= 100000", () -> NoiseSchedule.linear(100_001, 1e-4, 0.02)),
                bad(IllegalArgumentException.class, "betaStart must be in (0.0, 1.0), got 0.0", () -> NoiseSchedule.linear(10, 0, 0.02)),
                bad(IllegalArgumentException.class, "betaEnd must be in (0.0, 1.0), got 1.0", () -> NoiseSchedule.linear(10, 1e-4, 1)),
                bad(IllegalArgumentException.class, "betaEnd must be in (0.0, 1.0), got NaN",
                        () -> NoiseSchedule.linear(10, 1e-4, Double.NaN)),
                bad(IllegalArgumentException.class, "offset must be in [0, 1)", () -> NoiseSchedule.cosine(10, -0.1)),
                bad(IllegalArgumentException.class, "steps", () -> NoiseSchedule.cosine(0, 0.008)),
                bad(IllegalArgumentException.class, "betas[1] must be in (0.0, 1.0), got 1.5",
                        () -> NoiseSchedule.of(new double[] {0.1, 1.5})),
                bad(IllegalArgumentException.class, "betas", () -> NoiseSchedule.of(new double[0])),
                bad(NullPointerException.class, "betas", () -> NoiseSchedule.of(null)),
                bad(IllegalArgumentException.class, "t must be in [1, 10], got 0", () -> TINY.schedule().beta(0)),
                bad(IllegalArgumentException.class, "t must be in [0, 10], got 11", () -> TINY.schedule().alphaBar(11)),
                bad(IllegalArgumentException.class, "t must be in [1, 10]", () -> TINY.schedule().posteriorVariance(11)),
                bad(IllegalArgumentException.class, "x0 and xt", () -> TINY.schedule().posteriorMean(new double[2],
                        new double[3], 1)),
                bad(IllegalArgumentException.class, "x0 and noise", () -> TINY.schedule().diffuse(new double[2],
                        1, new double[1])),
                bad(IllegalArgumentException.class, "previous[0] must be finite", () -> TINY.schedule().forwardStep(
                        new double[] {Double.NaN}, 1, new double[1])),
                // options
                bad(NullPointerException.class, "schedule", () -> DdpmOptions.defaults().withSchedule(null)),
                bad(IllegalArgumentException.class, "hiddenUnits", () -> DdpmOptions.defaults().withHiddenUnits(0)),
                bad(IllegalArgumentException.class, "hiddenLayers", () -> DdpmOptions.defaults().withHiddenLayers(17)),
                bad(IllegalArgumentException.class, "timeEmbedding must be even, got 3",
                        () -> DdpmOptions.defaults().withTimeEmbedding(3)),
                bad(IllegalArgumentException.class, "epochs", () -> DdpmOptions.defaults().withEpochs(0)),
                bad(IllegalArgumentException.class, "batchSize", () -> DdpmOptions.defaults().withBatchSize(0)),
                bad(IllegalArgumentException.class, "learningRate", () -> DdpmOptions.defaults().withLearningRate(Double.NaN)),
                bad(IllegalArgumentException.class, "emaDecay must be in [0, 1), got 1", () -> DdpmOptions.defaults().withEmaDecay(1)),
                bad(IllegalArgumentException.class, "warmupSteps", () -> DdpmOptions.defaults().withWarmupSteps(-1)),
                bad(IllegalArgumentException.class, "clipDenoised", () -> SamplingOptions.defaults().withClipDenoised(
                        Double.POSITIVE_INFINITY)),
                bad(IllegalArgumentException.class, "conditionDropout", () -> DdpmOptions.defaults().withConditionDropout(-0.1)),
                bad(IllegalArgumentException.class, "monitorEvery", () -> DdpmOptions.defaults().withMonitor(-1, 10)),
                bad(IllegalArgumentException.class, "monitorSamples", () -> DdpmOptions.defaults().withMonitor(1, 1)),
                bad(IllegalArgumentException.class, "ddimSteps", () -> SamplingOptions.ddim(0, 0)),
                bad(IllegalArgumentException.class, "eta must be in [0.0, 1.0], got 2.0", () -> SamplingOptions.ddim(10, 2)),
                bad(IllegalArgumentException.class, "guidanceScale", () -> SamplingOptions.defaults().withGuidanceScale(-1)),
                bad(NullPointerException.class, "sampler", () -> SamplingOptions.defaults().withSampler(null)),
                bad(IllegalArgumentException.class, "triggerFraction", () -> WM.withTriggerFraction(1)),
                bad(IllegalArgumentException.class, "embedEpochs", () -> WM.withEpochs(0, 1, 1)),
                bad(IllegalArgumentException.class, "checkEvery", () -> WM.withEpochs(1, 1, 0)),
                bad(IllegalArgumentException.class, "samples", () -> WM.withSamples(1)),
                bad(NullPointerException.class, "sampling", () -> WM.withSampling(null)),
                // training
                bad(IllegalArgumentException.class, "data must have at least one row", () -> Ddpm.train(new double[0][], TINY,
                        Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "data[1] must have 2 columns like row 0",
                        () -> Ddpm.train(new double[][] {{1, 2}, {3}}, TINY, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "data[0][1] must be finite",
                        () -> Ddpm.train(new double[][] {{1, Double.NaN}}, TINY, Rngs.seeded(1))),
                bad(NullPointerException.class, "options", () -> Ddpm.train(DATA, null, Rngs.seeded(1))),
                bad(NullPointerException.class, "rng", () -> Ddpm.train(DATA, TINY, null)),
                bad(IllegalArgumentException.class, "labels and data", () -> Ddpm.fit(DATA, new int[2], 2, TINY,
                        Rngs.seeded(1), ProgressListener.none())),
                bad(IllegalArgumentException.class, "labels[2] must be in [0, 1], got 2", () -> Ddpm.fit(DATA,
                        new int[] {0, 1, 2}, 2, TINY, Rngs.seeded(1), ProgressListener.none())),
                bad(IllegalArgumentException.class, "classes", () -> Ddpm.fit(DATA, new int[3], 0, TINY,
                        Rngs.seeded(1), ProgressListener.none())),
                bad(NullPointerException.class, "listener", () -> Ddpm.fit(DATA, new int[3], 1, TINY, Rngs.seeded(1), null)),
                bad(IllegalArgumentException.class, "data columns and model dimension",
                        () -> Ddpm.fineTune(PLAIN, new double[][] {{1, 2, 3}}, 1, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "model must be unconditional",
                        () -> Ddpm.fineTune(LABELLED, DATA, 1, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "model must be conditional",
                        () -> Ddpm.fineTune(PLAIN, DATA, new int[3], 1, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "epochs", () -> Ddpm.fineTune(PLAIN, DATA, 0, Rngs.seeded(1))),
                // sampling
                bad(IllegalArgumentException.class, "n must be in [1, 1048576], got 0", () -> PLAIN.sample(0, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "n must be in [1, 1048576]", () -> PLAIN.sample(Integer.MAX_VALUE,
                        Rngs.seeded(1))),
                bad(NullPointerException.class, "rng", () -> PLAIN.sample(3, null)),
                bad(IllegalArgumentException.class, "options.ddimSteps must be <= the schedule's 10 steps, got 11",
                        () -> PLAIN.sample(3, SamplingOptions.ddim(11, 0), Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels must be absent for an unconditional model",
                        () -> PLAIN.sample(new int[] {0}, SamplingOptions.defaults(), Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels[0] must be in [0, 2], got 3",
                        () -> LABELLED.sample(new int[] {3}, SamplingOptions.defaults(), Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "times[0] must be in [0, 10], got 11",
                        () -> PLAIN.reverseChain(2, SamplingOptions.defaults(), new int[] {11}, Rngs.seeded(1))),
                // watermark
                bad(IllegalArgumentException.class, "model must be conditional with an ordinary class and a trigger",
                        () -> TriggerWatermark.verify(PLAIN, DATA, WM, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "pattern columns and model dimension",
                        () -> TriggerWatermark.verify(LABELLED, new double[][] {{1}}, WM, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels[1] must be in [0, 1], got 2",
                        () -> TriggerWatermark.embed(LABELLED, DATA, new int[] {0, 2, 0}, DATA, WM, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels must contain every ordinary class in [0, 2)",
                        () -> TriggerWatermark.study(LABELLED, DATA, new int[3], DATA, WM, Rngs.seeded(1))),
                // data and metrics
                bad(IllegalArgumentException.class, "letter must be one of AEHLTVWXZ, got Q",
                        () -> PointClouds.letter('Q', 10, 0, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "n must be in [1, 1048576], got 0", () -> PointClouds.twoMoons(0, 0,
                        Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "noise", () -> PointClouds.swissRoll(5, -1, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "components", () -> PointClouds.gaussianMixture(5, 0, 1, 0,
                        Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels[0] must be in [0, 0], got 1",
                        () -> new PointCloud("x", DATA, new int[] {1, 0, 0}, 1)),
                bad(IllegalArgumentException.class, "vector and an 8x8 image", () -> DigitVectors.toGrey(new double[3])),
                bad(NullPointerException.class, "digits", () -> DigitVectors.of(null)),
                bad(IllegalArgumentException.class, "a columns and b columns", () -> SampleDistance.energy(DATA,
                        new double[][] {{1}})),
                bad(IllegalArgumentException.class, "projections", () -> SampleDistance.slicedWasserstein(DATA, DATA, 0,
                        Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "labels must contain every class in [0, 3)",
                        () -> NearestCentroid.fit(DATA, new int[3], 3)),
                bad(IllegalArgumentException.class, "x and centroid width",
                        () -> NearestCentroid.fit(DATA, new int[3], 1).predict(new double[3])),
                bad(IllegalArgumentException.class, "correct[0] must be in [0, 1], got 2",
                        () -> new ClassAccuracy(new int[] {2}, new int[] {1})),
                bad(IllegalArgumentException.class, "samples columns and heldOut columns",
                        () -> NearestNeighbourCheck.run(DATA, DATA, new double[][] {{1}})));
    }

    private static Arguments bad(Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(type, message, call);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void rejects(Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void optionsDefaultsAndWithers() {
        DdpmOptions d = DdpmOptions.defaults();
        assertThat(d.schedule()).isEqualTo(NoiseSchedule.linear(1000, 1e-4, 0.02));
        assertThat(d.withHiddenUnits(8).withHiddenLayers(2).withTimeEmbedding(4).withEpochs(3).withBatchSize(16)
                .withLearningRate(0.01).withWarmupSteps(7).withEmaDecay(0).withConditionDropout(0.2).withMonitor(5, 10))
                .isEqualTo(new DdpmOptions(d.schedule(), 8, 2, 4, 3, 16, 0.01, 7, 0, 0.2, 5, 10));
        assertThat(SamplingOptions.ddim(50, 0.5).withClipDenoised(1)).isEqualTo(new SamplingOptions(SamplingMethod.DDIM, 50, 0.5, 1, 1));
        assertThat(TriggerWatermarkOptions.defaults().withTriggerFraction(0.1).withSamples(20).withEpochs(1, 2, 3)
                .withSampling(SamplingOptions.ddim(5, 0)))
                .isEqualTo(new TriggerWatermarkOptions(0.1, 1, 2, 3, 20, 0.25, SamplingOptions.ddim(5, 0)));
    }
}
