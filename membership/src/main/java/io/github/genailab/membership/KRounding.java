package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * How many tokens Min-K% and Min-K%++ average: the reference rule {@code m = int(N * k)} and what to
 * do when it gives zero.
 *
 * <p>Every reference implementation (swj0419/detect-pretrain-code, zjysteven/mink-plus-plus,
 * iamgroot42/mimir) computes {@code m = int(len(all_prob) * ratio)}: the product is formed in IEEE
 * double precision and truncated toward zero, with no lower bound. The float artefacts are part of
 * the rule ({@code int(90 * 0.7) = 62} because {@code 90 * 0.7 = 62.99999999999999}); integer
 * arithmetic such as {@code n * 70 / 100} would give 63 and is not what the reference does. When
 * {@code m = 0} (for example N &le; 19 at k = 0.05) the reference takes the mean of an empty array,
 * gets NaN and then crashes in scikit-learn's {@code roc_curve} (or, in MIMIR, silently drops the
 * sample). GenAI Lab never returns that NaN; the two constants choose between the alternatives.
 *
 * @since 0.1.0
 */
public enum KRounding {

    /**
     * {@code m = max(1, int(N * k))}: identical to the reference whenever the reference is defined
     * (m &ge; 1), and the single least likely token where the reference would produce NaN. The
     * result records whether the rule was applied ({@link MinKScore#roundedUp()}). This is the
     * default: every text gets a score, so report tables over small k stay computable.
     */
    AT_LEAST_ONE,

    /**
     * {@code m = int(N * k)} exactly as the reference, rejecting {@code m = 0} with an
     * {@link IllegalArgumentException} that names N and k instead of producing NaN.
     */
    STRICT;

    /**
     * The number of tokens averaged for {@code scoredTokens} scored tokens and fraction {@code k}.
     *
     * @param scoredTokens N, the number of scored tokens ({@code >= 1})
     * @param k the fraction, in (0, 1]
     * @return m, in [1, N]
     * @throws IllegalArgumentException if N &lt; 1, k is outside (0, 1], or (for {@link #STRICT})
     *     {@code int(N * k) = 0}
     */
    public int tokenCount(int scoredTokens, double k) {
        int m = truncatedCount(scoredTokens, k);
        if (m > 0) {
            return m;
        }
        if (this == STRICT) {
            throw new IllegalArgumentException("k must select at least one of the " + scoredTokens
                    + " scored tokens (reference rule int(N * k) gives 0 for N = " + scoredTokens + "), got " + k);
        }
        return 1;
    }

    /**
     * The reference count {@code int(N * k)} without any lower bound (0 is possible).
     *
     * @param scoredTokens N, the number of scored tokens ({@code >= 1})
     * @param k the fraction, in (0, 1]
     * @return {@code (int) (N * k)} computed in double precision, in [0, N]
     * @throws IllegalArgumentException if N &lt; 1 or k is outside (0, 1]
     */
    public static int truncatedCount(int scoredTokens, double k) {
        Checks.positive(scoredTokens, "scoredTokens");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        return (int) (scoredTokens * k);
    }
}
