package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Options withers and defaults; results copy arrays, compare by content and print on one line. */
class ResultAndOptionsTest {

    @Test
    void clipOptionsDefaultsAndWithers() {
        ClipLossOptions d = ClipLossOptions.defaults();
        assertThat(d.logitScale()).isEqualTo(1 / 0.07);
        assertThat(d.logLogitScale()).isCloseTo(2.659260, within(1e-6));
        assertThat(d.normalize()).isTrue();
        assertThat(d.tileSize()).isZero();
        assertThat(d.withLogLogitScale(Math.log(100)).logitScale()).isCloseTo(100, within(1e-12));
        assertThat(d.withNormalize(false).withTileSize(64)).isEqualTo(new ClipLossOptions(1 / 0.07, false, 64));
        assertThat(ClipLossOptions.MAX_LOGIT_SCALE).isEqualTo(100);
    }

    @Test
    void sigLipOptionsDefaultsAndWithers() {
        SigLipLossOptions d = SigLipLossOptions.defaults();
        assertThat(d).isEqualTo(new SigLipLossOptions(10, -10, true, 0));
        assertThat(d.withLogitScale(3).withLogitBias(1).withNormalize(false).withTileSize(8))
                .isEqualTo(new SigLipLossOptions(3, 1, false, 8));
    }

    @Test
    void clipResultPrintsOneLine() {
        double[][] image = {{1, 0}, {0, 1}};
        double[][] text = {{1, 0}, {0.6, 0.8}};
        ClipLossResult r = ClipLoss.compute(image, text, 1, true);
        assertThat(r.toString()).isEqualTo("ClipLossResult[loss=0.448879, imageToText=0.442058, "
                + "textToImage=0.455700, gradLogScale=-0.191880, B=2, D=2, logitScale=1.00000, normalize=true, "
                + "dense, FLOAT64]");
        assertThat(r.batchSize()).isEqualTo(2);
        assertThat(r.dimension()).isEqualTo(2);
        assertThat(r.shardStart()).isZero();
        assertThat(r.shardSize()).isEqualTo(2);
    }

    @Test
    void sigLipResultPrintsOneLine() {
        double[][] e = TestData.identity(4, 4);
        SigLipLossResult r = SigLipLoss.compute(TestData.toFloat(e), TestData.toFloat(e), 10, -10, true);
        assertThat(r.toString()).startsWith("SigLipLossResult[loss=0.693283, gradLogScale=")
                .endsWith("B=4, D=4, logitScale=10.0000, logitBias=-10.0000, normalize=true, dense, FLOAT32]")
                .doesNotContain("\n");
        assertThat(r.rowLosses()).hasSize(4);
    }

    @Test
    void resultsCopyArraysAndCompareByContent() {
        double[][] image = TestData.gaussian(1, 3, 2);
        double[][] text = TestData.gaussian(2, 3, 2);
        ClipLossResult r = ClipLoss.compute(image, text, 5, true);
        r.gradImage()[0][0] = 99;
        r.imageLosses()[0] = 99;
        assertThat(r.gradImage()[0][0]).isNotEqualTo(99);
        assertThat(r.imageLosses()[0]).isNotEqualTo(99);
        ClipLossResult again = ClipLoss.compute(image, text, 5, true);
        assertThat(again).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(ClipLoss.compute(image, text, 6, true)).isNotEqualTo(r);

        SigLipLossResult q = SigLipLoss.compute(image, text, 5, -2, true);
        q.gradText()[1][1] = 99;
        assertThat(q.gradText()[1][1]).isNotEqualTo(99);
        assertThat(SigLipLoss.compute(image, text, 5, -2, true)).isEqualTo(q).hasSameHashCodeAs(q);
    }

    @Test
    void inputsAreNotModified() {
        float[][] image = TestData.toFloat(TestData.gaussian(3, 4, 3));
        float[][] text = TestData.toFloat(TestData.gaussian(4, 4, 3));
        float[][] imageCopy = TestData.toFloat(TestData.gaussian(3, 4, 3));
        ClipLoss.compute(image, text, ClipLossOptions.defaults().withTileSize(3));
        SigLipLoss.compute(image, text, 10, -10, true);
        assertThat(image).isDeepEqualTo(imageCopy);
    }
}
