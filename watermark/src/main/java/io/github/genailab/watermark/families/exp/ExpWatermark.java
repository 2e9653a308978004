package io.github.genailab.watermark.families.exp;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.GumbelChoice;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.internal.WindowKeys;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * EXP, Aaronson's watermark: sampling replaced by a keyed Gumbel-max choice, which is distortion-free per
 * step and detected from token ids alone.
 *
 * <pre>
 *   r_t = torch.rand(V) (float32) on a CPU generator seeded from the previous h tokens and the key
 *   generation: x_t = argmax_v r_{t,v}^(1 / p_v),  p = softmax(logits / temperature)   (= argmax ln p_v - ln(-ln r_v))
 *   detection:  S = sum_t -ln(1 - r_{t, x_t}),  T terms;  under the null S ~ Gamma(T, 1),  p = Q(T, S)  (exact)
 * </pre>
 * Seeds. The default ({@link #of(int, long)}) hashes the window like Fernandez et al.'s Three Bricks
 * reference: {@code s = 0; for x in window: s = (s * salt + x) mod (2^64 - 1)} with {@code salt = key}; torch
 * keeps the low 32 bits. {@link #markLlm(int, long)} reproduces MarkLLM's EXP instead (seed
 * {@code hash_key * (prod of the 4 previous ids mod V)}, which collides for equal products and is 0 whenever
 * an id is 0), with every position from the fifth scored and no masking — the configuration of its golden
 * values.
 *
 * <p>Repeated windows. The choice is deterministic given the window, so a small model can fall into a
 * loop that repeats one n-gram forever. In the default configuration a window seen earlier in the same
 * generation is not watermarked (the token is sampled from p with the caller's generator), and detection
 * scores each window's first occurrence only (Three Bricks' {@code scoring_method='v1'}); distinct windows have
 * independent r, so the Gamma null is exact. The term {@code -ln(1 - r)} is computed as the reference does,
 * {@code ln(float32(1 / (1 - r)))}.
 *
 * <p>Registry defaults: window h = 4 (Three Bricks' {@code ngram}), salt = the key.
 *
 * <p>Sources: S. Aaronson, H. Kirchner, "Watermarking of large language models", 2022 (talk;
 * scottaaronson.com/talks/watermark.ppt); P. Fernandez, A. Chaffin, K. Tit, V. Chappelier, T. Furon, "Three
 * Bricks to Consolidate Watermarks for Large Language Models", IEEE WIFS 2023, arXiv:2308.00113, reference
 * {@code facebookresearch/three_bricks@ee9c7a2}; MarkLLM {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/exp}.
 *
 * @since 0.1.0
 */
public final class ExpWatermark implements Watermark {

    /** The default window: 4 previous tokens. */
    public static final int DEFAULT_CONTEXT_WIDTH = 4;

    private final int vocabularySize;
    private final long key;
    private final int contextWidth;
    private final boolean markLlm;
    private final double temperature;
    private final WindowKeys keys;

    private ExpWatermark(int vocabularySize, long key, int contextWidth, boolean markLlm, double temperature) {
        Texts.checkVocabularySize(vocabularySize);
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        this.vocabularySize = vocabularySize;
        this.key = key;
        this.contextWidth = Checks.positive(contextWidth, "contextWidth");
        this.markLlm = markLlm;
        this.temperature = Texts.checkTemperature(temperature);
        this.keys = new WindowKeys(vocabularySize, key, contextWidth, markLlm ? WindowKeys.Seeding.PRODUCT
                : WindowKeys.Seeding.HASH_CHAIN);
    }

    /**
     * Returns EXP with the Three Bricks hash-chain seed over 4 previous tokens.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the salt, {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static ExpWatermark of(int vocabularySize, long key) {
        return new ExpWatermark(vocabularySize, key, DEFAULT_CONTEXT_WIDTH, false, 1.0);
    }

    /**
     * Returns EXP exactly as MarkLLM's {@code EXP} (product seed over 4 previous ids, no masking of repeated
     * windows, every position from index 4 scored).
     *
     * @param vocabularySize V, {@code >= 2}
     * @param hashKey MarkLLM's {@code hash_key} (15485863 in its config), {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static ExpWatermark markLlm(int vocabularySize, long hashKey) {
        return new ExpWatermark(vocabularySize, hashKey, DEFAULT_CONTEXT_WIDTH, true, 1.0);
    }

    /**
     * Returns a copy with another window.
     *
     * @param h the number of previous tokens that seed r, {@code >= 1}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public ExpWatermark withContextWidth(int h) {
        return new ExpWatermark(vocabularySize, key, h, markLlm, temperature);
    }

    @Override
    public ExpWatermark withTemperature(double t) {
        return new ExpWatermark(vocabularySize, key, contextWidth, markLlm, t);
    }

    /**
     * Returns the generator seed of the window {@code tokens[length - h, length)}.
     *
     * @param tokens the text so far
     * @param length the position being chosen or scored, {@code >= h}
     * @return the seed (the reference's unsigned 64-bit value; torch keeps the low 32 bits)
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public long seed(int[] tokens, int length) {
        Checks.notNull(tokens, "tokens");
        Checks.inRange(length, contextWidth, tokens.length, "length");
        return keys.seed(tokens, length);
    }

    /**
     * Returns r for a seed: {@code torch.rand(V)} in float32 on a CPU generator.
     *
     * @param seed the seed
     * @return V uniforms on the 2^-24 grid
     */
    public float[] uniforms(long seed) {
        return keys.uniforms(seed);
    }

    /** The reference's term ln(float32(1 / (1 - r))). */
    static double term(float r) {
        return Math.log(1f / (1f - r));
    }

    @Override
    public String name() {
        return "exp";
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
        return contextWidth + 1;
    }

    @Override
    public boolean detectionNeedsModel() {
        return false;
    }

    /**
     * Returns the point mass on the keyed choice (or p itself before the first full window).
     */
    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] p = Distributions.softmax(Texts.checkStep(tokens, length, logits, vocabularySize), temperature);
        return keys.distribution(tokens, length, p, ExpWatermark::choose);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng,
                keys.rule(temperature, !markLlm, ExpWatermark::choose));
    }

    /** argmax_v r_v^(1/p_v) = argmax ln(r_v) / p_v; p = 0 never wins. */
    private static int choose(double[] p, float[] r) {
        return GumbelChoice.argmax(p, r, 0);
    }

    /**
     * Sums {@code -ln(1 - r)} over the scored tokens; the model is not read.
     *
     * @param tokens the tokens to test, at least {@link #minimumTokens()}
     * @param model ignored (may be null)
     * @return S, the Gamma(T, 1) upper tail and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        double[] sum = keys.sum(tokens, contextWidth, !markLlm, ExpWatermark::term);
        int scored = (int) sum[1];
        return new WatermarkScore(name(), "sum -ln(1-r)", sum[0], scored == 0 ? 1.0 : Tails.gammaUpper(scored, sum[0]),
                scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExpWatermark[V=%d, h=%d, %s, temperature=%s, key hidden]", vocabularySize,
                contextWidth, markLlm ? "MarkLLM product seed" : "hash-chain seed", temperature);
    }
}
