package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of {@link WatermarkDetector#detect(int[])}, with the reference detector's fields.
 *
 * <pre>
 *   z          = (numGreenTokens - gamma T) / sqrt(T gamma (1 - gamma)),   T = numTokensScored
 *   pValue     = P(Z &gt; z)                     (exact normal tail, as scipy's norm.sf)
 *   binomialP  = P(X &gt;= numGreenTokens),  X ~ Binomial(T, gamma)   (exact; right where the normal is not)
 *   prediction = z &gt; zThreshold               (strict)
 *   confidence = 1 - pValue, present only when prediction is true (as upstream; HuggingFace always sets it)
 * </pre>
 *
 * <p>A text too short for the scheme (fewer than {@code h + 1} tokens) is "not scorable": {@code scorable} is
 * false, counts are 0, the statistics NaN and the prediction false, like the reference's {@code dummy_detect}.
 *
 * @param scheme the scheme the text was scored against
 * @param ignoreRepeatedNgrams whether each distinct n-gram was counted once
 * @param zThreshold the decision threshold
 * @param scorable false when the text is too short to score
 * @param numNgrams the number of n-gram positions, {@code len - h + selfSalt} (the raw T before deduplication)
 * @param numTokensScored T: distinct n-grams with deduplication, else {@code numNgrams}
 * @param numGreenTokens the green count among the scored tokens
 * @param greenFraction {@code numGreenTokens / T}
 * @param zScore the one-proportion z-score
 * @param pValue the one-sided normal p-value {@code P(Z > z)}
 * @param binomialPValue the exact binomial tail {@code P(X >= numGreenTokens)}
 * @param prediction {@code z > zThreshold}
 * @param confidence {@code 1 - pValue} when {@code prediction}, else empty
 * @param greenTokenMask per n-gram position, whether its last token is green (repeats included)
 * @param zScoreAtT per n-gram position, the running z over the scored sequence up to that position (the
 *     reference's {@code z_score_at_T}; double here, float32 there)
 *
 * @since 0.1.0
 */
public record Detection(WatermarkScheme scheme, boolean ignoreRepeatedNgrams, double zThreshold, boolean scorable,
        int numNgrams, int numTokensScored, int numGreenTokens, double greenFraction, double zScore, double pValue,
        double binomialPValue, boolean prediction, OptionalDouble confidence, boolean[] greenTokenMask,
        double[] zScoreAtT) {

    /**
     * Copies the arrays in.
     *
     * @param scheme the scheme the text was scored against
     * @param ignoreRepeatedNgrams whether each distinct n-gram was counted once
     * @param zThreshold the decision threshold
     * @param scorable false when the text is too short to score
     * @param numNgrams the number of n-gram positions, {@code len - h + selfSalt} (the raw T before deduplication)
     * @param numTokensScored T: distinct n-grams with deduplication, else {@code numNgrams}
     * @param numGreenTokens the green count among the scored tokens
     * @param greenFraction {@code numGreenTokens / T}
     * @param zScore the one-proportion z-score
     * @param pValue the one-sided normal p-value {@code P(Z > z)}
     * @param binomialPValue the exact binomial tail {@code P(X >= numGreenTokens)}
     * @param prediction {@code z > zThreshold}
     * @param confidence {@code 1 - pValue} when {@code prediction}, else empty
     * @param greenTokenMask per n-gram position, whether its last token is green (repeats included)
     * @param zScoreAtT per n-gram position, the running z over the scored sequence up to that position (the reference's {@code z_score_at_T}; double here, float32 there)
     * @throws NullPointerException if a reference component is null
     */
    public Detection {
        Checks.notNull(scheme, "scheme");
        Checks.notNull(confidence, "confidence");
        greenTokenMask = Checks.notNull(greenTokenMask, "greenTokenMask").clone();
        zScoreAtT = Checks.notNull(zScoreAtT, "zScoreAtT").clone();
    }

    /** The "not scorable" result of a text shorter than {@code h + 1} tokens. */
    static Detection notScorable(WatermarkScheme scheme, boolean ignoreRepeatedNgrams, double zThreshold) {
        return new Detection(scheme, ignoreRepeatedNgrams, zThreshold, false, 0, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false, OptionalDouble.empty(), new boolean[0], new double[0]);
    }

    /**
     * Returns a copy of the per-position green mask.
     *
     * @return a fresh array, one entry per n-gram position
     */
    @Override
    public boolean[] greenTokenMask() {
        return greenTokenMask.clone();
    }

    /**
     * Returns a copy of the running z-scores.
     *
     * @return a fresh array, one entry per n-gram position
     */
    @Override
    public double[] zScoreAtT() {
        return zScoreAtT.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && scheme.equals(d.scheme) && ignoreRepeatedNgrams == d.ignoreRepeatedNgrams
                && Double.compare(zThreshold, d.zThreshold) == 0 && scorable == d.scorable && numNgrams == d.numNgrams
                && numTokensScored == d.numTokensScored && numGreenTokens == d.numGreenTokens
                && Double.compare(greenFraction, d.greenFraction) == 0 && Double.compare(zScore, d.zScore) == 0
                && Double.compare(pValue, d.pValue) == 0 && Double.compare(binomialPValue, d.binomialPValue) == 0
                && prediction == d.prediction && confidence.equals(d.confidence)
                && Arrays.equals(greenTokenMask, d.greenTokenMask) && Arrays.equals(zScoreAtT, d.zScoreAtT);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, numTokensScored, numGreenTokens, zScore, prediction,
                Arrays.hashCode(greenTokenMask), Arrays.hashCode(zScoreAtT));
    }

    /**
     * One line: the verdict, T, green count and fraction, z and both p-values, and the scheme.
     *
     * @return e.g. {@code "Detection[WATERMARKED z=11.52 > 4.0, T=199, green=130 (0.653), p=5.2e-31, ...]"}
     */
    @Override
    public String toString() {
        if (!scorable) {
            return "Detection[not scorable: text shorter than " + (scheme.contextWidth() + 1) + " tokens, scheme="
                    + scheme.name() + "]";
        }
        return String.format(Locale.ROOT,
                "Detection[%s z=%.3f %s %s, T=%d%s, green=%d (%.3f), p=%.3g, binomial p=%.3g, scheme=%s gamma=%s V=%d]",
                prediction ? "WATERMARKED" : "not watermarked", zScore, prediction ? ">" : "<=", zThreshold,
                numTokensScored, numTokensScored != numNgrams ? " of " + numNgrams + " n-grams" : "", numGreenTokens,
                greenFraction, pValue, binomialPValue, scheme.name(), scheme.gamma(), scheme.vocabularySize());
    }
}
