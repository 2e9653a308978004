package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Symmetries of both losses (docs/clip-conventions.md, 'Invariances'). */
class InvarianceTest {

    private static final int B = 9;
    private static final int D = 6;
    private final double[][] image = TestData.gaussian(41, B, D);
    private final double[][] text = TestData.gaussian(42, B, D);

    @Test
    void swappingModalitiesSwapsDirectionsAndGradients() {
        ClipLossResult r = ClipLoss.compute(image, text, 12, true);
        ClipLossResult swapped = ClipLoss.compute(text, image, 12, true);
        assertThat(swapped.loss()).isCloseTo(r.loss(), within(1e-13));
        assertThat(swapped.imageToText()).isCloseTo(r.textToImage(), within(1e-13));
        assertThat(swapped.gradLogScale()).isCloseTo(r.gradLogScale(), within(1e-13));
        assertThat(TestData.maxAbsDiff(swapped.gradImage(), r.gradText())).isLessThan(1e-14);

        SigLipLossResult q = SigLipLoss.compute(image, text, 10, -10, true);
        SigLipLossResult qSwapped = SigLipLoss.compute(text, image, 10, -10, true);
        assertThat(qSwapped.loss()).isCloseTo(q.loss(), within(1e-12));
        assertThat(TestData.maxAbsDiff(qSwapped.gradImage(), q.gradText())).isLessThan(1e-14);
    }

    @Test
    void permutingPairsPermutesGradients() {
        int[] perm = {3, 0, 8, 1, 7, 2, 6, 4, 5};
        double[][] pImage = new double[B][];
        double[][] pText = new double[B][];
        for (int i = 0; i < B; i++) {
            pImage[i] = image[perm[i]];
            pText[i] = text[perm[i]];
        }
        ClipLossResult r = ClipLoss.compute(image, text, 12, true);
        ClipLossResult p = ClipLoss.compute(pImage, pText, 12, true);
        assertThat(p.loss()).isCloseTo(r.loss(), within(1e-13));
        for (int i = 0; i < B; i++) {
            assertThat(p.gradImage()[i]).containsExactly(r.gradImage()[perm[i]], within(1e-14));
            assertThat(p.gradText()[i]).containsExactly(r.gradText()[perm[i]], within(1e-14));
            assertThat(p.imageLosses()[i]).isCloseTo(r.imageLosses()[perm[i]], within(1e-13));
        }
        SigLipLossResult q = SigLipLoss.compute(image, text, 10, -10, true);
        SigLipLossResult pq = SigLipLoss.compute(pImage, pText, 10, -10, true);
        assertThat(pq.loss()).isCloseTo(q.loss(), within(1e-12));
        assertThat(pq.gradImage()[0]).containsExactly(q.gradImage()[perm[0]], within(1e-14));
    }

    @Test
    void scalingARowLeavesTheLossAndDividesItsGradient() {
        double[][] scaled = TestData.gaussian(41, B, D);
        for (int k = 0; k < D; k++) {
            scaled[2][k] *= 7.5;
        }
        ClipLossResult r = ClipLoss.compute(image, text, 12, true);
        ClipLossResult s = ClipLoss.compute(scaled, text, 12, true);
        assertThat(s.loss()).isCloseTo(r.loss(), within(1e-13));
        for (int k = 0; k < D; k++) {
            assertThat(s.gradImage()[2][k]).isCloseTo(r.gradImage()[2][k] / 7.5, within(1e-14));
        }
        assertThat(SigLipLoss.compute(scaled, text, 10, -10, true).loss())
                .isCloseTo(SigLipLoss.compute(image, text, 10, -10, true).loss(), within(1e-12));
    }

    @Test
    void gradientIsOrthogonalToItsRow() {
        ClipLossResult r = ClipLoss.compute(image, text, 12, true);
        SigLipLossResult q = SigLipLoss.compute(image, text, 10, -10, true);
        for (int i = 0; i < B; i++) {
            assertThat(dot(image[i], r.gradImage()[i])).isCloseTo(0, within(1e-14));
            assertThat(dot(text[i], r.gradText()[i])).isCloseTo(0, within(1e-14));
            assertThat(dot(image[i], q.gradImage()[i])).isCloseTo(0, within(1e-14));
        }
    }

    @Test
    void lossStaysWithinItsBounds() {
        for (double s : new double[] {0.01, 1, 14.3, 100}) {
            double loss = ClipLoss.compute(image, text, s, true).loss();
            assertThat(loss).isBetween(0.0, Math.log(B) + 2 * s);
        }
    }

    @Test
    void allZeroRowIsLegalAsInPyTorch() {
        double[][] withZero = TestData.gaussian(41, B, D);
        withZero[4] = new double[D];
        ClipLossResult r = ClipLoss.compute(withZero, text, 12, true);
        NaiveClip.Clip oracle = NaiveClip.clip(withZero, text, 12, true);
        assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-12));
        // F.normalize clamps the norm at 1e-12: the zero row's gradient is g / 1e-12, finite.
        assertThat(r.gradImage()[4]).containsExactly(oracle.gradImage()[4], within(1e-3));
        assertThat(r.gradImage()[4][0]).isFinite();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
