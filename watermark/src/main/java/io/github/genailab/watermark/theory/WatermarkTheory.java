package io.github.genailab.watermark.theory;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;

/**
 * The paper's analysis as calculators: spike entropy, the Theorem 4.2 bound on the green count of soft-watermarked
 * text, and the number of tokens needed to reach a z threshold. Use them to choose gamma and delta, or to explain
 * a weak detection on low-entropy text (code, instruction-tuned models).
 *
 * <pre>
 *   spike entropy      S(p, z) = sum_k p_k / (1 + z p_k)                          (Def. 4.1)
 *   alpha              = exp(delta)
 *   modulus            z_alpha = (1 - gamma)(alpha - 1) / (1 + (alpha - 1) gamma)
 *   coefficient        c = gamma alpha / (1 + (alpha - 1) gamma)
 *   Theorem 4.2        E|s|_G &gt;= c T S*,   Var|s|_G &lt;= T c S* (1 - c S*),   S* = mean spike entropy over the T steps
 *   expected z         (c S* T - gamma T) / sqrt(T gamma (1 - gamma))
 *   tokens needed      T = ceil(z^2 gamma (1 - gamma) / (f - gamma)^2)   at green fraction f
 * </pre>
 * The hard red list is {@code delta = +Infinity}: modulus and coefficient are then 1 (the reference's overflow
 * catch). Spike entropy lies in (0, 1]: 1 for a uniform distribution over a huge vocabulary, {@code 1/(1+z)}
 * for a one-hot distribution (where no watermark is possible).
 *
 * <p>Golden values (paper Sec. 4): c = 0.711 for gamma = 0.25, delta = 2 and 0.881 for gamma = 0.5, delta = 2;
 * with S* = 1 and T = 200 the expected z is about 15.1 and 10.8; a fully green text needs 16 tokens to reach
 * z = 4 at gamma = 0.5 (so 17 to exceed it) and 6 at gamma = 0.25. All O(1) except the entropies, O(V).
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 4 (Def. 4.1, Thm. 4.2).
 * Reference: {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py}
 * ({@code _init_spike_entropies}, {@code _compute_spike_entropy}).
 *
 * @since 0.1.0
 */
public final class WatermarkTheory {

    private WatermarkTheory() {
    }

    /**
     * Returns the spike entropy {@code S(p, z) = sum_k p_k / (1 + z p_k)}.
     *
     * @param probabilities a probability vector (entries in [0, 1]; not renormalised)
     * @param modulus the modulus {@code z >= 0} (use {@link #modulus(double, double)})
     * @return the spike entropy
     * @throws NullPointerException if {@code probabilities} is null
     * @throws IllegalArgumentException if empty, an entry is outside [0, 1], or the modulus is negative or not finite
     */
    public static double spikeEntropy(double[] probabilities, double modulus) {
        Checks.nonEmpty(probabilities, "probabilities");
        Checks.nonNegative(modulus, "modulus");
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw Checks.fail("probabilities[" + i + "]", "be in [0, 1]", p);
            }
            sum += p / (1 + modulus * p);
        }
        return sum;
    }

    /**
     * Returns the spike entropy of the softmax of a logits row at the modulus of ({@code gamma}, {@code delta}):
     * what the reference stores per generation step with {@code store_spike_ents=True}.
     *
     * @param logits the raw next-token logits (finite or -Infinity)
     * @param gamma the green fraction, in (0, 1)
     * @param delta the bias, {@code >= 0} ({@code +Infinity} for the hard list)
     * @return the spike entropy
     * @throws NullPointerException if {@code logits} is null
     * @throws IllegalArgumentException if the logits are empty or contain NaN/+Infinity, or gamma/delta is out of range
     */
    public static double spikeEntropyOfLogits(double[] logits, double gamma, double delta) {
        Checks.nonEmpty(logits, "logits");
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            if (!(logits[i] < Double.POSITIVE_INFINITY)) {
                throw Checks.fail("logits[" + i + "]", "be finite or -Infinity", logits[i]);
            }
            anyFinite |= logits[i] > Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw Checks.fail("logits", "have at least one finite entry", "all -Infinity");
        }
        return spikeEntropy(LogMath.softmax(logits), modulus(gamma, delta));
    }

    /**
     * Returns the spike-entropy modulus {@code z_alpha = (1 - gamma)(alpha - 1) / (1 + (alpha - 1) gamma)}.
     *
     * @param gamma the green fraction, in (0, 1)
     * @param delta the bias, {@code >= 0}; {@code +Infinity} (hard list) gives 1
     * @return the modulus
     * @throws IllegalArgumentException if gamma is outside (0, 1) or delta is negative or NaN
     */
    public static double modulus(double gamma, double delta) {
        checkGammaDelta(gamma, delta);
        double alpha = Math.exp(delta);
        if (alpha == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return (1 - gamma) * (alpha - 1) / (1 - gamma + alpha * gamma);
    }

    /**
     * Returns the Theorem 4.2 coefficient {@code c = gamma alpha / (1 + (alpha - 1) gamma)}: the expected green
     * fraction of a text whose every step has spike entropy 1.
     *
     * @param gamma the green fraction, in (0, 1)
     * @param delta the bias, {@code >= 0}; {@code +Infinity} (hard list) gives 1
     * @return the coefficient, in [gamma, 1]
     * @throws IllegalArgumentException if gamma is outside (0, 1) or delta is negative or NaN
     */
    public static double coefficient(double gamma, double delta) {
        checkGammaDelta(gamma, delta);
        double alpha = Math.exp(delta);
        if (alpha == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return gamma * alpha / (1 - gamma + alpha * gamma);
    }

    /**
     * Returns the whole Theorem 4.2 calculation for a text of {@code tokens} steps with mean spike entropy
     * {@code meanSpikeEntropy}.
     *
     * @param gamma the green fraction, in (0, 1)
     * @param delta the bias, {@code >= 0} ({@code +Infinity} for the hard list)
     * @param tokens the number of scored tokens T, {@code >= 1}
     * @param meanSpikeEntropy S*, in [0, 1]
     * @return the bound, its expected z and variance
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static TheoremBound bound(double gamma, double delta, int tokens, double meanSpikeEntropy) {
        checkGammaDelta(gamma, delta);
        Checks.positive(tokens, "tokens");
        Checks.inClosedInterval(meanSpikeEntropy, 0, 1, "meanSpikeEntropy");
        double c = coefficient(gamma, delta);
        double fraction = c * meanSpikeEntropy;
        double count = tokens * fraction;
        double variance = tokens * fraction * (1 - fraction);
        double z = (count - gamma * tokens) / Math.sqrt(tokens * gamma * (1 - gamma));
        return new TheoremBound(gamma, delta, tokens, meanSpikeEntropy, modulus(gamma, delta), c, fraction, count,
                variance, z);
    }

    /**
     * Returns the number of scored tokens at which a text with green fraction {@code greenFraction} reaches
     * {@code zThreshold}: the smallest T with {@code (f - gamma) sqrt(T) / sqrt(gamma (1 - gamma)) >= z}, i.e.
     * {@code ceil(z^2 gamma (1 - gamma) / (f - gamma)^2)}. (The detector's test is strict, so at exactly that T the
     * expected z sits on the threshold.)
     *
     * @param gamma the green fraction of the scheme, in (0, 1)
     * @param greenFraction the text's green fraction f, in (gamma, 1]
     * @param zThreshold the threshold, finite and {@code > 0}
     * @return T, {@code >= 1}
     * @throws IllegalArgumentException if an argument is out of range or T exceeds {@code Long.MAX_VALUE}
     */
    public static long tokensNeeded(double gamma, double greenFraction, double zThreshold) {
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        Checks.inLeftOpenInterval(greenFraction, gamma, 1, "greenFraction");
        Checks.positive(zThreshold, "zThreshold");
        double excess = greenFraction - gamma;
        double t = Math.ceil(zThreshold * zThreshold * gamma * (1 - gamma) / (excess * excess));
        if (!(t < 0x1p63)) {
            throw Checks.fail("greenFraction", "exceed gamma by enough to need fewer than 2^63 tokens", greenFraction);
        }
        return Math.max(1, (long) t);
    }

    private static void checkGammaDelta(double gamma, double delta) {
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        if (!(delta >= 0)) {
            throw Checks.fail("delta", "be >= 0 (+Infinity for the hard list)", delta);
        }
    }
}
