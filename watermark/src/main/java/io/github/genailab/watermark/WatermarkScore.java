package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * What a {@link Watermark} detector says about one text: its test statistic, the statistic's p-value under
 * "written without the key", and how many tokens entered the statistic.
 *
 * <p>Scores are not comparable across families (a z-score, a Gamma sum, a mean g-value, a Levenshtein
 * cost); p-values are, which is why the evaluation ranks and thresholds on p.
 *
 * @param watermark the family's registry name
 * @param statistic what {@code score} is, e.g. {@code "z"} or {@code "sum -ln(1-r)"}
 * @param score the test statistic (larger is more watermarked unless {@code statistic} says otherwise)
 * @param pValue the p-value, in [0, 1]
 * @param tokensScored how many tokens entered the statistic (after deduplication or entropy gating)
 *
 * @since 0.1.0
 */
public record WatermarkScore(String watermark, String statistic, double score, double pValue, int tokensScored) {

    /**
     * Validates the fields.
     *
     * @param watermark the family's registry name
     * @param statistic what {@code score} is
     * @param score the test statistic, finite
     * @param pValue the p-value, in [0, 1]
     * @param tokensScored how many tokens entered the statistic, {@code >= 0}
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if {@code score} is not finite, {@code pValue} is outside [0, 1] or
     *     {@code tokensScored < 0}
     */
    public WatermarkScore {
        Checks.notNull(watermark, "watermark");
        Checks.notNull(statistic, "statistic");
        Checks.finite(score, "score");
        Checks.inClosedInterval(pValue, 0, 1, "pValue");
        Checks.nonNegative(tokensScored, "tokensScored");
    }

    /**
     * Tells whether the text is flagged at significance level {@code alpha}.
     *
     * @param alpha the level, in (0, 1)
     * @return {@code pValue < alpha}
     * @throws IllegalArgumentException if {@code alpha} is outside (0, 1)
     */
    public boolean flagged(double alpha) {
        Checks.inOpenInterval(alpha, 0, 1, "alpha");
        return pValue < alpha;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WatermarkScore[%s: %s=%.4f, p=%.3g, T=%d]", watermark, statistic, score,
                pValue, tokensScored);
    }
}
