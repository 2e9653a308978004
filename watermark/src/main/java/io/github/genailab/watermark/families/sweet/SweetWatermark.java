package io.github.genailab.watermark.families.sweet;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.Schemes;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * SWEET (Lee et al.): KGW applied, and detected, only where the model is uncertain, so that low-entropy
 * stretches (code syntax, set phrases) are neither distorted nor diluting the statistic.
 *
 * <pre>
 *   H_t = -sum_v p_v ln p_v,  p = softmax(raw logits of step t)          (natural log, untempered)
 *   generation: if H_t &gt; tau: logits[v] += delta for v in G(x_{t-1}); then sample at the temperature
 *   detection:  scored = {t &gt;= 1 : H_t &gt; tau}, each distinct (x_{t-1}, x_t) once; g green among T scored
 *               z = (g - gamma T) / sqrt(T gamma (1 - gamma)),  p = P(Binomial(T, gamma) &gt;= g)  (exact)
 * </pre>
 * G is KGW's {@code lefthash} green list (the reference's {@code hash_key * x[-1]} seed, {@code randperm(V)}
 * on the CPU generator), the one SWEET's reference uses. The gate is strict ({@code H > tau}) in both phases,
 * and reads the raw logits (Hugging Face runs user processors before the temperature warper). Detection runs
 * the model over the tested text ({@code H_t} conditioned on the text's own previous tokens) and scores
 * nothing at position 0. A text where no token passes the gate scores {@code z = 0, p = 1}.
 *
 * <p>Registry defaults (MarkLLM's {@code config/SWEET.json}): gamma 0.5, delta 2.0, tau 0.9; the key is the
 * {@code hash_key}.
 *
 * <p>Paper: T. Lee, S. Hong, J. Ahn, I. Hong, H. Lee, S. Yun, J. Shin, G. Kim, "Who Wrote this Code?
 * Watermarking for Code Generation", ACL 2024, arXiv:2305.15060. Reference:
 * {@code hongcheki/sweet-watermark@853b47e}, {@code sweet.py}; {@code THU-BPM/MarkLLM@112fa74},
 * {@code watermark/sweet}.
 *
 * @since 0.1.0
 */
public final class SweetWatermark implements Watermark {

    /** The default green fraction: 0.5. */
    public static final double DEFAULT_GAMMA = 0.5;
    /** The default logit bias: 2.0. */
    public static final double DEFAULT_DELTA = 2.0;
    /** The default entropy threshold: 0.9 nats. */
    public static final double DEFAULT_ENTROPY_THRESHOLD = 0.9;

    private final WatermarkScheme scheme;
    private final WatermarkLogitsProcessor processor;
    private final double entropyThreshold;
    private final double temperature;
    private final boolean ignoreRepeatedBigrams;

    private SweetWatermark(WatermarkScheme scheme, double entropyThreshold, double temperature,
            boolean ignoreRepeatedBigrams) {
        this.scheme = scheme;
        this.processor = WatermarkLogitsProcessor.of(scheme);
        Checks.finite(entropyThreshold, "entropyThreshold");
        this.entropyThreshold = Checks.nonNegative(entropyThreshold, "entropyThreshold");
        this.temperature = Texts.checkTemperature(temperature);
        this.ignoreRepeatedBigrams = ignoreRepeatedBigrams;
    }

    /**
     * Returns SWEET with gamma 0.5, delta 2.0, tau 0.9 and the {@code lefthash} list keyed by {@code key}.
     *
     * @param vocabularySize V, in [2, {@link WatermarkScheme#MAX_VOCABULARY_SIZE}]
     * @param key the {@code hash_key}, {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static SweetWatermark of(int vocabularySize, long key) {
        return new SweetWatermark(Schemes.lefthash(vocabularySize, key, DEFAULT_GAMMA, DEFAULT_DELTA),
                DEFAULT_ENTROPY_THRESHOLD, 1.0, true);
    }

    /**
     * Returns SWEET over any scheme of the module with context width 1 (not self-salted).
     *
     * @param scheme the green-list scheme
     * @param entropyThreshold tau in nats, finite and {@code >= 0}
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code scheme} is null
     * @throws IllegalArgumentException if the scheme's context is not one previous token, or tau is out of range
     */
    public static SweetWatermark of(WatermarkScheme scheme, double entropyThreshold) {
        Checks.notNull(scheme, "scheme");
        if (scheme.contextWidth() != 1 || scheme.selfSalted()) {
            throw Checks.fail("scheme", "seed on the previous token only (h = 1, not self-salted)", scheme.name());
        }
        return new SweetWatermark(scheme, entropyThreshold, 1.0, true);
    }

    /**
     * Returns a copy with another entropy threshold.
     *
     * @param tau the threshold in nats, finite and {@code >= 0}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code tau} is out of range
     */
    public SweetWatermark withEntropyThreshold(double tau) {
        return new SweetWatermark(scheme, tau, temperature, ignoreRepeatedBigrams);
    }

    /**
     * Returns a copy that scores each distinct (previous token, token) pair once (true, the default: a
     * repeated pair repeats its green flag, which would inflate z on human text) or every position (false,
     * as the references do).
     *
     * @param ignore whether to deduplicate bigrams
     * @return the new watermark
     */
    public SweetWatermark withIgnoreRepeatedBigrams(boolean ignore) {
        return new SweetWatermark(scheme, entropyThreshold, temperature, ignore);
    }

    @Override
    public SweetWatermark withTemperature(double t) {
        return new SweetWatermark(scheme, entropyThreshold, t, ignoreRepeatedBigrams);
    }

    /**
     * Returns the green-list scheme.
     *
     * @return the scheme
     */
    public WatermarkScheme scheme() {
        return scheme;
    }

    /**
     * Returns tau.
     *
     * @return the entropy threshold in nats
     */
    public double entropyThreshold() {
        return entropyThreshold;
    }

    @Override
    public String name() {
        return "sweet";
    }

    @Override
    public int vocabularySize() {
        return scheme.vocabularySize();
    }

    @Override
    public double temperature() {
        return temperature;
    }

    @Override
    public int minimumTokens() {
        return 2;
    }

    @Override
    public boolean detectionNeedsModel() {
        return true;
    }

    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] row = Texts.checkStep(tokens, length, logits, vocabularySize());
        if (Distributions.entropy(row) > entropyThreshold) {
            processor.process(tokens, length, row);
        }
        return Distributions.softmax(row, temperature);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return Generation.run(model, vocabularySize(), prompt, maxNewTokens, rng,
                (tokens, length, logits, r) -> Distributions.sample(nextTokenDistribution(tokens, length, logits), r));
    }

    /**
     * Scores the tokens whose model entropy exceeds tau; reads the model once ({@code forward} over the text).
     *
     * @param tokens the tokens to test, at least 2
     * @param model the model the text would have been generated with
     * @return z, the exact binomial p-value and T (0 when no token passes the gate)
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Texts.checkModel(model, vocabularySize());
        double[][] rows = Distributions.logitsAfterEachPrefix(model, tokens);
        double[] entropies = new double[tokens.length];
        for (int t = 1; t < tokens.length; t++) {
            entropies[t] = Distributions.entropy(rows[t - 1]);
        }
        return score(tokens, entropies);
    }

    /**
     * Scores {@code tokens} with entropies computed elsewhere (by the Python reference, say):
     * {@code entropies[t]} is the entropy of the model's distribution of token {@code t} given the tokens
     * before it; {@code entropies[0]} is not read.
     *
     * @param tokens the tokens to test, at least 2
     * @param entropies one entropy per token, in nats (NaN is never above the threshold)
     * @return z, the exact binomial p-value and T
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, or {@code tokens} is too short or has an id
     *     outside {@code [0, V)}
     */
    public WatermarkScore detectWithEntropies(int[] tokens, double[] entropies) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Checks.notNull(entropies, "entropies");
        Checks.sameLength(tokens.length, entropies.length, "tokens", "entropies");
        return score(tokens, entropies);
    }

    private WatermarkScore score(int[] tokens, double[] entropies) {
        Set<Long> seen = new HashSet<>();
        int[] context = new int[1];
        int scored = 0;
        int green = 0;
        for (int t = 1; t < tokens.length; t++) {
            if (!(entropies[t] > entropyThreshold)
                    || ignoreRepeatedBigrams && !seen.add(((long) tokens[t - 1] << 32) | tokens[t])) {
                continue;
            }
            scored++;
            context[0] = tokens[t - 1];
            green += scheme.isGreen(context, tokens[t]) ? 1 : 0;
        }
        return new WatermarkScore(name(), "z", Tails.z(green, scored, scheme.gamma()),
                Tails.binomialUpper(green, scored, scheme.gamma()), scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweetWatermark[%s, tau=%s, temperature=%s]", scheme, entropyThreshold,
                temperature);
    }
}
