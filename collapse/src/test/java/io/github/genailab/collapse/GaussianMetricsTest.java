package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.mixture.GaussianMixture;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden values printed by src/test/python/metrics_golden.py (numpy 1.24.2, scipy 1.10.1, Python 3.11.2;
 * listed in docs/collapse-theory.md, 'Golden values for the metrics'), to 1e-9.
 */
class GaussianMetricsTest {

    private static final double[] ZERO = {0, 0};
    private static final double[][] I2 = {{1, 0}, {0, 1}};
    private static final double[] SHIFT = {1, 0};
    private static final double[][] DIAG41 = {{4, 0}, {0, 1}};

    @Test
    void wassersteinGoldenValues() {
        assertThat(GaussianMetrics.w2Squared(ZERO, I2, SHIFT, DIAG41)).isCloseTo(2.0, within(1e-9));
        assertThat(GaussianMetrics.w2Squared(ZERO, I2, ZERO, new double[][] {{2, 1}, {1, 2}}))
                .isCloseTo(0.5358983848622465, within(1e-9));
        assertThat(GaussianMetrics.w2Squared(new double[] {0.5, -1}, new double[][] {{1.5, 0.3}, {0.3, 0.7}},
                new double[] {-0.2, 0.4}, new double[][] {{0.4, -0.1}, {-0.1, 2.2}}))
                .isCloseTo(3.29637606977733, within(1e-9));
        assertThat(GaussianMetrics.w2Squared(0, 1, 1, 4)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void wassersteinIsSymmetricAndZeroOnlyForEqualDistributions() {
        double[][] s = {{2, 0.5}, {0.5, 1}};
        assertThat(GaussianMetrics.w2Squared(ZERO, I2, SHIFT, s))
                .isCloseTo(GaussianMetrics.w2Squared(SHIFT, s, ZERO, I2), within(1e-12));
        assertThat(GaussianMetrics.w2Squared(SHIFT, s, SHIFT, s)).isCloseTo(0, within(1e-12));
        assertThat(GaussianMetrics.w2Squared(new double[] {3}, new double[][] {{2}}, new double[] {1},
                new double[][] {{0.5}})).isCloseTo(GaussianMetrics.w2Squared(3, 2, 1, 0.5), within(1e-12));
    }

    @Test
    void klGoldenValues() {
        assertThat(GaussianMetrics.klDivergence(ZERO, I2, SHIFT, DIAG41)).isCloseTo(0.4431471805599453, within(1e-9));
        assertThat(GaussianMetrics.klDivergence(SHIFT, DIAG41, ZERO, I2)).isCloseTo(1.3068528194400546, within(1e-9));
        assertThat(GaussianMetrics.klDivergence(0, 1, 0, 0.01)).isCloseTo(47.19741490700596, within(1e-9));
        assertThat(GaussianMetrics.klDivergence(0, 0.01, 0, 1)).isCloseTo(1.8075850929940454, within(1e-9));
        assertThat(GaussianMetrics.klDivergence(2, 3, 2, 3)).isZero();
    }

    @Test
    void tailMassGoldenValues() {
        assertThat(GaussianMetrics.tailMass(0, 1, 0, 1)).isCloseTo(0.0026997960632601866, within(1e-12));
        assertThat(GaussianMetrics.tailMass(0, 1, 0.5, 0.64)).isCloseTo(0.0008950969230197627, within(1e-12));
        assertThat(GaussianMetrics.tailMass(10, 4, 10, 4)).isCloseTo(0.0026997960632601866, within(1e-12));
        assertThat(GaussianMetrics.tailMass(0, 1, 0, 1, 1)).isCloseTo(0.31731050786291415, within(1e-12));
    }

    @Test
    void expectedLogLikelihoodGoldenValues() {
        assertThat(GaussianMetrics.expectedLogLikelihood(0, 1, 0, 1)).isCloseTo(-1.4189385332046727, within(1e-9));
        assertThat(GaussianMetrics.expectedLogLikelihood(0, 1, 0, 0.5)).isCloseTo(-1.5723649429247, within(1e-9));
        assertThat(GaussianMetrics.expectedLogLikelihood(0, 1, 0.3, 0.1)).isCloseTo(-5.21764598670765, within(1e-9));
        assertThat(GaussianMetrics.expectedLogLikelihood(ZERO, I2, SHIFT, DIAG41))
                .isCloseTo(-3.2810242469692907, within(1e-9));
    }

    @Test
    void meanLogLikelihoodOfDataMatchesTheDirectSum() {
        double[] x = {-1.2, 0.4, 2.5, 0.0};
        double direct = 0;
        for (double v : x) {
            direct += -0.5 * Math.log(2 * Math.PI * 1.7) - (v - 0.3) * (v - 0.3) / (2 * 1.7);
        }
        assertThat(GaussianMetrics.meanLogLikelihood(x, 0.3, 1.7)).isCloseTo(direct / 4, within(1e-12));
    }

    @Test
    void l2BetweenMixturesMatchesNumericalIntegration() {
        GaussianMixture p = GaussianMixture.of(new double[] {0.3, 0.7}, new double[][] {{-1}, {1.5}},
                new double[][][] {{{0.5}}, {{2}}});
        GaussianMixture q = GaussianMixture.of(new double[] {0.6, 0.4}, new double[][] {{0}, {2}},
                new double[][][] {{{1}}, {{0.25}}});
        assertThat(GaussianMetrics.l2Squared(p, q)).isCloseTo(0.03224947318935956, within(1e-9));
        assertThat(GaussianMetrics.l2Squared(q, p)).isCloseTo(0.03224947318935956, within(1e-9));
        assertThat(GaussianMetrics.l2Squared(p, p)).isCloseTo(0, within(1e-15));
    }

    @Test
    void l2OfANarrowComponentGrowsLikeOneOverSigma() {
        GaussianMixture wide = GaussianMixture.single(new double[] {0}, new double[][] {{1}});
        GaussianMixture narrow = GaussianMixture.single(new double[] {0}, new double[][] {{1e-4}});
        double selfOverlap = 1 / (2 * Math.sqrt(Math.PI) * 1e-2);
        assertThat(GaussianMetrics.l2Squared(wide, narrow)).isGreaterThan(0.9 * selfOverlap);
    }

    static Stream<Arguments> badInputs() {
        double[][] notPd = {{1, 2}, {2, 1}};
        double[][] asymmetric = {{1, 0.5}, {0.2, 1}};
        GaussianMixture one = GaussianMixture.single(new double[] {0}, new double[][] {{1}});
        GaussianMixture two = GaussianMixture.single(ZERO, I2);
        return Stream.of(
                bad("mean1", IllegalArgumentException.class, () -> GaussianMetrics.w2Squared(Double.NaN, 1, 0, 1)),
                bad("variance1", IllegalArgumentException.class, () -> GaussianMetrics.w2Squared(0, 0, 0, 1)),
                bad("variance2", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(0, 1, 0, Double.POSITIVE_INFINITY)),
                bad("mean2", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(0, 1, Double.NEGATIVE_INFINITY, 1)),
                bad("mean1", NullPointerException.class, () -> GaussianMetrics.w2Squared(null, I2, ZERO, I2)),
                bad("mean1", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(new double[0], I2, ZERO, I2)),
                bad("mean2", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(ZERO, I2, new double[] {0}, I2)),
                bad("covariance1", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(ZERO, notPd, ZERO, I2)),
                bad("covariance2", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(ZERO, I2, ZERO, asymmetric)),
                bad("covariance2", NullPointerException.class, () -> GaussianMetrics.w2Squared(ZERO, I2, ZERO, null)),
                bad("covariance1", IllegalArgumentException.class,
                        () -> GaussianMetrics.w2Squared(ZERO, new double[][] {{1}}, ZERO, I2)),
                bad("variance0", IllegalArgumentException.class, () -> GaussianMetrics.klDivergence(0, -1, 0, 1)),
                bad("mean1", IllegalArgumentException.class, () -> GaussianMetrics.klDivergence(0, 1, Double.NaN, 1)),
                bad("covariance0", IllegalArgumentException.class,
                        () -> GaussianMetrics.klDivergence(ZERO, notPd, ZERO, I2)),
                bad("mean1", IllegalArgumentException.class,
                        () -> GaussianMetrics.klDivergence(ZERO, I2, new double[] {Double.NaN, 0}, I2)),
                bad("sigmas", IllegalArgumentException.class, () -> GaussianMetrics.tailMass(0, 1, 0, 1, 0)),
                bad("originalVariance", IllegalArgumentException.class,
                        () -> GaussianMetrics.tailMass(0, Double.NaN, 0, 1)),
                bad("variance", IllegalArgumentException.class,
                        () -> GaussianMetrics.expectedLogLikelihood(0, 1, 0, 0)),
                bad("covariance", IllegalArgumentException.class,
                        () -> GaussianMetrics.expectedLogLikelihood(ZERO, I2, ZERO, notPd)),
                bad("data", NullPointerException.class, () -> GaussianMetrics.meanLogLikelihood(null, 0, 1)),
                bad("data", IllegalArgumentException.class,
                        () -> GaussianMetrics.meanLogLikelihood(new double[0], 0, 1)),
                bad("data[1]", IllegalArgumentException.class,
                        () -> GaussianMetrics.meanLogLikelihood(new double[] {0, Double.NaN}, 0, 1)),
                bad("p", NullPointerException.class, () -> GaussianMetrics.l2Squared(null, one)),
                bad("q dimension", IllegalArgumentException.class, () -> GaussianMetrics.l2Squared(one, two)));
    }

    private static Arguments bad(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        return Arguments.of(name, type, call);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputsNameTheParameter(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(name);
    }
}
