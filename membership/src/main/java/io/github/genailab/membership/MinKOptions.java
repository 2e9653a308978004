package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * Options shared by {@link MinKProb} and {@link MinKPlusPlus}.
 *
 * @param rounding how {@code m = int(N * k)} is turned into a token count (see {@link KRounding})
 * @param zeroSigma what Min-K%++ does where {@code sigma = 0} (ignored by Min-K%)
 *
 * @since 0.1.0
 */
public record MinKOptions(KRounding rounding, ZeroSigma zeroSigma) {

    /**
     * Validates the options.
     *
     * @param rounding how {@code m = int(N * k)} is turned into a token count (see {@link KRounding})
     * @param zeroSigma what Min-K%++ does where {@code sigma = 0} (ignored by Min-K%)
     * @throws NullPointerException if a component is null
     */
    public MinKOptions {
        Checks.notNull(rounding, "rounding");
        Checks.notNull(zeroSigma, "zeroSigma");
    }

    /**
     * The defaults: {@link KRounding#AT_LEAST_ONE} and {@link ZeroSigma#NEUTRAL}.
     *
     * @return the default options
     */
    public static MinKOptions defaults() {
        return new MinKOptions(KRounding.AT_LEAST_ONE, ZeroSigma.NEUTRAL);
    }

    /**
     * The reference behaviour made explicit: {@link KRounding#STRICT} and {@link ZeroSigma#REJECT},
     * so every input the reference would turn into NaN is rejected with a clear message instead.
     *
     * @return strict options
     */
    public static MinKOptions strict() {
        return new MinKOptions(KRounding.STRICT, ZeroSigma.REJECT);
    }

    /**
     * A copy with another rounding rule.
     *
     * @param newRounding the rule
     * @return the new options
     * @throws NullPointerException if {@code newRounding} is null
     */
    public MinKOptions withRounding(KRounding newRounding) {
        return new MinKOptions(newRounding, zeroSigma);
    }

    /**
     * A copy with another zero-sigma policy.
     *
     * @param newZeroSigma the policy
     * @return the new options
     * @throws NullPointerException if {@code newZeroSigma} is null
     */
    public MinKOptions withZeroSigma(ZeroSigma newZeroSigma) {
        return new MinKOptions(rounding, newZeroSigma);
    }
}
