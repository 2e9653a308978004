package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central finite differences (float64, h = 1e-6) against the analytic gradients, and the naive oracle. */
class ClipLossGradientTest {

    private static final double H = 1e-6;

    static Stream<Arguments> shapes() {
        Stream.Builder<Arguments> shapes = Stream.builder();
        for (int b : new int[] {1, 2, 3, 7}) {
            for (int d : new int[] {1, 3, 8}) {
                for (boolean normalize : new boolean[] {true, false}) {
                    shapes.add(Arguments.of(b, d, normalize));
                }
            }
        }
        return shapes.build();
    }

    @ParameterizedTest(name = "B={0} D={1} normalize={2}")
    @MethodSource("shapes")
    void clipGradientsMatchFiniteDifferences(int b, int d, boolean normalize) {
        double[][] image = TestData.gaussian(10L * b + d, b, d);
        double[][] text = TestData.gaussian(1000L + 10L * b + d, b, d);
        double s = normalize ? 4.0 : 0.7;
        ClipLossResult r = ClipLoss.compute(image, text, s, normalize);

        assertGradient(image, r.gradImage(), m -> ClipLoss.compute(m, text, s, normalize).loss());
        assertGradient(text, r.gradText(), m -> ClipLoss.compute(image, m, s, normalize).loss());
        double numeric = (ClipLoss.compute(image, text, s * Math.exp(H), normalize).loss()
                - ClipLoss.compute(image, text, s * Math.exp(-H), normalize).loss()) / (2 * H);
        assertThat(r.gradLogScale()).isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));

        NaiveClip.Clip oracle = NaiveClip.clip(image, text, s, normalize);
        assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-12));
        assertThat(r.imageToText()).isCloseTo(oracle.imageToText(), within(1e-12));
        assertThat(r.textToImage()).isCloseTo(oracle.textToImage(), within(1e-12));
        assertThat(r.gradLogScale()).isCloseTo(oracle.gradLogScale(), within(1e-12));
        assertThat(TestData.maxAbsDiff(r.gradImage(), oracle.gradImage())).isLessThan(1e-12);
        assertThat(TestData.maxAbsDiff(r.gradText(), oracle.gradText())).isLessThan(1e-12);
    }

    @ParameterizedTest(name = "B={0} D={1} normalize={2}")
    @MethodSource("shapes")
    void sigLipGradientsMatchFiniteDifferences(int b, int d, boolean normalize) {
        double[][] image = TestData.gaussian(20L * b + d, b, d);
        double[][] text = TestData.gaussian(2000L + 20L * b + d, b, d);
        double t = normalize ? 3.0 : 0.8;
        double bias = -1.5;
        SigLipLossResult r = SigLipLoss.compute(image, text, t, bias, normalize);

        assertGradient(image, r.gradImage(), m -> SigLipLoss.compute(m, text, t, bias, normalize).loss());
        assertGradient(text, r.gradText(), m -> SigLipLoss.compute(image, m, t, bias, normalize).loss());
        double dTheta = (SigLipLoss.compute(image, text, t * Math.exp(H), bias, normalize).loss()
                - SigLipLoss.compute(image, text, t * Math.exp(-H), bias, normalize).loss()) / (2 * H);
        assertThat(r.gradLogScale()).isCloseTo(dTheta, within(1e-7 + 1e-6 * Math.abs(dTheta)));
        double dBias = (SigLipLoss.compute(image, text, t, bias + H, normalize).loss()
                - SigLipLoss.compute(image, text, t, bias - H, normalize).loss()) / (2 * H);
        assertThat(r.gradBias()).isCloseTo(dBias, within(1e-7 + 1e-6 * Math.abs(dBias)));

        NaiveClip.SigLip oracle = NaiveClip.sigLip(image, text, t, bias, normalize);
        assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-12));
        assertThat(r.gradLogScale()).isCloseTo(oracle.gradLogScale(), within(1e-12));
        assertThat(r.gradBias()).isCloseTo(oracle.gradBias(), within(1e-12));
        assertThat(TestData.maxAbsDiff(r.gradImage(), oracle.gradImage())).isLessThan(1e-12);
        assertThat(TestData.maxAbsDiff(r.gradText(), oracle.gradText())).isLessThan(1e-12);
    }

    /** Every entry of {@code analytic} against a central difference of {@code loss} at {@code point}. */
    static void assertGradient(double[][] point, double[][] analytic, ToDoubleFunction<double[][]> loss) {
        for (int i = 0; i < point.length; i++) {
            for (int k = 0; k < point[i].length; k++) {
                double[][] plus = copy(point);
                double[][] minus = copy(point);
                plus[i][k] += H;
                minus[i][k] -= H;
                double numeric = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * H);
                assertThat(analytic[i][k]).as("entry [%d][%d]", i, k)
                        .isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
