package io.github.genailab.watermark.families.unbiased;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.families.dipmark.DipmarkWatermark;
import io.github.genailab.watermark.internal.ContextSeeds;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.PermutationReweight;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The Unbiased watermark (Hu et al.): γ-reweight at generation, and a model-based maximin
 * log-likelihood-ratio test at detection.
 *
 * <pre>
 *   step t:     pi_t = torch.randperm(V, seed_t), seed_t = sha256(int64_le(x[t-5..t-1]) || key) mod (2^32 - 1)
 *   generation: q = the γ-reweight (γ = 1) of p = softmax(logits / temperature) along pi_t:
 *               the first half of the probability mass is dropped, the second half doubled; E_key[q] = p
 *   detection:  for each grid query j = (d_p, d_q), d_p = 0, d_q in {0, 0.1, ..., 1.0}:
 *               S_j = sum_t clamp(ln q_t(x_t) - ln p_t(x_t), min_llr_t(j), max_llr_t(j))
 *               S = max_j S_j,   p-value &lt;= 11 e^{-S}   (each S_j: P(S_j &gt;= s) &lt;= e^{-s}; union over 11 queries)
 * </pre>
 * The detector needs the model: {@code p_t} is its distribution of token {@code t} given the tested text's
 * previous tokens, at the generation temperature. As in {@link DipmarkWatermark}, a context seen earlier in
 * the same generation or text is left unwatermarked and unscored, and only tokens whose whole 5-token
 * context lies in the tested text are scored. MarkLLM ({@code THU-BPM/MarkLLM@112fa74},
 * {@code watermark/unbiased}) multiplies by 10 although its grid has 11 queries, and never scores a text's
 * last token; neither is reproduced.
 *
 * <p>Paper: Z. Hu, L. Chen, X. Wu, Y. Wu, H. Zhang, H. Huang, "Unbiased Watermark for Large Language Models",
 * ICLR 2024, arXiv:2310.10669. Reference: {@code xiaoniu-578fa6bff964d005/UnbiasedWatermark@050eee1}
 * ({@code gamma.py}, {@code robust_llr_batch.py}, {@code transformers.py}).
 *
 * @since 0.1.0
 */
public final class UnbiasedWatermark implements Watermark {

    /** The robustness grid's d_q values: 0, 0.1, ..., 1.0 (d_p = 0), as the reference's default. */
    private static final double[] DIST_Q = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    private static final double[] DIST_P = new double[DIST_Q.length];

    private final DipmarkWatermark reweight;
    private final ContextSeeds seeds;
    private final TorchRandperm permuter;
    private final int contextWidth;

    private UnbiasedWatermark(DipmarkWatermark reweight, byte[] key, int contextWidth) {
        this.reweight = reweight;
        this.contextWidth = contextWidth;
        this.seeds = new ContextSeeds(key, contextWidth);
        this.permuter = TorchRandperm.of(reweight.vocabularySize());
    }

    /**
     * Returns the Unbiased watermark with the 8 big-endian bytes of {@code key}, context 5 tokens.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the key
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static UnbiasedWatermark of(int vocabularySize, long key) {
        return of(vocabularySize, ContextSeeds.bytesOf(key));
    }

    /**
     * Returns the Unbiased watermark with arbitrary key bytes, context 5 tokens.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the key bytes (copied)
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static UnbiasedWatermark of(int vocabularySize, byte[] key) {
        Checks.notNull(key, "key");
        return new UnbiasedWatermark(DipmarkWatermark.of(vocabularySize, key).withAlpha(0.5), key,
                DipmarkWatermark.DEFAULT_CONTEXT_WIDTH);
    }

    @Override
    public String name() {
        return "unbiased";
    }

    @Override
    public int vocabularySize() {
        return reweight.vocabularySize();
    }

    @Override
    public double temperature() {
        return reweight.temperature();
    }

    @Override
    public UnbiasedWatermark withTemperature(double t) {
        return new UnbiasedWatermark(reweight.withTemperature(t), keyOf(), contextWidth);
    }

    private byte[] keyOf() {
        return seeds.key();
    }

    @Override
    public int minimumTokens() {
        return contextWidth + 1;
    }

    @Override
    public boolean detectionNeedsModel() {
        return true;
    }

    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        return reweight.nextTokenDistribution(tokens, length, logits);
    }

    /**
     * Generates with the γ-reweight (DiPmark's reweight at alpha = 1/2, the same permutations).
     */
    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return reweight.generate(model, prompt, maxNewTokens, rng);
    }

    /**
     * Computes the maximin log-likelihood-ratio score; reads the model once ({@code forward} over the text).
     *
     * @param tokens the tokens to test, at least {@link #minimumTokens()}
     * @param model the model the text would have been generated with
     * @return S, the bound {@code min(1, 11 e^{-S})} and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Texts.checkModel(model, vocabularySize());
        double[][] rows = Distributions.logitsAfterEachPrefix(model, tokens);
        double[] sums = new double[DIST_Q.length];
        Set<Long> seen = new HashSet<>();
        int scored = 0;
        for (int t = contextWidth; t < tokens.length; t++) {
            long seed = seeds.seed(tokens, t);
            if (!seen.add(seed)) {
                continue;
            }
            scored++;
            double[] p = Distributions.softmax(rows[t - 1], temperature());
            double[] q = PermutationReweight.apply(p, permuter.permutation(seed), 0.5);
            double[] s = MaximinLlr.scores(p, q, tokens[t], DIST_P, DIST_Q);
            for (int j = 0; j < sums.length; j++) {
                sums[j] += s[j];
            }
        }
        double best = 0;
        for (double s : sums) {
            best = Math.max(best, s);
        }
        // The last query (d_q = 1) always scores 0, so best >= 0; a sum can only be +inf if a model row put all its
        // mass where the reweight put none, which softmax never does.
        best = Math.min(best, Double.MAX_VALUE);
        return new WatermarkScore(name(), "max_j sum clamped llr", best,
                Math.min(1.0, DIST_Q.length * Math.exp(-best)), scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "UnbiasedWatermark[V=%d, gamma-reweight, context=%d, temperature=%s, "
                + "key hidden]", vocabularySize(), contextWidth, temperature());
    }
}
