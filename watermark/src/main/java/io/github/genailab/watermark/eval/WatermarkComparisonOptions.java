package io.github.genailab.watermark.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Options of a {@link WatermarkComparison}: how many texts, how long, at which level, and how hard the attacks
 * are.
 *
 * @param texts watermarked texts per family (one per prompt), {@code >= 1}
 * @param tokensPerText the length of every generated text, {@code >= 2}
 * @param lengths the prefix lengths at which detectability is also reported, each in [1, tokensPerText]
 * @param alpha the significance level at which a text is flagged ({@code p < alpha}), in (0, 1)
 * @param key the generation key
 * @param attackRate the per-token (or per-word) edit probability of the edit attacks, in [0, 1]
 * @param copyPasteFraction the watermarked share of a copy-paste text, in [0, 1)
 * @param copyPasteSpans the number of pasted spans, {@code >= 1}
 * @param beams the beam width of the KGW beam-search row, 0 for none
 * @param klKeys the number of keys averaged for the key-averaged distribution shift, {@code >= 2}
 * @param klTexts how many unwatermarked texts provide the contexts of the distribution-shift measures,
 *     {@code >= 1}
 *
 * @since 0.1.0
 */
public record WatermarkComparisonOptions(int texts, int tokensPerText, int[] lengths, double alpha, long key,
        double attackRate, double copyPasteFraction, int copyPasteSpans, int beams, int klKeys, int klTexts) {

    /**
     * Validates the options and copies the lengths.
     *
     * @param texts watermarked texts per family, {@code >= 1}
     * @param tokensPerText the length of every generated text, {@code >= 2}
     * @param lengths the prefix lengths reported, each in [1, tokensPerText]
     * @param alpha the significance level, in (0, 1)
     * @param key the generation key
     * @param attackRate the edit probability of the edit attacks, in [0, 1]
     * @param copyPasteFraction the watermarked share of a copy-paste text, in [0, 1)
     * @param copyPasteSpans the number of pasted spans, {@code >= 1}
     * @param beams the KGW beam width, 0 for none
     * @param klKeys keys averaged for the key-averaged shift, {@code >= 2}
     * @param klTexts texts providing the contexts of the shift measures, {@code >= 1}
     * @throws NullPointerException if {@code lengths} is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public WatermarkComparisonOptions {
        Checks.inRange(texts, 1, 1_000_000, "texts");
        Checks.inRange(tokensPerText, 2, 1 << 20, "tokensPerText");
        lengths = Checks.notNull(lengths, "lengths").clone();
        for (int i = 0; i < lengths.length; i++) {
            Checks.inRange(lengths[i], 1, tokensPerText, "lengths[" + i + "]");
        }
        Checks.inOpenInterval(alpha, 0, 1, "alpha");
        Checks.inClosedInterval(attackRate, 0, 1, "attackRate");
        Checks.inClosedInterval(copyPasteFraction, 0, 0.99, "copyPasteFraction");
        Checks.inRange(copyPasteSpans, 1, 1000, "copyPasteSpans");
        Checks.inRange(beams, 0, 64, "beams");
        Checks.inRange(klKeys, 2, 4096, "klKeys");
        Checks.inRange(klTexts, 1, 1_000_000, "klTexts");
    }

    /**
     * 100 texts of 200 tokens, lengths 25, 50, 100 and 200, alpha 0.01, key 42, edit attacks at 10%, copy-paste
     * of 3 watermarked spans covering 25% of a human text, KGW with 4 beams, the shift averaged over 32 keys on
     * 10 texts.
     *
     * @return the default options
     */
    public static WatermarkComparisonOptions defaults() {
        return new WatermarkComparisonOptions(100, 200, new int[] {25, 50, 100, 200}, 0.01, 42, 0.1, 0.25, 3, 4, 32,
                10);
    }

    /**
     * Returns these options with another number of texts.
     *
     * @param n watermarked texts per family, {@code >= 1}
     * @return new options
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public WatermarkComparisonOptions withTexts(int n) {
        return new WatermarkComparisonOptions(n, tokensPerText, lengths, alpha, key, attackRate, copyPasteFraction,
                copyPasteSpans, beams, klKeys, Math.min(klTexts, n));
    }

    /**
     * Returns these options with another text length; prefix lengths above it are dropped.
     *
     * @param n tokens per text, {@code >= 2}
     * @return new options
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public WatermarkComparisonOptions withTokensPerText(int n) {
        int[] kept = Arrays.stream(lengths).filter(l -> l <= n).toArray();
        return new WatermarkComparisonOptions(texts, n, kept, alpha, key, attackRate, copyPasteFraction,
                copyPasteSpans, beams, klKeys, klTexts);
    }

    /**
     * Returns these options with other reported prefix lengths.
     *
     * @param l the lengths, each in [1, tokensPerText]
     * @return new options
     * @throws IllegalArgumentException if a length is out of range
     */
    public WatermarkComparisonOptions withLengths(int... l) {
        return new WatermarkComparisonOptions(texts, tokensPerText, l, alpha, key, attackRate, copyPasteFraction,
                copyPasteSpans, beams, klKeys, klTexts);
    }

    /**
     * Returns these options with another edit-attack rate.
     *
     * @param rate the per-token or per-word edit probability, in [0, 1]
     * @return new options
     * @throws IllegalArgumentException if {@code rate} is out of range
     */
    public WatermarkComparisonOptions withAttackRate(double rate) {
        return new WatermarkComparisonOptions(texts, tokensPerText, lengths, alpha, key, rate, copyPasteFraction,
                copyPasteSpans, beams, klKeys, klTexts);
    }

    /**
     * Returns these options with another KGW beam width.
     *
     * @param b the beam width, 0 for no beam-search row
     * @return new options
     * @throws IllegalArgumentException if {@code b} is out of range
     */
    public WatermarkComparisonOptions withBeams(int b) {
        return new WatermarkComparisonOptions(texts, tokensPerText, lengths, alpha, key, attackRate, copyPasteFraction,
                copyPasteSpans, b, klKeys, klTexts);
    }

    /**
     * Returns these options with other distribution-shift sizes.
     *
     * @param keys keys averaged, {@code >= 2}
     * @param textsForShift texts providing the contexts, {@code >= 1}
     * @return new options
     * @throws IllegalArgumentException if a value is out of range
     */
    public WatermarkComparisonOptions withShiftSizes(int keys, int textsForShift) {
        return new WatermarkComparisonOptions(texts, tokensPerText, lengths, alpha, key, attackRate, copyPasteFraction,
                copyPasteSpans, beams, keys, textsForShift);
    }

    /**
     * Returns a copy of the prefix lengths.
     *
     * @return the lengths
     */
    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkComparisonOptions other && texts == other.texts
                && tokensPerText == other.tokensPerText && Arrays.equals(lengths, other.lengths)
                && Double.compare(alpha, other.alpha) == 0 && key == other.key
                && Double.compare(attackRate, other.attackRate) == 0
                && Double.compare(copyPasteFraction, other.copyPasteFraction) == 0
                && copyPasteSpans == other.copyPasteSpans && beams == other.beams && klKeys == other.klKeys
                && klTexts == other.klTexts;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lengths) + Objects.hash(texts, tokensPerText, alpha, key, attackRate,
                copyPasteFraction, copyPasteSpans, beams, klKeys, klTexts);
    }

    @Override
    public String toString() {
        return "WatermarkComparisonOptions[texts=" + texts + ", tokensPerText=" + tokensPerText + ", lengths="
                + Arrays.toString(lengths) + ", alpha=" + alpha + ", key hidden, attackRate=" + attackRate
                + ", copyPaste=" + copyPasteFraction + " in " + copyPasteSpans + " spans, beams=" + beams
                + ", klKeys=" + klKeys + ", klTexts=" + klTexts + "]";
    }
}
