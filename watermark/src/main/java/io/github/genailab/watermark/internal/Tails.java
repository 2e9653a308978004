package io.github.genailab.watermark.internal;

import org.apache.commons.math3.special.Gamma;

/** Exact upper-tail probabilities of the null distributions the detectors use. */
public final class Tails {

    private Tails() {
    }

    /**
     * Returns {@code P(X >= x)} for {@code X ~ Gamma(shape, 1)}: the regularised upper incomplete gamma
     * function {@code Q(shape, x) = Gamma(shape, x) / Gamma(shape)} (scipy's {@code gammaincc}), the null
     * law of a sum of {@code shape} independent Exp(1) terms.
     *
     * @param shape the number of terms, {@code >= 1}
     * @param x the observed sum, {@code >= 0}
     * @return the tail, in [0, 1]
     */
    public static double gammaUpper(int shape, double x) {
        if (x <= 0) {
            return 1.0;
        }
        double q = Gamma.regularizedGammaQ(shape, x, 1e-15, 100_000);
        return Math.min(1.0, Math.max(0.0, q));
    }

    /**
     * Returns the one-sided z-test p-value {@code P(X >= green)} for {@code X ~ Binomial(scored, gamma)},
     * exact; 1 when nothing was scored.
     *
     * @param green the green count
     * @param scored the number of scored tokens
     * @param gamma the green probability under the null, in (0, 1)
     * @return the tail, in [0, 1]
     */
    public static double binomialUpper(int green, int scored, double gamma) {
        return scored == 0 ? 1.0 : Math.min(1.0, BinomialTail.upper(green, scored, gamma));
    }

    /**
     * Returns the one-proportion z-score {@code (green - gamma T) / sqrt(T gamma (1 - gamma))}, 0 when
     * nothing was scored.
     *
     * @param green the green count
     * @param scored T
     * @param gamma the green fraction
     * @return z
     */
    public static double z(int green, int scored, double gamma) {
        return scored == 0 ? 0.0 : (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma));
    }
}
