package io.github.genailab.collapse.gaussian;

import org.apache.commons.math3.special.Gamma;

/**
 * Moments of {@code S ~ chi^2_k} that the collapse theory needs, accurate to about 1e-15 for any
 * {@code k}, including very large ones where differences like {@code psi(x) - ln x} would otherwise lose
 * digits. Digamma and trigamma use the recurrence up to {@code x >= 10} and then their asymptotic
 * (Bernoulli) series to {@code x^-14} (Abramowitz &amp; Stegun 6.3.18, 6.4.12); Commons Math's versions
 * are only accurate to about 1e-9 here.
 */
final class ChiSquareMoments {

    private static final double SHIFT_TO = 10;
    private static final double SERIES_FROM = 1e4;

    private ChiSquareMoments() {
    }

    /** {@code psi(x) - ln x} for {@code x > 0}. */
    static double digammaMinusLog(double x) {
        double shift = 0;
        double y = x;
        while (y < SHIFT_TO) {
            shift -= 1 / y;
            y += 1;
        }
        double r = 1 / (y * y);
        double series = -1 / (2 * y) - r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240
                - r * (1.0 / 132 - r * (691.0 / 32760 - r / 12))))));
        return shift + series + (y == x ? 0 : Math.log(y / x));
    }

    /** {@code psi'(x)} for {@code x > 0}. */
    static double trigamma(double x) {
        double shift = 0;
        double y = x;
        while (y < SHIFT_TO) {
            shift += 1 / (y * y);
            y += 1;
        }
        double r = 1 / (y * y);
        double series = 1 / y + r / 2 + (r / y) * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30
                - r * (5.0 / 66 - r * (691.0 / 2730 - r * 7.0 / 6))))));
        return shift + series;
    }

    /** {@code E[ln(S / k)] = psi(k/2) - ln(k/2)}. */
    static double meanLogRatio(double k) {
        return digammaMinusLog(k / 2);
    }

    /** {@code Var[ln S] = psi'(k/2)}. */
    static double varianceLog(double k) {
        return trigamma(k / 2);
    }

    /** {@code E[sqrt(S / k)] = sqrt(2/k) Gamma((k+1)/2) / Gamma(k/2)} (c4-like constant). */
    static double meanSqrtRatio(double k) {
        double x = k / 2;
        if (x >= SERIES_FROM) {
            return Math.exp(-1 / (8 * x) + 1 / (192 * x * x * x));
        }
        return Math.exp(Gamma.logGamma(x + 0.5) - Gamma.logGamma(x) - 0.5 * Math.log(x));
    }

    /** {@code E[k / S] = k / (k - 2)}, infinite for {@code k <= 2}. */
    static double meanInverseRatio(double k) {
        return k > 2 ? k / (k - 2) : Double.POSITIVE_INFINITY;
    }
}
