package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.stats.NormalTail;
import io.github.genailab.core.text.Tokenizer;
import io.github.genailab.watermark.internal.BinomialTail;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Detects the green-list watermark in token ids with the reference's one-proportion z-test, scoring exactly
 * the n-grams {@code jwkirchenbauer/lm-watermarking}'s {@code WatermarkDetector} scores.
 *
 * <pre>
 *   n-grams   tokens[p, p+n), p = 0 .. len-n,   n = h + 1 - selfSalt
 *   green     last token of the n-gram in greenList(window starting at p)      (window includes it if self-salted)
 *   T         distinct n-grams (ignoreRepeatedNgrams, the default) or all len - n + 1 positions
 *   z         = (G - gamma T) / sqrt(T gamma (1 - gamma))        prediction: z &gt; zThreshold (default 4.0)
 * </pre>
 *
 * <p>Conventions ports get wrong: the ids must be the generated text only (no prompt), tokenised by the
 * generating tokenizer with the same {@code V}; T is {@code len - 1} for {@code lefthash}, {@code len - 3} for
 * {@code selfhash} and {@code len - 4} for {@code minhash} before deduplication; with deduplication each distinct
 * n-gram counts once, because repeated contexts break the independence behind the p-value; the test is strict.
 * A text with fewer than {@code h + 1} tokens gives a "not scorable" {@link Detection} (the reference raises).
 * A leading BOS id can be dropped as the reference does ({@link #withBosTokenId(int)}). The reference's text
 * normalisers (its default {@code "unicode"} deletes newlines) are not applied: detection works on ids, and
 * {@link #detectText} simply encodes.
 *
 * <p>Cost: O(len * n) to index the n-grams plus one membership test per distinct n-gram (nanoseconds for keyed
 * schemes; for reference schemes an early-exit walk of at most {@code k} generator draws, or a memo hit, with
 * n-grams sharing a seed sharing one list). Immutable and thread-safe; {@link Serializable} (as its scheme and
 * settings, validated again on arrival) so a cluster job can ship it to its workers.
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 3 (z-test). Reference:
 * {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py} ({@code WatermarkDetector}).
 *
 * @serial exclude
 * @since 0.1.0
 */
public final class WatermarkDetector implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The paper's and the reference's default threshold. */
    public static final double DEFAULT_Z_THRESHOLD = 4.0;

    private final WatermarkScheme scheme;
    private final boolean ignoreRepeatedNgrams;
    private final double zThreshold;
    private final int bosTokenId;

    private WatermarkDetector(WatermarkScheme scheme, boolean ignoreRepeatedNgrams, double zThreshold, int bosTokenId) {
        this.scheme = scheme;
        this.ignoreRepeatedNgrams = ignoreRepeatedNgrams;
        this.zThreshold = zThreshold;
        this.bosTokenId = bosTokenId;
    }

    /**
     * Returns a detector with the reference defaults: repeated n-grams ignored, threshold 4.0, no BOS.
     *
     * @param scheme the scheme the text was (or was not) watermarked with
     * @return the detector
     * @throws NullPointerException if {@code scheme} is null
     */
    public static WatermarkDetector of(WatermarkScheme scheme) {
        Checks.notNull(scheme, "scheme");
        return new WatermarkDetector(scheme, true, DEFAULT_Z_THRESHOLD, -1);
    }

    /**
     * Returns this detector counting each distinct n-gram once (true, the default) or every position (false,
     * the paper's setting).
     *
     * @param ignore whether to ignore repeated n-grams
     * @return a new detector
     */
    public WatermarkDetector withIgnoreRepeatedNgrams(boolean ignore) {
        return new WatermarkDetector(scheme, ignore, zThreshold, bosTokenId);
    }

    /**
     * Returns this detector with another threshold (choose it from the false-positive rate you can tolerate:
     * 4.0 means about 3.2e-5).
     *
     * @param threshold the z threshold, finite
     * @return a new detector
     * @throws IllegalArgumentException if {@code threshold} is not finite
     */
    public WatermarkDetector withZThreshold(double threshold) {
        Checks.finite(threshold, "zThreshold");
        return new WatermarkDetector(scheme, ignoreRepeatedNgrams, threshold, bosTokenId);
    }

    /**
     * Returns this detector dropping a leading {@code bosTokenId}, as the reference drops the tokenizer's BOS.
     *
     * @param id the BOS id in {@code [0, V)}, or -1 for none (the default)
     * @return a new detector
     * @throws IllegalArgumentException if {@code id} is outside {@code [-1, V)}
     */
    public WatermarkDetector withBosTokenId(int id) {
        Checks.inRange(id, -1, scheme.vocabularySize() - 1, "bosTokenId");
        return new WatermarkDetector(scheme, ignoreRepeatedNgrams, zThreshold, id);
    }

    /**
     * Returns the scheme.
     *
     * @return the scheme
     */
    public WatermarkScheme scheme() {
        return scheme;
    }

    /**
     * Tells whether repeated n-grams are counted once.
     *
     * @return true by default
     */
    public boolean ignoreRepeatedNgrams() {
        return ignoreRepeatedNgrams;
    }

    /**
     * Returns the z threshold.
     *
     * @return 4.0 by default
     */
    public double zThreshold() {
        return zThreshold;
    }

    /**
     * Returns the BOS id dropped from the front, or -1.
     *
     * @return the id or -1
     */
    public int bosTokenId() {
        return bosTokenId;
    }

    /**
     * Scores token ids of generated text (without the prompt).
     *
     * @param tokenIds the ids, each in {@code [0, V)}; not modified
     * @return the detection (a "not scorable" one if the text is shorter than {@code h + 1} tokens)
     * @throws NullPointerException if {@code tokenIds} is null
     * @throws IllegalArgumentException if an id is outside {@code [0, V)}
     */
    public Detection detect(int[] tokenIds) {
        int[] tokens = prepared(tokenIds);
        if (tokens.length < scheme.contextWidth() + 1) {
            return Detection.notScorable(scheme, ignoreRepeatedNgrams, zThreshold);
        }
        NgramIndex index = NgramIndex.of(tokens, scheme.ngramLength());
        boolean[] greenOfNgram = new boolean[index.uniqueCount];
        scheme.scoreNgrams(tokens, index.uniqueStarts, index.uniqueCount, greenOfNgram);
        // One pass over the positions: the mask, and the running z over the scored sequence (a repeated n-gram
        // is not scored when deduplicating, so its position keeps the running z of the last scored one).
        boolean[] mask = new boolean[index.positions];
        double[] zAtT = new double[index.positions];
        double gamma = scheme.gamma();
        int scored = 0;
        int green = 0;
        double running = Double.NaN;
        for (int p = 0; p < index.positions; p++) {
            int id = index.uniqueIdOf[p];
            mask[p] = greenOfNgram[id];
            if (!ignoreRepeatedNgrams || id == scored) {
                scored++;
                green += mask[p] ? 1 : 0;
                running = zScore(green, scored, gamma);
            }
            zAtT[p] = running;
        }
        double z = zScore(green, scored, gamma);
        double p = NormalTail.upper(z);
        boolean prediction = z > zThreshold;
        return new Detection(scheme, ignoreRepeatedNgrams, zThreshold, true, index.positions, scored, green,
                (double) green / scored, z, p, BinomialTail.upper(green, scored, gamma), prediction,
                prediction ? OptionalDouble.of(1 - p) : OptionalDouble.empty(), mask, zAtT);
    }

    /**
     * Encodes text with the generating tokenizer, then {@link #detect(int[])}. No normalisation is applied;
     * re-encoding decoded text need not reproduce the generated ids, so prefer ids when you have them.
     *
     * @param text the text (without the prompt)
     * @param tokenizer the tokenizer used at generation; its vocabulary size must equal the scheme's {@code V}
     * @return the detection
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the tokenizer's vocabulary size differs from {@code V}
     */
    public Detection detectText(String text, Tokenizer tokenizer) {
        Checks.notNull(text, "text");
        Checks.notNull(tokenizer, "tokenizer");
        if (tokenizer.vocabularySize() != scheme.vocabularySize()) {
            throw Checks.fail("tokenizer.vocabularySize()", "equal the scheme's vocabularySize "
                    + scheme.vocabularySize(), tokenizer.vocabularySize());
        }
        return detect(tokenizer.encode(text));
    }

    /**
     * Finds the most watermarked window ("WinMax"): every window size from 1 to {@code L - 1} over the scored
     * sequence, with prefix sums. Its z is uncorrected for multiple testing; use the Bonferroni p-value or the
     * corrected {@code prediction} of the result. O(L^2) time, O(L) memory.
     *
     * @param tokenIds the ids, each in {@code [0, V)}; not modified
     * @return the windowed detection (not scorable with fewer than 2 scored n-grams)
     * @throws NullPointerException if {@code tokenIds} is null
     * @throws IllegalArgumentException if an id is outside {@code [0, V)}
     */
    public WindowedDetection detectWindowed(int[] tokenIds) {
        int[] tokens = prepared(tokenIds);
        if (tokens.length < scheme.contextWidth() + 1) {
            return WindowedDetection.notScorable(scheme, zThreshold, 0);
        }
        ScoredSequence s = scoredSequence(tokens);
        int length = s.green().length;
        if (length < 2) {
            return WindowedDetection.notScorable(scheme, zThreshold, length);
        }
        int[] prefix = new int[length + 1];
        for (int i = 0; i < length; i++) {
            prefix[i + 1] = prefix[i] + (s.green()[i] ? 1 : 0);
        }
        double gamma = scheme.gamma();
        double bestZ = Double.NEGATIVE_INFINITY;
        int bestSize = 0;
        int bestStart = 0;
        for (int w = 1; w < length; w++) {
            int bestCount = -1;
            int start = 0;
            for (int i = 0; i + w <= length; i++) {
                int count = prefix[i + w] - prefix[i];
                if (count > bestCount) {
                    bestCount = count;
                    start = i;
                }
            }
            double z = zScore(bestCount, w, gamma);
            if (z > bestZ) {
                bestZ = z;
                bestSize = w;
                bestStart = start;
            }
        }
        long windows = (long) (length + 2) * (length - 1) / 2;
        double p = NormalTail.upper(bestZ);
        double bonferroni = Math.min(1.0, windows * p);
        int n = scheme.ngramLength();
        int[] positions = s.positions();
        return new WindowedDetection(scheme, zThreshold, true, length, bestSize, bestStart,
                positions[bestStart] + n - 1, positions[bestStart + bestSize - 1] + n - 1,
                prefix[bestStart + bestSize] - prefix[bestStart], bestZ, p, windows, bonferroni, bestZ > zThreshold,
                bonferroni < NormalTail.upper(zThreshold));
    }

    /** The reference's z, evaluated in its order: (G - gamma*T) / sqrt(T*gamma*(1-gamma)). */
    private static double zScore(int green, int scored, double gamma) {
        return (green - gamma * scored) / Math.sqrt(scored * gamma * (1 - gamma));
    }

    private int[] prepared(int[] tokenIds) {
        Checks.tokenIds(tokenIds, scheme.vocabularySize(), "tokenIds");
        if (bosTokenId >= 0 && tokenIds.length > 0 && tokenIds[0] == bosTokenId) {
            return Arrays.copyOfRange(tokenIds, 1, tokenIds.length);
        }
        return tokenIds;
    }

    /** The scored binary sequence and the input position of each entry's n-gram. */
    private record ScoredSequence(boolean[] green, int[] positions) {
    }

    /**
     * Green of each distinct n-gram in first-occurrence order (deduplicated), or of every position.
     */
    private ScoredSequence scoredSequence(int[] tokens) {
        NgramIndex index = NgramIndex.of(tokens, scheme.ngramLength());
        boolean[] green = new boolean[index.uniqueCount];
        scheme.scoreNgrams(tokens, index.uniqueStarts, index.uniqueCount, green);
        if (ignoreRepeatedNgrams) {
            return new ScoredSequence(green, Arrays.copyOf(index.uniqueStarts, index.uniqueCount));
        }
        boolean[] all = new boolean[index.positions];
        int[] positions = new int[index.positions];
        for (int p = 0; p < index.positions; p++) {
            all[p] = green[index.uniqueIdOf[p]];
            positions[p] = p;
        }
        return new ScoredSequence(all, positions);
    }

    /** Serialised as its scheme and settings. */
    @Serial
    private Object writeReplace() {
        return new Form(scheme, ignoreRepeatedNgrams, zThreshold, bosTokenId);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a WatermarkDetector is read through its serialised form");
    }

    /** The serialised form, rebuilt through the factory and withers so every setting is checked again. */
    private record Form(WatermarkScheme scheme, boolean ignoreRepeatedNgrams, double zThreshold, int bosTokenId)
            implements Serializable {

        @Serial
        private Object readResolve() {
            return of(scheme).withIgnoreRepeatedNgrams(ignoreRepeatedNgrams).withZThreshold(zThreshold)
                    .withBosTokenId(bosTokenId);
        }
    }

    @Override
    public String toString() {
        return "WatermarkDetector[" + scheme.name() + ", V=" + scheme.vocabularySize() + ", gamma=" + scheme.gamma()
                + ", zThreshold=" + zThreshold + ", ignoreRepeatedNgrams=" + ignoreRepeatedNgrams
                + (bosTokenId >= 0 ? ", bos=" + bosTokenId : "") + "]";
    }
}
