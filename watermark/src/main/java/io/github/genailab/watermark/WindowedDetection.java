package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * The outcome of {@link WatermarkDetector#detectWindowed(int[])}: the most watermarked window of the scored
 * sequence ("WinMax", Kirchenbauer et al., ICLR 2024).
 *
 * <pre>
 *   over every window size w in 1 .. L-1 and start s:  z(s, w) = (green[s, s+w) - gamma w) / sqrt(w gamma (1-gamma))
 *   uncorrectedZScore    = max z(s, w)                    NOT a valid test statistic on its own
 *   uncorrectedPValue    = P(Z &gt; uncorrectedZScore)        ignores that windowsTested windows were tried
 *   bonferroniPValue     = min(1, windowsTested * uncorrectedPValue)   a valid (conservative) p-value
 *   uncorrectedPrediction = uncorrectedZScore &gt; zThreshold           (the reference's rule)
 *   prediction            = bonferroniPValue &lt; P(Z &gt; zThreshold)     (the same nominal false-positive rate)
 * </pre>
 *
 * <p>{@code L} is the length of the scored sequence (distinct n-grams with deduplication). As upstream, the full
 * length {@code L} itself is not a window size. Unlike upstream, which rebuilds the green count as
 * {@code int(z sigma + gamma w)} and can lose one to rounding, {@code numGreenTokens} is the exact count.
 *
 * @param scheme the scheme the text was scored against
 * @param zThreshold the decision threshold
 * @param scorable false when fewer than two n-grams could be scored
 * @param numTokensScored L, the length of the scored sequence
 * @param windowSize the best window's size w
 * @param windowStart the best window's first index in the scored sequence
 * @param firstToken index in the input of the best window's first scored token
 * @param lastToken index in the input of the best window's last scored token
 * @param numGreenTokens the green count in the best window
 * @param uncorrectedZScore the best window's z (uncorrected for multiple testing)
 * @param uncorrectedPValue {@code P(Z > uncorrectedZScore)} (uncorrected)
 * @param windowsTested the number of windows compared, {@code (L + 2)(L - 1) / 2}
 * @param bonferroniPValue {@code min(1, windowsTested * uncorrectedPValue)}
 * @param uncorrectedPrediction {@code uncorrectedZScore > zThreshold}
 * @param prediction {@code bonferroniPValue < P(Z > zThreshold)}
 *
 * @since 0.1.0
 */
public record WindowedDetection(WatermarkScheme scheme, double zThreshold, boolean scorable, int numTokensScored,
        int windowSize, int windowStart, int firstToken, int lastToken, int numGreenTokens, double uncorrectedZScore,
        double uncorrectedPValue, long windowsTested, double bonferroniPValue, boolean uncorrectedPrediction,
        boolean prediction) {

    /**
     * Validates the reference components.
     *
     * @param scheme the scheme the text was scored against
     * @param zThreshold the decision threshold
     * @param scorable false when fewer than two n-grams could be scored
     * @param numTokensScored L, the length of the scored sequence
     * @param windowSize the best window's size w
     * @param windowStart the best window's first index in the scored sequence
     * @param firstToken index in the input of the best window's first scored token
     * @param lastToken index in the input of the best window's last scored token
     * @param numGreenTokens the green count in the best window
     * @param uncorrectedZScore the best window's z (uncorrected for multiple testing)
     * @param uncorrectedPValue {@code P(Z > uncorrectedZScore)} (uncorrected)
     * @param windowsTested the number of windows compared, {@code (L + 2)(L - 1) / 2}
     * @param bonferroniPValue {@code min(1, windowsTested * uncorrectedPValue)}
     * @param uncorrectedPrediction {@code uncorrectedZScore > zThreshold}
     * @param prediction {@code bonferroniPValue < P(Z > zThreshold)}
     * @throws NullPointerException if {@code scheme} is null
     */
    public WindowedDetection {
        Checks.notNull(scheme, "scheme");
    }

    /** The "not scorable" result of a sequence with fewer than two scored n-grams. */
    static WindowedDetection notScorable(WatermarkScheme scheme, double zThreshold, int scored) {
        return new WindowedDetection(scheme, zThreshold, false, scored, 0, 0, -1, -1, 0, Double.NaN, Double.NaN, 0,
                Double.NaN, false, false);
    }

    /**
     * One line: the corrected verdict, the best window and its uncorrected and corrected significance.
     *
     * @return e.g. {@code "WindowedDetection[WATERMARKED (Bonferroni p=1.2e-12), best window w=42 ..."}
     */
    @Override
    public String toString() {
        if (!scorable) {
            return "WindowedDetection[not scorable: " + numTokensScored + " scored n-grams, need >= 2, scheme="
                    + scheme.name() + "]";
        }
        return String.format(Locale.ROOT,
                "WindowedDetection[%s (Bonferroni p=%.3g over %d windows), best window w=%d at tokens %d..%d: "
                        + "green=%d, uncorrected z=%.3f (p=%.3g, %s threshold %s), L=%d, scheme=%s]",
                prediction ? "WATERMARKED" : "not watermarked", bonferroniPValue, windowsTested, windowSize,
                firstToken, lastToken, numGreenTokens, uncorrectedZScore, uncorrectedPValue,
                uncorrectedPrediction ? "above" : "not above", zThreshold, numTokensScored, scheme.name());
    }
}
