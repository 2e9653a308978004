package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import java.util.Locale;

/**
 * One Min-K% or Min-K%++ score with the parameters and counts that produced it.
 *
 * @param method {@code "Min-K%"} or {@code "Min-K%++"}
 * @param score the mean of the {@code tokensUsed} lowest per-token values (higher means more
 *     likely a member)
 * @param k the fraction of tokens requested, in (0, 1]
 * @param tokensUsed m, the number of tokens averaged
 * @param tokensScored N, the number of scored tokens
 * @param roundedUp true if the reference rule {@code int(N * k)} gave 0 and one token was used
 *     instead ({@link KRounding#AT_LEAST_ONE})
 * @param zeroSigmaTokens how many of the N tokens had {@code sigma = 0} and got the neutral score
 *     0 (always 0 for Min-K%)
 *
 * @since 0.1.0
 */
public record MinKScore(String method, double score, double k, int tokensUsed, int tokensScored,
                        boolean roundedUp, int zeroSigmaTokens) {

    /**
     * Validates the record.
     *
     * @param method {@code "Min-K%"} or {@code "Min-K%++"}
     * @param score the mean of the {@code tokensUsed} lowest per-token values (higher means more likely a
     *     member)
     * @param k the fraction of tokens requested, in (0, 1]
     * @param tokensUsed m, the number of tokens averaged
     * @param tokensScored N, the number of scored tokens
     * @param roundedUp true if the reference rule {@code int(N * k)} gave 0 and one token was used instead
     *     ({@link KRounding#AT_LEAST_ONE})
     * @param zeroSigmaTokens how many of the N tokens had {@code sigma = 0} and got the neutral score 0
     *     (always 0 for Min-K%)
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if the score is not finite, k is outside (0, 1], or the
     *     counts are inconsistent
     */
    public MinKScore {
        Checks.notNull(method, "method");
        Checks.finite(score, "score");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        Checks.positive(tokensScored, "tokensScored");
        Checks.inRange(tokensUsed, 1, tokensScored, "tokensUsed");
        Checks.inRange(zeroSigmaTokens, 0, tokensScored, "zeroSigmaTokens");
    }

    /**
     * Averages the m lowest of {@code values} as the reference does: ascending sort of the selection,
     * numpy pairwise sum, division by m.
     */
    static MinKScore ofLowest(String method, double[] values, double k, KRounding rounding, int zeroSigmaTokens) {
        int n = values.length;
        int m = rounding.tokenCount(n, k);
        double[] sorted = Selection.smallestFirst(values, m);
        double mean = PairwiseSum.sum(sorted, 0, m) / m;
        return new MinKScore(method, mean, k, m, n, KRounding.truncatedCount(n, k) == 0, zeroSigmaTokens);
    }

    /**
     * One line, e.g. {@code Min-K% 20%: -3.5500 (mean of 2 lowest of 10 tokens)}.
     *
     * @return the readable summary
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %s: %.4f (mean of %d lowest of %d tokens",
                method, percent(k), score, tokensUsed, tokensScored));
        if (roundedUp) {
            s.append("; int(N*k) = 0, rounded up to 1");
        }
        if (zeroSigmaTokens > 0) {
            s.append("; ").append(zeroSigmaTokens).append(" with sigma = 0");
        }
        return s.append(')').toString();
    }

    /** A fraction as a short percentage: 0.2 gives "20%", 0.05 gives "5%", 0.125 gives "12.5%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f", fraction * 100).replaceAll("\\.?0+$", "") + "%";
    }
}
