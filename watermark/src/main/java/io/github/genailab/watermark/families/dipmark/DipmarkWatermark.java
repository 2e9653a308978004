package io.github.genailab.watermark.families.dipmark;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.ContextSeeds;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.PermutationReweight;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * DiPmark (Wu et al.): a distribution-preserving reweight at generation, and a detector that needs only the
 * token ids.
 *
 * <pre>
 *   step t:     seed_t = sha256(int64_le(x[t-5..t-1]) || key) mod (2^32 - 1),  pi_t = torch.randperm(V, seed_t)
 *   generation: q = DiP_alpha(softmax(logits / temperature), pi_t), sample from q
 *               (F'(F) = max(F - alpha, 0) + max(F - (1 - alpha), 0) along pi_t; E_key[q] = p)
 *   detection:  token t is green iff (position of x_t in pi_t + 1) / V &gt;= gamma;
 *               z = (G - (1 - gamma) T) / sqrt(T)   (the paper's statistic),
 *               p = P(Binomial(T, p0) &gt;= G), p0 = #{k : (k + 1) / V &gt;= gamma} / V   (exact)
 * </pre>
 * Conventions: a context seen earlier in the same generation (or text) is left unwatermarked and unscored
 * (the reference's history masking, {@code ignore_history = False}), so the scored tokens have distinct
 * permutations and the binomial null is exact for text written without the key. Only tokens whose whole
 * 5-token context lies inside the tested text are scored ({@code minimumTokens() = 6}); the reference also
 * counts shorter contexts, whose permutations differ from generation time once the prompt is cut off. The
 * paper bounds the p-value by {@code exp(-2 z^2)} (Hoeffding); the exact tail is sharper.
 *
 * <p>Registry defaults (MarkLLM's {@code config/DIP.json}): alpha 0.45, gamma 0.5, context 5 tokens; the key
 * is the 8 big-endian bytes of the registry key ({@link #of(int, byte[])} takes any key bytes, e.g. the
 * original experiments' 1024-bit key).
 *
 * <p>Paper: Y. Wu, Z. Hu, J. Guo, H. Zhang, H. Huang, "A Resilient and Accessible Distribution-Preserving
 * Watermark for Large Language Models", ICML 2024, arXiv:2310.07710. Reference: {@code yihwu/DiPmark@34abbeb};
 * {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/dip/dip.py}.
 *
 * @since 0.1.0
 */
public final class DipmarkWatermark implements Watermark {

    /** The default reweight strength: 0.45. */
    public static final double DEFAULT_ALPHA = 0.45;
    /** The default detection quantile: 0.5. */
    public static final double DEFAULT_GAMMA = 0.5;
    /** The default context width: 5 previous tokens. */
    public static final int DEFAULT_CONTEXT_WIDTH = 5;

    private final int vocabularySize;
    private final byte[] key;
    private final double alpha;
    private final double gamma;
    private final int contextWidth;
    private final double temperature;
    private final ContextSeeds seeds;
    private final TorchRandperm permuter;
    private final double nullGreenProbability;

    private DipmarkWatermark(int vocabularySize, byte[] key, double alpha, double gamma, int contextWidth,
            double temperature) {
        Texts.checkVocabularySize(vocabularySize);
        Checks.inClosedInterval(alpha, 0, 0.5, "alpha");
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        this.vocabularySize = vocabularySize;
        this.key = Checks.notNull(key, "key").clone();
        this.alpha = alpha;
        this.gamma = gamma;
        this.contextWidth = Checks.positive(contextWidth, "contextWidth");
        this.temperature = Texts.checkTemperature(temperature);
        this.seeds = new ContextSeeds(key, contextWidth);
        this.permuter = TorchRandperm.of(vocabularySize);
        int green = 0;
        for (int k = 0; k < vocabularySize; k++) {
            green += isGreenPosition(k) ? 1 : 0;
        }
        this.nullGreenProbability = (double) green / vocabularySize;
        if (green == 0 || green == vocabularySize) {
            throw Checks.fail("gamma", "leave both green and red positions for V = " + vocabularySize, gamma);
        }
    }

    /**
     * Returns DiPmark with the registry defaults and the 8 big-endian bytes of {@code key}.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the key
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static DipmarkWatermark of(int vocabularySize, long key) {
        return of(vocabularySize, ContextSeeds.bytesOf(key));
    }

    /**
     * Returns DiPmark with the registry defaults and arbitrary key bytes.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the key bytes (copied)
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static DipmarkWatermark of(int vocabularySize, byte[] key) {
        return new DipmarkWatermark(vocabularySize, key, DEFAULT_ALPHA, DEFAULT_GAMMA, DEFAULT_CONTEXT_WIDTH, 1.0);
    }

    /**
     * Returns a copy with another reweight strength.
     *
     * @param a alpha, in [0, 1/2] (1/2 is Hu et al.'s γ-reweight; 0 leaves p unchanged)
     * @return the new watermark
     * @throws IllegalArgumentException if {@code a} is outside [0, 1/2]
     */
    public DipmarkWatermark withAlpha(double a) {
        return new DipmarkWatermark(vocabularySize, key, a, gamma, contextWidth, temperature);
    }

    /**
     * Returns a copy with another detection quantile.
     *
     * @param g gamma, in (0, 1)
     * @return the new watermark
     * @throws IllegalArgumentException if {@code g} is outside (0, 1)
     */
    public DipmarkWatermark withGamma(double g) {
        return new DipmarkWatermark(vocabularySize, key, alpha, g, contextWidth, temperature);
    }

    /**
     * Returns a copy with another context width.
     *
     * @param n the number of previous tokens that seed a step, {@code >= 1}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public DipmarkWatermark withContextWidth(int n) {
        return new DipmarkWatermark(vocabularySize, key, alpha, gamma, n, temperature);
    }

    @Override
    public DipmarkWatermark withTemperature(double t) {
        return new DipmarkWatermark(vocabularySize, key, alpha, gamma, contextWidth, t);
    }

    /**
     * Returns alpha.
     *
     * @return the reweight strength
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Returns gamma.
     *
     * @return the detection quantile
     */
    public double gamma() {
        return gamma;
    }

    /**
     * Returns the probability that a token of text written without the key is green: {@code p0}.
     *
     * @return {@code #{k : (k + 1) / V >= gamma} / V}
     */
    public double nullGreenProbability() {
        return nullGreenProbability;
    }

    /**
     * Returns the step's seed: sha256 of the previous (at most 5) tokens and the key, mod 2^32 - 1.
     *
     * @param tokens the text so far
     * @param length the position being chosen or scored, in [0, tokens.length]
     * @return the seed of the step's permutation
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public long seed(int[] tokens, int length) {
        Checks.notNull(tokens, "tokens");
        Checks.inRange(length, 0, tokens.length, "length");
        return seeds.seed(tokens, length);
    }

    @Override
    public String name() {
        return "dipmark";
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

    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] p = Distributions.softmax(Texts.checkStep(tokens, length, logits, vocabularySize), temperature);
        return PermutationReweight.apply(p, permuter.permutation(seeds.seed(tokens, length)), alpha);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        Set<Long> seen = new HashSet<>();
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng, (tokens, length, logits, r) -> {
            if (!seen.add(seeds.seed(tokens, length))) {
                return Distributions.sample(Distributions.softmax(logits, temperature), r);
            }
            return Distributions.sample(nextTokenDistribution(tokens, length, logits), r);
        });
    }

    /**
     * Counts green tokens among those with a full, first-seen context; the model is not read.
     *
     * @param tokens the tokens to test, at least {@link #minimumTokens()}
     * @param model ignored (may be null)
     * @return z, the exact binomial p-value and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        Set<Long> seen = new HashSet<>();
        int scored = 0;
        int green = 0;
        for (int t = contextWidth; t < tokens.length; t++) {
            long seed = seeds.seed(tokens, t);
            if (!seen.add(seed)) {
                continue;
            }
            scored++;
            int position = PermutationReweight.positionOf(permuter.permutation(seed), tokens[t]);
            green += isGreenPosition(position) ? 1 : 0;
        }
        double z = scored == 0 ? 0.0 : (green - (1 - gamma) * scored) / Math.sqrt(scored);
        return new WatermarkScore(name(), "z", z, Tails.binomialUpper(green, scored, nullGreenProbability), scored);
    }

    private boolean isGreenPosition(int position) {
        return (double) (position + 1) / vocabularySize >= gamma;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DipmarkWatermark[V=%d, alpha=%s, gamma=%s, context=%d, temperature=%s, "
                + "key hidden]", vocabularySize, alpha, gamma, contextWidth, temperature);
    }
}
