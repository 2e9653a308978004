package io.github.genailab.watermark.families.unigram;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * The Unigram watermark (Zhao et al.): KGW with one fixed, context-free green list, which makes it robust
 * to edits (every token keeps its colour wherever it moves) at the price of a list that token frequencies
 * can reveal.
 *
 * <pre>
 *   seed  = int.from_bytes(sha256(int64_le(key))[:4], "little")
 *   mask  = [true] * floor(gamma V) + [false] * (V - floor(gamma V)),  numpy default_rng(seed).shuffle(mask)
 *   generation: logits[v] += delta where mask[v], then sample from softmax(logits / temperature)
 *   detection (default, distinct tokens): m distinct ids, g of them green,
 *               z = (g - gamma m) / sqrt(m gamma (1 - gamma)),  p = P(Hypergeometric(V, |G|, m) &gt;= g)  (exact)
 * </pre>
 * The green list is the reference's, bit for bit (numpy's SeedSequence, PCG64 and shuffle ported), so a
 * text watermarked by {@code XuandongZhao/Unigram-Watermark} is detected here. Detection scores each
 * distinct token once (the reference's {@code unidetect}): a repeated token repeats its colour, so counting
 * repeats would flag human text far more often than {@code alpha}; for distinct ids of a text written
 * without the key the green count is exactly hypergeometric. {@link #withDistinctTokens(boolean)
 * withDistinctTokens(false)} scores every token as the reference's {@code detect} and MarkLLM do (binomial
 * p-value, valid only when tokens do not repeat).
 *
 * <p>Registry defaults (the reference's and MarkLLM's): gamma 0.5, delta 2.0; the key is the reference's
 * {@code watermark_key} (any {@code long}, read as numpy's int64).
 *
 * <p>Paper: X. Zhao, P. Ananth, L. Li, Y.-X. Wang, "Provable Robust Watermarking for AI-Generated Text",
 * ICLR 2024, arXiv:2306.17439. Reference: {@code XuandongZhao/Unigram-Watermark@b96cdb4}, {@code gptwm.py};
 * {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/unigram}.
 *
 * @since 0.1.0
 */
public final class UnigramWatermark implements Watermark {

    /** The default green fraction: 0.5. */
    public static final double DEFAULT_GAMMA = 0.5;
    /** The default logit bias: 2.0. */
    public static final double DEFAULT_DELTA = 2.0;

    private final int vocabularySize;
    private final long key;
    private final double gamma;
    private final double delta;
    private final double temperature;
    private final boolean distinctTokens;
    private final BitSet green;

    private UnigramWatermark(int vocabularySize, long key, double gamma, double delta, double temperature,
            boolean distinctTokens, BitSet green) {
        Texts.checkVocabularySize(vocabularySize);
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        Checks.finite(delta, "delta");
        Checks.nonNegative(delta, "delta");
        this.vocabularySize = vocabularySize;
        this.key = key;
        this.gamma = gamma;
        this.delta = delta;
        this.temperature = Texts.checkTemperature(temperature);
        this.distinctTokens = distinctTokens;
        int size = (int) (gamma * vocabularySize);
        if (size == 0 || size == vocabularySize) {
            throw Checks.fail("gamma", "give a green list of 1 to V - 1 ids for V = " + vocabularySize, gamma);
        }
        this.green = green != null ? green : greenList(vocabularySize, key, size);
    }

    /**
     * Returns Unigram with gamma 0.5 and delta 2.0.
     *
     * @param vocabularySize V, in [2, {@link WatermarkScheme#MAX_VOCABULARY_SIZE}]
     * @param key the watermark key (numpy int64)
     * @return the watermark, temperature 1, distinct-token detection
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static UnigramWatermark of(int vocabularySize, long key) {
        return new UnigramWatermark(vocabularySize, key, DEFAULT_GAMMA, DEFAULT_DELTA, 1.0, true, null);
    }

    /**
     * Returns a copy with another green fraction (a new green list).
     *
     * @param g gamma, in (0, 1), giving 1 to V - 1 green ids
     * @return the new watermark
     * @throws IllegalArgumentException if {@code g} is out of range
     */
    public UnigramWatermark withGamma(double g) {
        return new UnigramWatermark(vocabularySize, key, g, delta, temperature, distinctTokens, null);
    }

    /**
     * Returns a copy with another logit bias.
     *
     * @param d delta, finite and {@code >= 0}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code d} is out of range
     */
    public UnigramWatermark withDelta(double d) {
        return new UnigramWatermark(vocabularySize, key, gamma, d, temperature, distinctTokens, green);
    }

    /**
     * Returns a copy that scores each distinct token once (true, the default) or every token (false, as the
     * reference's {@code detect}).
     *
     * @param distinct whether to deduplicate token ids
     * @return the new watermark
     */
    public UnigramWatermark withDistinctTokens(boolean distinct) {
        return new UnigramWatermark(vocabularySize, key, gamma, delta, temperature, distinct, green);
    }

    @Override
    public UnigramWatermark withTemperature(double t) {
        return new UnigramWatermark(vocabularySize, key, gamma, delta, t, distinctTokens, green);
    }

    /**
     * Tells whether {@code token} is on the green list.
     *
     * @param token a token id
     * @return true if green
     * @throws IllegalArgumentException if {@code token} is outside {@code [0, V)}
     */
    public boolean isGreen(int token) {
        Checks.inRange(token, 0, vocabularySize - 1, "token");
        return green.get(token);
    }

    /**
     * Returns the green list in ascending order.
     *
     * @return {@code floor(gamma V)} ids
     */
    public int[] greenList() {
        return green.stream().toArray();
    }

    /**
     * Returns the seed the reference feeds to numpy: the first 4 bytes of sha256 of the key's 8
     * little-endian bytes, read little-endian.
     *
     * @param key the key
     * @return the seed, in [0, 2^32)
     */
    public static long seedOf(long key) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(key).array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        return (digest[0] & 0xFFL) | (digest[1] & 0xFFL) << 8 | (digest[2] & 0xFFL) << 16 | (digest[3] & 0xFFL) << 24;
    }

    private static BitSet greenList(int vocabularySize, long key, int size) {
        boolean[] mask = new boolean[vocabularySize];
        for (int i = 0; i < size; i++) {
            mask[i] = true;
        }
        new NumpyRandom(seedOf(key)).shuffle(mask);
        BitSet set = new BitSet(vocabularySize);
        for (int v = 0; v < vocabularySize; v++) {
            if (mask[v]) {
                set.set(v);
            }
        }
        return set;
    }

    @Override
    public String name() {
        return "unigram";
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public double temperature() {
        return temperature;
    }

    @Override
    public int minimumTokens() {
        return 1;
    }

    @Override
    public boolean detectionNeedsModel() {
        return false;
    }

    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] row = Texts.checkStep(tokens, length, logits, vocabularySize);
        for (int v = green.nextSetBit(0); v >= 0; v = green.nextSetBit(v + 1)) {
            row[v] += delta;
        }
        return Distributions.softmax(row, temperature);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng,
                (tokens, length, logits, r) -> Distributions.sample(nextTokenDistribution(tokens, length, logits), r));
    }

    /**
     * Counts green tokens (each distinct id once by default); the model is not read.
     *
     * @param tokens the tokens to test, at least 1
     * @param model ignored (may be null)
     * @return z, the exact p-value (hypergeometric for distinct ids, binomial otherwise) and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        int scored = 0;
        int greenCount = 0;
        BitSet seen = new BitSet(vocabularySize);
        for (int token : tokens) {
            if (distinctTokens) {
                if (seen.get(token)) {
                    continue;
                }
                seen.set(token);
            }
            scored++;
            greenCount += green.get(token) ? 1 : 0;
        }
        double p;
        if (distinctTokens) {
            HypergeometricDistribution h = new HypergeometricDistribution(null, vocabularySize, green.cardinality(),
                    scored);
            p = greenCount == 0 ? 1.0 : Math.min(1.0, Math.max(0.0, h.upperCumulativeProbability(greenCount)));
        } else {
            p = Tails.binomialUpper(greenCount, scored, gamma);
        }
        return new WatermarkScore(name(), "z", Tails.z(greenCount, scored, gamma), p, scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "UnigramWatermark[V=%d, gamma=%s, delta=%s, temperature=%s, %s, key hidden]",
                vocabularySize, gamma, delta, temperature, distinctTokens ? "distinct tokens" : "every token");
    }
}
