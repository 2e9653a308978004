package io.github.genailab.watermark.families.pf;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.internal.WindowKeys;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The Permute-and-Flip watermark (Zhao, Li, Wang): sampling replaced by report-noisy-max with exponential
 * noise, the permute-and-flip decoder, whose noise is drawn from a key and the previous tokens.
 *
 * <pre>
 *   r_t = torch.rand(V) (float32), CPU generator seeded by Three Bricks' hash chain over the previous h ids
 *   generation: x_t = argmax_v (ln p_v - ln r_v) = argmax_v (logit_v / temperature + E_v),  E_v = -ln r_v ~ Exp(1)
 *   detection:  S = sum_t -ln r_{t, x_t}  (r = 0 read as 1e-4),  under the null S ~ Gamma(T, 1),  p = Q(T, S)  (exact)
 * </pre>
 * Unlike EXP's Gumbel-max choice, the chosen token is not distributed as p for a uniformly random key (the
 * decoder is not distortion-free); the paper shows it is the optimally stable decoder at a given quality. As
 * for EXP, a window seen earlier in the same generation is not watermarked (the token is sampled from p) and
 * detection scores each window's first occurrence, so the Gamma null is exact. {@link #markLlm(int, long)}
 * reproduces MarkLLM's PF detector's sum (window 8, every position from index 9 — the reference skips the
 * first full-window position — and no masking). Neither reference returns a p-value: the official detector
 * leaves {@code get_pvalue} unimplemented, and MarkLLM compares S with a Gamma quantile whose shape is off by
 * the window length.
 *
 * <p>Registry defaults ({@code XuandongZhao/pf-decoding@dbcef09}, {@code run.py}): window 4, salt = the key.
 *
 * <p>Paper: X. Zhao, L. Li, Y.-X. Wang, "Permute-and-Flip: An optimally stable and watermarkable decoder for
 * LLMs", ICLR 2025, arXiv:2402.05864. References: {@code XuandongZhao/pf-decoding@dbcef09};
 * {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/pf/pf.py}.
 *
 * @since 0.1.0
 */
public final class PermuteAndFlipWatermark implements Watermark {

    /** The default window: 4 previous tokens. */
    public static final int DEFAULT_CONTEXT_WIDTH = 4;
    /** The reference's stand-in for r = 0 in the score. */
    private static final float ZERO_STAND_IN = 1e-4f;

    private final int vocabularySize;
    private final long key;
    private final int contextWidth;
    private final boolean markLlm;
    private final double temperature;
    private final WindowKeys keys;

    private PermuteAndFlipWatermark(int vocabularySize, long key, int contextWidth, boolean markLlm,
            double temperature) {
        Texts.checkVocabularySize(vocabularySize);
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        this.vocabularySize = vocabularySize;
        this.key = key;
        this.contextWidth = Checks.positive(contextWidth, "contextWidth");
        this.markLlm = markLlm;
        this.temperature = Texts.checkTemperature(temperature);
        this.keys = new WindowKeys(vocabularySize, key, contextWidth, WindowKeys.Seeding.HASH_CHAIN);
    }

    /**
     * Returns Permute-and-Flip with a window of 4 and the key as salt.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the salt, {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static PermuteAndFlipWatermark of(int vocabularySize, long key) {
        return new PermuteAndFlipWatermark(vocabularySize, key, DEFAULT_CONTEXT_WIDTH, false, 1.0);
    }

    /**
     * Returns Permute-and-Flip scored as MarkLLM's {@code PF} detector: window 8, positions from index 9, no masking.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param saltKey MarkLLM's {@code salt_key} (35317 in its config), {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static PermuteAndFlipWatermark markLlm(int vocabularySize, long saltKey) {
        return new PermuteAndFlipWatermark(vocabularySize, saltKey, 8, true, 1.0);
    }

    /**
     * Returns a copy with another window.
     *
     * @param h the number of previous tokens that seed r, {@code >= 1}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code h < 1}
     */
    public PermuteAndFlipWatermark withContextWidth(int h) {
        return new PermuteAndFlipWatermark(vocabularySize, key, h, markLlm, temperature);
    }

    @Override
    public PermuteAndFlipWatermark withTemperature(double t) {
        return new PermuteAndFlipWatermark(vocabularySize, key, contextWidth, markLlm, t);
    }

    /**
     * Returns the reference's score of one token: {@code -ln r} in float32, with r = 0 read as 1e-4.
     *
     * @param r the token's uniform, in [0, 1]
     * @return the score
     * @throws IllegalArgumentException if {@code r} is outside [0, 1]
     */
    public static double score(float r) {
        Checks.inClosedInterval(r, 0, 1, "r");
        return -(float) Math.log(r == 0 ? ZERO_STAND_IN : r);
    }

    /**
     * Returns the uniforms of a window: {@code torch.rand(V)} seeded by the hash chain over
     * {@code tokens[length - h, length)}.
     *
     * @param tokens the text
     * @param length the position the window precedes, in [h, tokens.length]
     * @return V uniforms
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public float[] uniforms(int[] tokens, int length) {
        Checks.notNull(tokens, "tokens");
        Checks.inRange(length, contextWidth, tokens.length, "length");
        return keys.uniforms(keys.seed(tokens, length));
    }

    @Override
    public String name() {
        return "pf";
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
        return firstScored() + 1;
    }

    private int firstScored() {
        return markLlm ? contextWidth + 1 : contextWidth;
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
        return keys.distribution(tokens, length, p, PermuteAndFlipWatermark::choose);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng,
                keys.rule(temperature, !markLlm, PermuteAndFlipWatermark::choose));
    }

    /** argmax_v ln p_v - ln r_v over the tokens with p &gt; 0 (r = 0 wins outright). */
    private static int choose(double[] p, float[] r) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < p.length; v++) {
            if (p[v] > 0) {
                double s = Math.log(p[v]) - Math.log(r[v]);
                if (best < 0 || s > bestScore) {
                    best = v;
                    bestScore = s;
                }
            }
        }
        return best;
    }

    /**
     * Sums {@code -ln r} over the scored tokens; the model is not read.
     *
     * @param tokens the tokens to test, at least {@link #minimumTokens()}
     * @param model ignored (may be null)
     * @return S, the Gamma(T, 1) upper tail and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        double[] sum = keys.sum(tokens, firstScored(), !markLlm, PermuteAndFlipWatermark::score);
        int scored = (int) sum[1];
        return new WatermarkScore(name(), "sum -ln r", sum[0], scored == 0 ? 1.0 : Tails.gammaUpper(scored, sum[0]),
                scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PermuteAndFlipWatermark[V=%d, h=%d, %s, temperature=%s, key hidden]",
                vocabularySize, contextWidth, markLlm ? "MarkLLM scoring" : "first windows", temperature);
    }
}
