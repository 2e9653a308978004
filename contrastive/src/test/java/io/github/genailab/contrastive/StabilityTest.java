package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** float32 at s = 100 with nearly identical rows: finite, and close to the float64 result. */
class StabilityTest {

    /** 64 rows that all lie within 1e-3 of one direction: cosines above 0.999 everywhere. */
    private static double[][] nearlyIdentical(long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        double[][] out = new double[64][32];
        for (double[] row : out) {
            row[0] = 1;
            for (int k = 1; k < row.length; k++) {
                row[k] = 1e-3 * rng.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void clipAtScaleHundredIsFiniteAndMatchesFloat64() {
        double[][] image = nearlyIdentical(1);
        double[][] text = nearlyIdentical(2);
        for (int tile : new int[] {0, 16}) {
            ClipLossOptions options = ClipLossOptions.defaults().withLogitScale(100).withTileSize(tile);
            ClipLossResult f32 = ClipLoss.compute(TestData.toFloat(image), TestData.toFloat(text), options);
            ClipLossResult f64 = ClipLoss.compute(image, text, options);
            assertThat(f32.loss()).isFinite().isCloseTo(f64.loss(), within(1e-3));
            assertThat(f32.gradLogScale()).isFinite().isCloseTo(f64.gradLogScale(), within(1e-3));
            assertAllFinite(f32.gradImage());
            assertAllFinite(f32.gradText());
            assertThat(TestData.maxAbsDiff(f32.gradImage(), f64.gradImage()))
                    .isLessThan(1e-3 * TestData.maxAbs(f64.gradImage()));
        }
    }

    @Test
    void sigLipAtScaleHundredIsFiniteAndMatchesFloat64() {
        double[][] image = nearlyIdentical(3);
        double[][] text = nearlyIdentical(4);
        SigLipLossResult f32 = SigLipLoss.compute(TestData.toFloat(image), TestData.toFloat(text), 100, -10, true);
        SigLipLossResult f64 = SigLipLoss.compute(image, text, 100, -10, true);
        assertThat(f32.loss()).isFinite().isCloseTo(f64.loss(), within(1e-3 * f64.loss()));
        assertThat(f32.gradBias()).isFinite().isCloseTo(f64.gradBias(), within(1e-3 * Math.abs(f64.gradBias())));
        assertAllFinite(f32.gradImage());
        assertAllFinite(f32.gradText());
    }

    @Test
    void hugeLogitsDoNotOverflowTheSigmoid() {
        double[][] e = TestData.identity(3, 3);
        SigLipLossResult r = SigLipLoss.compute(e, e, 1e6, 0, true);
        // positives at +1e6 (loss 0), negatives at 0 (ln 2 each): 2 ln 2 per row.
        assertThat(r.loss()).isCloseTo(2 * Math.log(2), within(1e-12));
        assertThat(r.gradLogScale()).isFinite();
    }

    private static void assertAllFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                assertThat(v).isFinite();
            }
        }
    }
}
