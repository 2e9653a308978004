package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tiled sweeps give the dense result (float64: to rounding; float32: to float accuracy). */
class TiledEquivalenceTest {

    @ParameterizedTest(name = "B={0} tile={1}")
    @CsvSource({"20, 1", "70, 7", "70, 8", "70, 64", "70, 70", "70, 100", "64, 64", "65, 64", "13, 4"})
    void clipTiledEqualsDense(int b, int tile) {
        double[][] image = TestData.gaussian(b, b, 16);
        double[][] text = TestData.gaussian(100 + b, b, 16);
        ClipLossOptions dense = ClipLossOptions.defaults().withLogitScale(20);
        ClipLossResult expected = ClipLoss.compute(image, text, dense);
        ClipLossResult tiled = ClipLoss.compute(image, text, dense.withTileSize(tile));

        assertThat(tiled.loss()).isCloseTo(expected.loss(), within(1e-13));
        assertThat(tiled.imageToText()).isCloseTo(expected.imageToText(), within(1e-13));
        assertThat(tiled.textToImage()).isCloseTo(expected.textToImage(), within(1e-13));
        assertThat(tiled.gradLogScale()).isCloseTo(expected.gradLogScale(), within(1e-13));
        assertThat(tiled.imageLosses()).containsExactly(expected.imageLosses(), within(1e-12));
        assertThat(tiled.textLosses()).containsExactly(expected.textLosses(), within(1e-12));
        assertThat(TestData.maxAbsDiff(tiled.gradImage(), expected.gradImage())).isLessThan(1e-14);
        assertThat(TestData.maxAbsDiff(tiled.gradText(), expected.gradText())).isLessThan(1e-14);
    }

    @ParameterizedTest(name = "B={0} tile={1}")
    @CsvSource({"20, 1", "70, 7", "70, 8", "70, 64", "70, 70", "13, 4"})
    void sigLipTiledEqualsDense(int b, int tile) {
        double[][] image = TestData.gaussian(b, b, 16);
        double[][] text = TestData.gaussian(100 + b, b, 16);
        SigLipLossOptions dense = SigLipLossOptions.defaults();
        SigLipLossResult expected = SigLipLoss.compute(image, text, dense);
        SigLipLossResult tiled = SigLipLoss.compute(image, text, dense.withTileSize(tile));

        assertThat(tiled.loss()).isCloseTo(expected.loss(), within(1e-12));
        assertThat(tiled.gradLogScale()).isCloseTo(expected.gradLogScale(), within(1e-12));
        assertThat(tiled.gradBias()).isCloseTo(expected.gradBias(), within(1e-12));
        assertThat(tiled.rowLosses()).containsExactly(expected.rowLosses(), within(1e-12));
        assertThat(TestData.maxAbsDiff(tiled.gradImage(), expected.gradImage())).isLessThan(1e-14);
        assertThat(TestData.maxAbsDiff(tiled.gradText(), expected.gradText())).isLessThan(1e-14);
    }

    @Test
    void float32TiledAgreesWithDenseToFloatAccuracy() {
        float[][] image = TestData.toFloat(TestData.gaussian(1, 300, 64));
        float[][] text = TestData.toFloat(TestData.gaussian(2, 300, 64));
        ClipLossOptions dense = ClipLossOptions.defaults().withLogitScale(100);
        ClipLossResult expected = ClipLoss.compute(image, text, dense);
        ClipLossResult tiled = ClipLoss.compute(image, text, dense.withTileSize(37));
        assertThat(tiled.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(tiled.loss()).isCloseTo(expected.loss(), within(1e-5 * expected.loss()));
        assertThat(tiled.gradLogScale()).isCloseTo(expected.gradLogScale(), within(1e-5));
        assertThat(TestData.maxAbsDiff(tiled.gradImage(), expected.gradImage())).isLessThan(1e-6);
    }

    @Test
    void tiledIsDeterministic() {
        float[][] image = TestData.toFloat(TestData.gaussian(3, 200, 32));
        float[][] text = TestData.toFloat(TestData.gaussian(4, 200, 32));
        ClipLossOptions options = ClipLossOptions.defaults().withTileSize(48);
        assertThat(ClipLoss.compute(image, text, options)).isEqualTo(ClipLoss.compute(image, text, options));
        SigLipLossOptions sig = SigLipLossOptions.defaults().withTileSize(48);
        assertThat(SigLipLoss.compute(image, text, sig)).isEqualTo(SigLipLoss.compute(image, text, sig));
    }

    @Test
    void exactMaximaPathMatchesTheOracleAtExtremeScale() {
        // 2 s > 600 forces the extra max sweep; the oracle subtracts maxima directly.
        double[][] image = TestData.gaussian(5, 20, 6);
        double[][] text = TestData.gaussian(6, 20, 6);
        NaiveClip.Clip oracle = NaiveClip.clip(image, text, 1000, true);
        for (int tile : new int[] {0, 3, 7}) {
            ClipLossResult r = ClipLoss.compute(image, text,
                    ClipLossOptions.defaults().withLogitScale(1000).withTileSize(tile));
            assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-9 * oracle.loss()));
            assertThat(r.gradLogScale())
                    .isCloseTo(oracle.gradLogScale(), within(1e-9 * Math.abs(oracle.gradLogScale())));
            assertThat(TestData.maxAbsDiff(r.gradImage(), oracle.gradImage())).isLessThan(1e-9);
            assertThat(TestData.maxAbsDiff(r.gradText(), oracle.gradText())).isLessThan(1e-9);
        }
    }

    @Test
    void unnormalizedLargeRowsUseTheExactMaximaPath() {
        double[][] image = TestData.gaussian(7, 9, 4);
        double[][] text = TestData.gaussian(8, 9, 4);
        for (double[] row : image) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= 30;
            }
        }
        NaiveClip.Clip oracle = NaiveClip.clip(image, text, 10, false);
        ClipLossResult r = ClipLoss.compute(image, text, 10, false);
        assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-9 * oracle.loss()));
        assertThat(TestData.maxAbsDiff(r.gradText(), oracle.gradText())).isLessThan(1e-9);
    }
}
