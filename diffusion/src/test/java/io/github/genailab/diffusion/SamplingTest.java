package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.data.DigitVectors;
import io.github.genailab.diffusion.data.PointCloud;
import io.github.genailab.diffusion.data.PointClouds;
import io.github.genailab.diffusion.eval.NearestCentroid;
import io.github.genailab.diffusion.eval.SampleDistance;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Training reaches a stated sample distance; the samplers' identities; guidance; the contract's shapes. */
class SamplingTest {

    /**
     * Two moons, the paper's schedule (T = 1000), 80 epochs: the energy distance of 400 ancestral samples to
     * the data is below 0.03, under a third of the distance of N(0, I) (what the untrained chain ends in) to
     * the data, about 0.08. A second draw of real moons is at about 0.001.
     */
    @Test
    void seededTrainingRunReachesTheStatedSampleDistance() {
        PointCloud moons = PointClouds.twoMoons(1000, 0.05, Rngs.seeded(1));
        DdpmResult result = Ddpm.fit(moons.points(), DdpmOptions.defaults().withEpochs(80).withMonitor(80, 100),
                Rngs.seeded(2));
        double[][] samples = result.model().sample(400, Rngs.seeded(3));
        RandomGenerator g = Rngs.seeded(4);
        double[][] noise = new double[400][];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = new double[] {g.nextGaussian(), g.nextGaussian()};
        }
        double model = SampleDistance.energy(samples, moons.points());
        double baseline = SampleDistance.energy(noise, moons.points());
        System.out.printf("two moons: energy distance model %.4f, N(0, I) %.4f; %s%n", model, baseline, result);
        assertThat(model).isLessThan(0.03).isLessThan(baseline / 3);
        double[] loss = result.lossCurve();
        assertThat(loss[loss.length - 1]).isLessThan(loss[0]);
        assertThat(result.monitoredEpochs()).containsExactly(80);
        assertThat(result.sampleDistances()[0]).isLessThan(0.05);
    }

    @Test
    void contractShapesForTwoAndSixtyFourDimensions() {
        double[][] digits = Arrays.copyOf(DigitVectors.of(Digits.load()), 64);
        DiffusionModel m = Ddpm.train(digits, DdpmOptions.defaults().withEpochs(1).withSchedule(TestModels.SHORT),
                Rngs.seeded(1));
        double[][] samples = m.sample(3, Rngs.seeded(2));
        assertThat(samples).hasNumberOfRows(3);
        assertThat(samples[0]).hasSize(64);
        assertThat(TestModels.UNCONDITIONAL.sample(7, Rngs.seeded(2))).hasDimensions(7, 2);
        assertThat(m.toString()).startsWith("DiffusionModel[d=64, unconditional, NoiseSchedule[linear, T=100");
    }

    /** DDIM with eta = 0 uses the generator only for x_T: exactly n d Gaussian draws, nothing after. */
    @Test
    void ddimWithEtaZeroIsDeterministicGivenTheStartingNoise() {
        RandomGenerator a = Rngs.seeded(9);
        double[][] first = TestModels.UNCONDITIONAL.sample(300, SamplingOptions.ddim(20, 0), a);
        RandomGenerator b = Rngs.seeded(9);
        for (int i = 0; i < 300 * 2; i++) {
            b.nextGaussian();
        }
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
        assertThat(TestModels.UNCONDITIONAL.sample(300, SamplingOptions.ddim(20, 0), Rngs.seeded(9))).isDeepEqualTo(first);
        double[][] other = TestModels.UNCONDITIONAL.sample(300, SamplingOptions.ddim(20, 0), Rngs.seeded(10));
        assertThat(other).isNotEqualTo(first);
        // few steps, still close to the data
        double energy = SampleDistance.energy(first, TestModels.MOONS.points());
        System.out.printf("two moons, DDIM 20 steps: energy distance %.4f%n", energy);
        assertThat(energy).isLessThan(0.05);
    }

    /** Song et al.: DDIM on every step with eta = 1 is ancestral sampling with the posterior variance. */
    @Test
    void ddimOnAllStepsWithEtaOneIsAncestralWithPosteriorVariance() {
        double[][] ddim = TestModels.UNCONDITIONAL.sample(50, SamplingOptions.ddim(100, 1), Rngs.seeded(3));
        double[][] ancestral = TestModels.UNCONDITIONAL.sample(50,
                SamplingOptions.defaults().withSampler(SamplingMethod.ANCESTRAL_POSTERIOR), Rngs.seeded(3));
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 2; k++) {
                assertThat(ddim[i][k]).isCloseTo(ancestral[i][k], within(1e-9));
            }
        }
    }

    /** Clipping the predicted x_0 (the reference code's clip_denoised): DDIM's last step returns the clipped x0hat. */
    @Test
    void clippingBoundsThePredictedCleanPoint() {
        double[][] clipped = TestModels.UNCONDITIONAL.sample(200, SamplingOptions.ddim(20, 0).withClipDenoised(0.5),
                Rngs.seeded(6));
        assertThat(Arrays.stream(clipped).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElseThrow())
                .isLessThanOrEqualTo(0.5);
        double[][] free = TestModels.UNCONDITIONAL.sample(200, SamplingOptions.ddim(20, 0), Rngs.seeded(6));
        assertThat(Arrays.stream(free).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElseThrow())
                .isGreaterThan(0.5);
    }

    @Test
    void reverseChainStartsFromNoiseAndEndsAtTheSamples() {
        int[] times = {100, 50, 0};
        double[][][] chain = TestModels.UNCONDITIONAL.reverseChain(400, SamplingOptions.defaults(), times, Rngs.seeded(4));
        assertThat(chain).hasDimensions(4, 400);
        double[][] samples = TestModels.UNCONDITIONAL.sample(400, Rngs.seeded(4));
        assertThat(chain[3]).isDeepEqualTo(samples);
        assertThat(chain[2]).isDeepEqualTo(samples);
        // x_T ~ N(0, I): mean within 4 SE (1 / sqrt(400) = 0.05)
        double mean = Arrays.stream(chain[0]).mapToDouble(r -> r[0]).average().orElseThrow();
        assertThat(mean).isCloseTo(0, within(0.2));
        double[][] ddim = TestModels.UNCONDITIONAL.reverseChain(10, SamplingOptions.ddim(4, 0), new int[] {60}, Rngs.seeded(4))[0];
        // DDIM(4) visits 100, 75, 50, 25, 0: the snapshot for 60 is x_50
        double[][] viaFifty = TestModels.UNCONDITIONAL.reverseChain(10, SamplingOptions.ddim(4, 0), new int[] {50},
                Rngs.seeded(4))[0];
        assertThat(ddim).isDeepEqualTo(viaFifty);
    }

    @Test
    void conditionalSamplesLandInTheirClassAndGuidanceSharpensThem() {
        NearestCentroid judge = NearestCentroid.fit(TestModels.MIXTURE.points(), TestModels.MIXTURE.labels(), 3);
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        double plain = judge.accuracy(TestModels.CONDITIONAL.sample(labels, SamplingOptions.defaults(), Rngs.seeded(5)),
                labels).overall();
        double guided = judge.accuracy(TestModels.CONDITIONAL.sample(labels,
                SamplingOptions.defaults().withGuidanceScale(3), Rngs.seeded(5)), labels).overall();
        System.out.printf("conditional accuracy: s = 1 %.3f, s = 3 %.3f%n", plain, guided);
        assertThat(plain).isGreaterThan(0.9);
        assertThat(guided).isGreaterThanOrEqualTo(plain);
        assertThat(TestModels.CONDITIONAL.toString()).contains("4 classes");
    }
}
