package io.github.genailab.collapse.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Digamma/trigamma-based moments against scipy 1.10.1 ({@code digamma(x) - log(x)}, {@code polygamma(1, x)})
 * and, for large arguments where scipy's own subtractions lose digits, mpmath at 40 digits (mpmath 1.2.1,
 * Python 3.11.2; re-evaluated on 2026-12-06, the same versions agree with every value here to 5e-16).
 */
class ChiSquareMomentsTest {

    @ParameterizedTest
    @CsvSource({"0.5, -1.2703628454614782, 4.93480220054468", "1.0, -0.5772156649015329, 1.6449340668482266",
        "3.7, -0.14117928028866733, 0.31003785767003833", "49.5, -0.010135018848272281, 0.020407455046879994",
        "12345.5, -4.050113402520594e-05, 8.100445520074442e-05"})
    void digammaAndTrigammaMatchScipy(double x, double digammaMinusLog, double trigamma) {
        assertThat(ChiSquareMoments.digammaMinusLog(x)).isCloseTo(digammaMinusLog, within(1e-14));
        assertThat(ChiSquareMoments.trigamma(x)).isCloseTo(trigamma, within(1e-14));
    }

    @ParameterizedTest
    @CsvSource({"1e7, -5.0000000833333333333e-8, 1.0000000500000016667e-7",
        "1e12, -5.0000000000008333333e-13, 1.0000000000005e-12"})
    void largeArgumentsKeepTheirRelativeAccuracy(double x, double digammaMinusLog, double trigamma) {
        assertThat(ChiSquareMoments.digammaMinusLog(x)).isCloseTo(digammaMinusLog,
                within(1e-15 * Math.abs(digammaMinusLog)));
        assertThat(ChiSquareMoments.trigamma(x)).isCloseTo(trigamma, within(1e-15 * trigamma));
    }

    @ParameterizedTest
    @CsvSource({"1, 0.7978845608028654", "9, 0.9726592741215884", "99, 0.9974779760712215",
        "1e6, 0.99999975000003125004"})
    void meanSqrtRatioMatchesScipy(double k, double expected) {
        assertThat(ChiSquareMoments.meanSqrtRatio(k)).isCloseTo(expected, within(1e-13));
    }
}
