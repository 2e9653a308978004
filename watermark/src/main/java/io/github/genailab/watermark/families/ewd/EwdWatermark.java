package io.github.genailab.watermark.families.ewd;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.stats.NormalTail;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.families.kgw.KgwWatermark;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Schemes;
import io.github.genailab.watermark.internal.Texts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * EWD (Lu et al.): KGW generation, and a detector that weighs each token by the model's spike entropy at
 * that step, so that tokens the watermark could hardly move count little.
 *
 * <pre>
 *   alpha = e^delta (rounded to float32, as the reference's torch.exp),  z_alpha = (1 - gamma)(alpha - 1) / (1 - gamma + alpha gamma)
 *   SE_t  = sum_v p_v / (1 + z_alpha p_v),  p = softmax(logits of step t at the generation temperature)
 *   w_t   = SE_t - min_{s scored} SE_s          over t &gt;= 1, each distinct (x_{t-1}, x_t) once
 *   z     = (sum_{t green} w_t - gamma sum_t w_t) / sqrt(gamma (1 - gamma) sum_t w_t^2),   p = P(Z &gt; z)
 * </pre>
 * Under the null the green flags are independent Bernoulli(gamma) given the weights (which depend on the
 * text, not the key), so z is a standardised weighted sum and its normal tail is the p-value the paper uses
 * (Lyapunov's central limit theorem; accurate once a few dozen tokens carry weight). Weights that are all
 * zero (one scored token, or equal entropies) score {@code z = 0, p = 1}; the reference returns NaN there.
 * Generation is {@link KgwWatermark} with the same scheme; the reference computes the statistic in float32,
 * here it is double (agreement to about 1e-5 relative).
 *
 * <p>Registry defaults (MarkLLM's {@code config/EWD.json}): the {@code lefthash} list, gamma 0.5, delta 2.0;
 * the key is the {@code hash_key}.
 *
 * <p>Paper: Y. Lu, A. Liu, D. Yu, J. Li, I. King, "An Entropy-based Text Watermarking Detection Method",
 * ACL 2024, arXiv:2403.13485. Reference: {@code luyijian3/EWD@605756a}, {@code watermark.py};
 * {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/ewd}.
 *
 * @since 0.1.0
 */
public final class EwdWatermark implements Watermark {

    /** The default green fraction: 0.5. */
    public static final double DEFAULT_GAMMA = 0.5;
    /** The default logit bias: 2.0. */
    public static final double DEFAULT_DELTA = 2.0;

    private final KgwWatermark generator;
    private final WatermarkScheme scheme;
    private final double zAlpha;
    private final boolean ignoreRepeatedBigrams;

    private EwdWatermark(KgwWatermark generator, boolean ignoreRepeatedBigrams) {
        this.generator = generator;
        this.scheme = generator.scheme();
        if (scheme.contextWidth() != 1 || scheme.selfSalted()) {
            throw Checks.fail("scheme", "seed on the previous token only (h = 1, not self-salted)", scheme.name());
        }
        double alpha = (float) Math.exp(scheme.delta());
        double gamma = scheme.gamma();
        this.zAlpha = (1 - gamma) * (alpha - 1) / (1 - gamma + alpha * gamma);
        this.ignoreRepeatedBigrams = ignoreRepeatedBigrams;
    }

    /**
     * Returns EWD with the {@code lefthash} list keyed by {@code key}, gamma 0.5, delta 2.0.
     *
     * @param vocabularySize V
     * @param key the {@code hash_key}, {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static EwdWatermark of(int vocabularySize, long key) {
        return of(Schemes.lefthash(vocabularySize, key, DEFAULT_GAMMA, DEFAULT_DELTA));
    }

    /**
     * Returns EWD over any scheme of the module seeded on the previous token.
     *
     * @param scheme the scheme (h = 1, not self-salted)
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code scheme} is null
     * @throws IllegalArgumentException if the scheme's context is not one previous token
     */
    public static EwdWatermark of(WatermarkScheme scheme) {
        return new EwdWatermark(KgwWatermark.of(Checks.notNull(scheme, "scheme")), true);
    }

    /**
     * Returns the spike entropy of a probability vector under this scheme's gamma and delta.
     *
     * @param p a probability vector (not modified)
     * @return {@code sum_v p_v / (1 + z_alpha p_v)}
     * @throws NullPointerException if {@code p} is null
     */
    public double spikeEntropy(double[] p) {
        Checks.notNull(p, "p");
        double se = 0;
        for (double x : p) {
            se += x / (1 + zAlpha * x);
        }
        return se;
    }

    /**
     * Returns the statistic for given spike entropies and green flags of the scored tokens.
     *
     * @param spikeEntropies SE of each scored token, finite
     * @param green whether each scored token is green
     * @param gamma the green fraction
     * @return z (0 when every weight is 0)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ or an entropy is not finite
     */
    public static double zScore(double[] spikeEntropies, boolean[] green, double gamma) {
        Checks.notNull(spikeEntropies, "spikeEntropies");
        Checks.notNull(green, "green");
        Checks.sameLength(spikeEntropies.length, green.length, "spikeEntropies", "green");
        Checks.allFinite(spikeEntropies, "spikeEntropies");
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        double min = Double.POSITIVE_INFINITY;
        for (double se : spikeEntropies) {
            min = Math.min(min, se);
        }
        double sum = 0;
        double sumGreen = 0;
        double sumSquares = 0;
        for (int i = 0; i < spikeEntropies.length; i++) {
            double w = spikeEntropies[i] - min;
            sum += w;
            sumSquares += w * w;
            sumGreen += green[i] ? w : 0;
        }
        return sumSquares == 0 ? 0.0 : (sumGreen - gamma * sum) / Math.sqrt(gamma * (1 - gamma) * sumSquares);
    }

    @Override
    public String name() {
        return "ewd";
    }

    @Override
    public int vocabularySize() {
        return scheme.vocabularySize();
    }

    @Override
    public double temperature() {
        return generator.temperature();
    }

    /**
     * Returns a copy that scores each distinct (previous token, token) pair once (true, the default) or
     * every position (false, as the references do).
     *
     * @param ignore whether to deduplicate bigrams
     * @return the new watermark
     */
    public EwdWatermark withIgnoreRepeatedBigrams(boolean ignore) {
        return new EwdWatermark(generator, ignore);
    }

    @Override
    public EwdWatermark withTemperature(double t) {
        return new EwdWatermark(generator.withTemperature(t), ignoreRepeatedBigrams);
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
        return generator.nextTokenDistribution(tokens, length, logits);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        return generator.generate(model, prompt, maxNewTokens, rng);
    }

    /**
     * Computes the entropy-weighted z; reads the model once ({@code forward} over the text).
     *
     * @param tokens the tokens to test, at least 2
     * @param model the model the text would have been generated with
     * @return z, its normal p-value and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Texts.checkModel(model, vocabularySize());
        double[][] rows = Distributions.logitsAfterEachPrefix(model, tokens);
        double[] spikeEntropies = new double[tokens.length];
        for (int t = 1; t < tokens.length; t++) {
            spikeEntropies[t] = spikeEntropy(Distributions.softmax(rows[t - 1], temperature()));
        }
        return score(tokens, spikeEntropies);
    }

    /**
     * Scores {@code tokens} with spike entropies computed elsewhere: {@code spikeEntropies[t]} belongs to the
     * model's distribution of token {@code t} given the tokens before it; {@code spikeEntropies[0]} is not
     * read.
     *
     * @param tokens the tokens to test, at least 2
     * @param spikeEntropies one spike entropy per token, finite from index 1
     * @return z, its normal p-value and T
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, an entropy is not finite, or {@code tokens} is
     *     too short or has an id outside {@code [0, V)}
     */
    public WatermarkScore detectWithSpikeEntropies(int[] tokens, double[] spikeEntropies) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Checks.notNull(spikeEntropies, "spikeEntropies");
        Checks.sameLength(tokens.length, spikeEntropies.length, "tokens", "spikeEntropies");
        Checks.allFinite(Arrays.copyOfRange(spikeEntropies, 1, spikeEntropies.length), "spikeEntropies[1..]");
        return score(tokens, spikeEntropies);
    }

    private WatermarkScore score(int[] tokens, double[] spikeEntropies) {
        Set<Long> seen = new HashSet<>();
        double[] entropies = new double[tokens.length];
        boolean[] green = new boolean[tokens.length];
        int[] context = new int[1];
        int scored = 0;
        for (int t = 1; t < tokens.length; t++) {
            if (ignoreRepeatedBigrams && !seen.add(((long) tokens[t - 1] << 32) | tokens[t])) {
                continue;
            }
            entropies[scored] = spikeEntropies[t];
            context[0] = tokens[t - 1];
            green[scored] = scheme.isGreen(context, tokens[t]);
            scored++;
        }
        double z = zScore(Arrays.copyOf(entropies, scored), Arrays.copyOf(green, scored), scheme.gamma());
        return new WatermarkScore(name(), "weighted z", z, NormalTail.upper(z), scored);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EwdWatermark[%s, temperature=%s]", scheme, temperature());
    }
}
