package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SigLIP closed forms listed in docs/clip-conventions.md, 'Closed forms'. */
class SigLipClosedFormTest {

    /** N rows whose cosines with every non-partner are 0 and with the partner 0 as well. */
    @ParameterizedTest(name = "N={0}")
    @CsvSource({"4, 10.0001816", "256, 10.0116221"})
    void allCosinesZeroAtInitialisation(int n, double expected) {
        double[][] image = TestData.identity(n, 2 * n);
        double[][] text = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            text[i][n + i] = 1;
        }
        SigLipLossResult r = SigLipLoss.compute(image, text, SigLipLossOptions.defaults());
        assertThat(r.loss()).isCloseTo(expected, within(1e-7));
        double softplus10 = 10 + Math.log1p(Math.exp(-10));
        assertThat(r.loss()).isCloseTo(softplus10 + (n - 1) * Math.log1p(Math.exp(-10)), within(1e-12));
    }

    @Test
    void theLargeBatchValueOfTheClosedForm() {
        // softplus(10) + (N - 1) softplus(-10) at N = 32768, evaluated with the library's log1p.
        double tail = SigmoidPairs.log1p(Math.exp(-10));
        assertThat(10 + tail + 32767 * tail).isCloseTo(11.4876311, within(1e-7));
    }

    @Test
    void orthonormalPairs() {
        double[][] e = TestData.identity(4, 4);
        assertThat(SigLipLoss.compute(e, e, 10, -10, true).loss()).isCloseTo(0.6932834, within(1e-7));
    }

    @Test
    void twoByTwoExample() {
        double[][] image = {{1, 0}, {0, 1}};
        double[][] text = {{1, 0}, {0.6, 0.8}};
        assertThat(SigLipLoss.compute(image, text, 10, -10, true).loss()).isCloseTo(1.4191353, within(1e-7));
        assertThat(SigLipLoss.compute(image, text, 1, 0, true).loss()).isCloseTo(1.2074987, within(1e-7));
    }

    @Test
    void kahanLog1pIsAccurate() {
        for (double e : new double[] {0, 1e-300, 1e-17, 1e-9, 4.5e-5, 1e-3, 0.1, 0.5, 1}) {
            assertThat(SigmoidPairs.log1p(e)).isCloseTo(Math.log1p(e), within(4 * Math.ulp(Math.log1p(e))));
        }
    }

    @Test
    void clipIgnoresAConstantShiftOfAllLogits() {
        // The CLIP loss has no bias: a bias cancels in both softmaxes (its gradient is 0).
        double[][] image = TestData.gaussian(50, 5, 3);
        double[][] text = TestData.gaussian(51, 5, 3);
        NaiveClip.Clip oracle = NaiveClip.clip(image, text, 3, true);
        assertThat(ClipLoss.compute(image, text, 3, true).loss()).isCloseTo(oracle.loss(), within(1e-13));
    }
}
