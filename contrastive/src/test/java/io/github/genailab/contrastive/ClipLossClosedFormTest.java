package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Closed-form values listed in docs/clip-conventions.md, 'Closed forms' (computed in float64). */
class ClipLossClosedFormTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 100})
    void equalRowsGiveLnB(int b) {
        double[][] image = new double[b][];
        double[][] text = new double[b][];
        for (int i = 0; i < b; i++) {
            image[i] = new double[] {0.3, -1.2, 2.0};
            text[i] = new double[] {1.0, 0.5, -0.25};
        }
        ClipLossResult r = ClipLoss.compute(image, text, 7.5, true);
        assertThat(r.loss()).isCloseTo(Math.log(b), within(1e-12));
        assertThat(r.imageToText()).isCloseTo(Math.log(b), within(1e-12));
        assertThat(r.gradLogScale()).isCloseTo(0, within(1e-12));
        assertThat(TestData.maxAbsDiff(r.gradImage(), new double[b][3])).isLessThan(1e-12);
    }

    @Test
    void eightEqualRowsGiveTheReferenceValue() {
        double[][] ones = new double[8][4];
        for (double[] row : ones) {
            Arrays.fill(row, 1);
        }
        assertThat(ClipLoss.compute(ones, ones, 100, true).loss()).isCloseTo(2.0794415417, within(1e-10));
    }

    @Test
    void singlePairHasZeroLossAndGradients() {
        ClipLossResult r = ClipLoss.compute(new double[][] {{1, 2}}, new double[][] {{-3, 0.5}}, 10, true);
        assertThat(r.loss()).isZero();
        assertThat(r.gradLogScale()).isZero();
        assertThat(r.gradImage()[0]).containsExactly(0, 0);
        assertThat(r.gradText()[0]).containsExactly(0, 0);
    }

    @Test
    void orthonormalPairs() {
        double[][] e = TestData.identity(4, 6);
        double s = 1 / 0.07;
        ClipLossResult r = ClipLoss.compute(e, e, s, true);
        assertThat(r.loss()).isCloseTo(1.8746231e-06, within(1e-13));
        assertThat(r.loss()).isCloseTo(Math.log1p(3 * Math.exp(-s)), within(1e-18));
        ClipLossResult five = ClipLoss.compute(e, e, 5, false);
        assertThat(five.gradLogScale()).isCloseTo(-0.0990667, within(1e-7));
        assertThat(five.gradLogScale()).isCloseTo(-5.0 * 3 / (Math.exp(5) + 3), within(1e-15));
    }

    @Test
    void orthonormalPairsAtScaleHundredKeepTheirTinyLoss() {
        double[][] e = TestData.identity(4, 4);
        ClipLossResult r = ClipLoss.compute(e, e, 100, true);
        // LSE - L_ii would round to exactly 0; the log1p form keeps 3 e^-100.
        assertThat(r.loss()).isCloseTo(3 * Math.exp(-100), within(1e-55));
        assertThat(r.loss()).isPositive();
    }

    @Test
    void regularSimplex() {
        double[][] simplex = {
            {1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1},
        };
        ClipLossResult r = ClipLoss.compute(simplex, simplex, 1, true);
        assertThat(r.loss()).isCloseTo(0.5826576531, within(1e-10));
    }

    @Test
    void antiAlignedPairs() {
        double[][] e = TestData.identity(3, 3);
        double[][] minus = TestData.identity(3, 3);
        for (int i = 0; i < 3; i++) {
            minus[i][i] = -1;
        }
        assertThat(ClipLoss.compute(e, minus, 10, true).loss()).isCloseTo(10.6931699, within(1e-7));
    }

    @Test
    void twoByTwoExample() {
        double[][] image = {{1, 0}, {0, 1}};
        double[][] text = {{1, 0}, {0.6, 0.8}};
        ClipLossResult one = ClipLoss.compute(image, text, 1, true);
        assertThat(one.loss()).isCloseTo(0.4488791188, within(1e-10));
        assertThat(one.gradLogScale()).isCloseTo(-0.1918800, within(1e-7));
        assertThat(ClipLoss.compute(image, text, 10, true).loss()).isCloseTo(0.0363646861, within(1e-10));
    }
}
