package io.github.genailab.watermark.theory;

import java.util.Locale;

/**
 * Theorem 4.2 of Kirchenbauer et al. (ICML 2023) evaluated for one setting: the lower bound on the expected green
 * count of a soft-watermarked text, the upper bound on its variance, and the z-score the bound implies.
 *
 * <pre>
 *   coefficient c = gamma alpha / (1 + (alpha - 1) gamma),  alpha = exp(delta)
 *   expectedGreenFraction  = c S*            expectedGreenCount = T c S*
 *   varianceBound          = T c S* (1 - c S*)
 *   expectedZ              = (T c S* - gamma T) / sqrt(T gamma (1 - gamma))
 * </pre>
 *
 * @param gamma the green fraction of the scheme
 * @param delta the bias ({@code +Infinity} for the hard list)
 * @param tokens the number of scored tokens T
 * @param meanSpikeEntropy S*, the mean spike entropy over the T steps
 * @param modulus the spike-entropy modulus {@code z_alpha}
 * @param coefficient c
 * @param expectedGreenFraction the lower bound {@code c S*} on the expected green fraction
 * @param expectedGreenCount the lower bound {@code T c S*} on the expected green count
 * @param varianceBound the upper bound {@code T c S* (1 - c S*)} on the green count's variance
 * @param expectedZ the z-score of a text at the expected green count
 *
 * @since 0.1.0
 */
public record TheoremBound(double gamma, double delta, int tokens, double meanSpikeEntropy, double modulus,
        double coefficient, double expectedGreenFraction, double expectedGreenCount, double varianceBound,
        double expectedZ) {

    /**
     * One line with the inputs and the bound.
     *
     * @return e.g. {@code "TheoremBound[gamma=0.25, delta=2.0, T=200, S*=1.000: c=0.711, E green >= 142.2 ..."}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "TheoremBound[gamma=%s, delta=%s, T=%d, S*=%.3f: c=%.3f, E green >= %.1f (fraction %.3f), "
                        + "Var <= %.1f, expected z = %.2f]",
                gamma, delta, tokens, meanSpikeEntropy, coefficient, expectedGreenCount, expectedGreenFraction,
                varianceBound, expectedZ);
    }
}
