package io.github.genailab.watermark.families.kgw;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.Schemes;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * KGW (Kirchenbauer et al.'s green/red-list watermark) as a {@link Watermark}: the module's
 * {@link WatermarkScheme}, {@link WatermarkLogitsProcessor} and {@link WatermarkDetector}, unchanged, behind
 * the common interface.
 *
 * <pre>
 *   generation: logits[v] += delta for v in G(context), G = the scheme's green list (gamma V ids)
 *               then sample from softmax(logits / temperature)
 *   detection:  T distinct scored n-grams, g green among them,
 *               z = (g - gamma T) / sqrt(T gamma (1 - gamma)),  p = P(Binomial(T, gamma) &gt;= g)  (exact)
 * </pre>
 * The p-value is the exact binomial tail rather than the normal approximation the reference prints, and
 * repeated n-grams are scored once (the reference's {@code ignore_repeated_ngrams=True}): a repeated
 * (context, token) pair repeats its green flag, and counting it again would make human text look
 * watermarked more often than {@code alpha}. Because the delta is added before the temperature (the order
 * of Hugging Face's processors and warpers), the effective bias is {@code delta / temperature}.
 *
 * <p>{@link io.github.genailab.watermark.Watermarks#create(String, int, long) Watermarks.create("kgw", V, key)}
 * is the reference's {@code lefthash} scheme (additive PRF over the previous token, h = 1) with
 * {@code hash_key = key}, gamma 0.25 and delta 2.0, the paper's main setting.
 *
 * <p>Paper: J. Kirchenbauer, J. Geiping, Y. Wen, J. Katz, I. Miers, T. Goldstein, "A Watermark for Large
 * Language Models", ICML 2023, arXiv:2301.10226; reference {@code jwkirchenbauer/lm-watermarking@fb602de}.
 *
 * @since 0.1.0
 */
public final class KgwWatermark implements Watermark {

    /** The green fraction of {@link #of(int, long)}: 0.25. */
    public static final double DEFAULT_GAMMA = 0.25;
    /** The logit bias of {@link #of(int, long)}: 2.0. */
    public static final double DEFAULT_DELTA = 2.0;

    private final WatermarkScheme scheme;
    private final WatermarkDetector detector;
    private final WatermarkLogitsProcessor processor;
    private final double temperature;

    private KgwWatermark(WatermarkScheme scheme, double temperature) {
        this.scheme = scheme;
        this.detector = WatermarkDetector.of(scheme).withIgnoreRepeatedNgrams(true);
        this.processor = WatermarkLogitsProcessor.of(scheme);
        this.temperature = Texts.checkTemperature(temperature);
    }

    /**
     * Returns KGW with the reference's {@code lefthash} scheme keyed by {@code key}, gamma 0.25, delta 2.0.
     *
     * @param vocabularySize V, in [1, {@link WatermarkScheme#MAX_VOCABULARY_SIZE}]
     * @param key the reference's {@code hash_key}, {@code >= 0}
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if {@code vocabularySize} or {@code key} is out of range
     */
    public static KgwWatermark of(int vocabularySize, long key) {
        return of(Schemes.lefthash(vocabularySize, key, DEFAULT_GAMMA, DEFAULT_DELTA));
    }

    /**
     * Returns KGW with any scheme of the module (reference-compatible or keyed).
     *
     * @param scheme the scheme
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code scheme} is null
     */
    public static KgwWatermark of(WatermarkScheme scheme) {
        return new KgwWatermark(Checks.notNull(scheme, "scheme"), 1.0);
    }

    /**
     * Returns the scheme.
     *
     * @return the scheme
     */
    public WatermarkScheme scheme() {
        return scheme;
    }

    @Override
    public String name() {
        return "kgw";
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
    public KgwWatermark withTemperature(double t) {
        return new KgwWatermark(scheme, t);
    }

    @Override
    public int minimumTokens() {
        return scheme.contextWidth() + 1;
    }

    @Override
    public boolean detectionNeedsModel() {
        return false;
    }

    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] row = Texts.checkStep(tokens, length, logits, vocabularySize());
        processor.process(tokens, length, row);
        return Distributions.softmax(row, temperature);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        DecodingOptions sampling = DecodingOptions.sampling(temperature);
        return Generation.run(model, vocabularySize(), prompt, maxNewTokens, rng, (tokens, length, logits, r) -> {
            processor.process(tokens, length, logits);
            return Decoder.nextToken(logits, sampling, r);
        });
    }

    /**
     * Scores {@code tokens} with the module's detector (deduplicated n-grams); the model is not read.
     *
     * @param tokens the tokens to test, at least {@link #minimumTokens()}
     * @param model ignored (may be null)
     * @return z, the exact binomial p-value and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize(), minimumTokens(), name());
        Detection d = detector.detect(tokens);
        return new WatermarkScore(name(), "z", d.zScore(), Tails.binomialUpper(d.numGreenTokens(),
                d.numTokensScored(), scheme.gamma()), d.numTokensScored());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KgwWatermark[%s, temperature=%s]", scheme, temperature);
    }
}
