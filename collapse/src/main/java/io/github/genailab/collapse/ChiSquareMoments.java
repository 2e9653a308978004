package io.github.genailab.collapse;

import org.apache.commons.math3.special.Gamma;

/**
 * Moments of {@code S ~ chi^2_k} that the collapse theory needs, accurate for any {@code k} including
 * very large ones (where naive differences of digamma/log-gamma values lose digits).
 */
final class ChiSquareMoments {

    private static final double SERIES_FROM = 1e4;

    private ChiSquareMoments() {
    }

    /** {@code E[ln(S / k)] = psi(k/2) - ln(k/2)}. */
    static double meanLogRatio(double k) {
        double x = k / 2;
        if (x >= SERIES_FROM) {
            double x2 = x * x;
            return -1 / (2 * x) - 1 / (12 * x2) + 1 / (120 * x2 * x2) - 1 / (252 * x2 * x2 * x2);
        }
        return Gamma.digamma(x) - Math.log(x);
    }

    /** {@code Var[ln S] = psi'(k/2)}. */
    static double varianceLog(double k) {
        return Gamma.trigamma(k / 2);
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
