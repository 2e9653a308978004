package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.stats.RocCurve;
import io.github.genailab.core.text.Tokenizer;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.Watermarks;
import io.github.genailab.watermark.attack.Attack;
import io.github.genailab.watermark.attack.CopyPaste;
import io.github.genailab.watermark.attack.EmojiAttack;
import io.github.genailab.watermark.families.kgw.KgwWatermark;
import io.github.genailab.watermark.internal.Distributions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/**
 * Puts watermark families side by side on the same prompts, the same human texts and the same model: the
 * comparison researchers run with MarkLLM's pipelines (Pan et al., "MarkLLM: An Open-Source Toolkit for LLM
 * Watermarking", EMNLP 2024 demo), with p-values in place of per-family thresholds so that "flagged" means
 * {@code p < alpha} for every family.
 *
 * <p>For each family (created with the options' key): {@code texts} watermarked generations, one per prompt;
 * the p-value of each, of its prefixes and of its attacked versions; the p-value of every human text; the
 * model's perplexity of the generations; and the next-token distribution shift along unwatermarked texts
 * (one key, and {@code klKeys} keys averaged). The attacks: token deletion, insertion and substitution and
 * word deletion and insertion at {@code attackRate}; copy-paste of watermarked spans into the human texts
 * (Kirchenbauer et al., "On the Reliability of Watermarks for Large Language Models", ICLR 2024); the emoji
 * attack at generation (Kirchenbauer et al., ICML 2023, Sec. 7; the emoji is token V - 1). A KGW family also
 * gets a line generated with beam search, which the ICML paper reports to strengthen the watermark
 * (Sec. 6, "Beam search").
 *
 * <p>Costs: a family's detector runs about {@code texts (lengths + 7) + human} times; EXP-edit's
 * permutation test and the model-based detectors (SWEET, EWD, Unbiased) dominate. Randomness: one seed drawn
 * from {@code rng} seeds every family's streams by name, so adding a family changes no other line. Stateless
 * and thread-safe.
 *
 * @since 0.1.0
 */
public final class WatermarkComparison {

    private static final int CONTEXTS_PER_TEXT = 20;

    private WatermarkComparison() {
    }

    /**
     * Returns the registry's families by name, each a function from a key to the watermark.
     *
     * @param names registry names ({@link Watermarks#available()} for all)
     * @param vocabularySize V
     * @return one factory per name
     * @throws NullPointerException if {@code names} or a name is null
     * @throws IllegalArgumentException if a name is unknown or {@code vocabularySize} is out of range
     */
    public static List<LongFunction<Watermark>> families(List<String> names, int vocabularySize) {
        Checks.noNullElements(names, "names");
        List<LongFunction<Watermark>> out = new ArrayList<>();
        for (String name : names) {
            Watermarks.create(name, vocabularySize, 0); // fails now, not in the middle of a run
            out.add(key -> Watermarks.create(name, vocabularySize, key));
        }
        return out;
    }

    /**
     * Runs the comparison.
     *
     * @param families one factory per family (key to watermark), e.g. {@link #families(List, int)}
     * @param model the model that generates and scores (the oracle of the perplexities)
     * @param prompts at least {@code options.texts()} prompts
     * @param human the human texts (prompt removed), each long enough for every detector
     * @param tokenizer the model's tokenizer (for the word attacks)
     * @param options sizes and levels
     * @param rng the source of every random choice
     * @param listener progress reports, one per family step ({@link ProgressListener#none()} for none)
     * @return the comparison
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if a list is empty, there are fewer prompts than texts, the tokenizer has
     *     more ids than the model, a family's vocabulary differs from the model's, or a human text is shorter
     *     than a detector needs
     */
    public static WatermarkComparisonResult run(List<LongFunction<Watermark>> families, LanguageModel model,
            List<int[]> prompts, List<int[]> human, Tokenizer tokenizer, WatermarkComparisonOptions options,
            RandomGenerator rng, ProgressListener listener) {
        Checks.noNullElements(families, "families");
        Checks.notNull(model, "model");
        Checks.noNullElements(prompts, "prompts");
        Checks.noNullElements(human, "human");
        Checks.notNull(tokenizer, "tokenizer");
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        if (families.isEmpty()) {
            throw Checks.fail("families", "not be empty", "0 families");
        }
        if (prompts.size() < options.texts()) {
            throw Checks.fail("prompts.size()", "be >= options.texts() = " + options.texts(), prompts.size());
        }
        if (human.isEmpty()) {
            throw Checks.fail("human", "not be empty", "0 texts");
        }
        int v = model.vocabularySize();
        if (tokenizer.vocabularySize() > v) {
            throw Checks.fail("tokenizer.vocabularySize()", "be <= the model's vocabulary " + v,
                    tokenizer.vocabularySize());
        }
        Run run = new Run(model, prompts, human, tokenizer, options, rng.nextLong(), listener);
        List<ComparisonRow> rows = new ArrayList<>();
        for (LongFunction<Watermark> family : families) {
            Watermark w = Checks.notNull(family.apply(options.key()), "family(key)");
            rows.add(run.row(w, family));
            if (options.beams() > 0 && w instanceof KgwWatermark kgw) {
                rows.add(run.beamRow(kgw));
            }
        }
        return new WatermarkComparisonResult(options, human.size(), run.attackNames(), run.plainPerplexity, rows);
    }

    /** One comparison's shared state: the model, texts, baselines and the contexts of the shift measures. */
    private static final class Run {
        private final LanguageModel model;
        private final List<int[]> prompts;
        private final List<int[]> human;
        private final WatermarkComparisonOptions options;
        private final long seed;
        private final ProgressListener listener;
        private final Map<String, Attack> attacks = new LinkedHashMap<>();
        private final List<int[]> contextTokens = new ArrayList<>();
        private final List<double[]> contextLogits = new ArrayList<>();
        private final double plainPerplexity;

        Run(LanguageModel model, List<int[]> prompts, List<int[]> human, Tokenizer tokenizer,
                WatermarkComparisonOptions options, long seed, ProgressListener listener) {
            this.model = model;
            this.prompts = prompts;
            this.human = human;
            this.options = options;
            this.seed = seed;
            this.listener = listener;
            int v = model.vocabularySize();
            String rate = Math.round(options.attackRate() * 100) + "%";
            attacks.put("delete " + rate, Attack.deletion(options.attackRate()));
            attacks.put("insert " + rate, Attack.insertion(options.attackRate(), v));
            attacks.put("substitute " + rate, Attack.substitution(options.attackRate(), v));
            attacks.put("words -" + rate, Attack.wordDeletion(options.attackRate(), tokenizer));
            attacks.put("words +" + rate, Attack.wordInsertion(options.attackRate(), tokenizer));
            double[] plain = new double[options.texts()];
            for (int i = 0; i < plain.length; i++) {
                int[] text = Decoder.generate(model, prompts.get(i), options.tokensPerText(), DecodingOptions.defaults(),
                        List.of(), stream("plain", i));
                plain[i] = perplexity(model, prompts.get(i), text);
                if (i < options.klTexts()) {
                    addContexts(prompts.get(i), text);
                }
                listener.progress("unwatermarked", i + 1, plain.length);
            }
            this.plainPerplexity = Arrays.stream(plain).average().orElseThrow();
        }

        List<String> attackNames() {
            List<String> names = new ArrayList<>(attacks.keySet());
            names.add(copyPasteName());
            names.add("emoji");
            return names;
        }

        private String copyPasteName() {
            return "copy-paste " + Math.round(options.copyPasteFraction() * 100) + "%";
        }

        /** A generator for one named purpose and index, independent of the order of families. */
        private RandomGenerator stream(String purpose, int index) {
            return Rngs.seeded(seed ^ (purpose.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL));
        }

        private void addContexts(int[] prompt, int[] text) {
            int[] all = Arrays.copyOf(prompt, prompt.length + text.length);
            System.arraycopy(text, 0, all, prompt.length, text.length);
            int stride = Math.max(1, text.length / CONTEXTS_PER_TEXT);
            for (int t = 0; t < text.length; t += stride) {
                int length = prompt.length + t;
                contextTokens.add(Arrays.copyOf(all, length));
                contextLogits.add(model.nextTokenLogits(all, length));
            }
        }

        ComparisonRow row(Watermark w, LongFunction<Watermark> family) {
            String name = w.name();
            List<int[]> texts = new ArrayList<>();
            for (int i = 0; i < options.texts(); i++) {
                texts.add(w.generate(model, prompts.get(i), options.tokensPerText(), stream(name, i)));
                listener.progress(name + ": generating", i + 1, options.texts());
            }
            Map<String, Double> underAttack = attacked(w, name, texts);
            List<int[]> emoji = new ArrayList<>();
            for (int i = 0; i < options.texts(); i++) {
                emoji.add(EmojiAttack.generate(w, model, prompts.get(i), options.tokensPerText(),
                        model.vocabularySize() - 1, stream(name + " emoji", i)));
            }
            underAttack.put("emoji", flaggedRate(w, emoji));
            double[] shift = shift(w, family);
            return detectability(w, name, texts, underAttack, shift[0], shift[1], shift[2]);
        }

        ComparisonRow beamRow(KgwWatermark kgw) {
            List<int[]> texts = new ArrayList<>();
            DecodingOptions beam = DecodingOptions.beamSearch(options.beams());
            for (int i = 0; i < options.texts(); i++) {
                texts.add(Decoder.generate(model, prompts.get(i), options.tokensPerText(), beam,
                        List.of(WatermarkLogitsProcessor.of(kgw.scheme())), stream("beam", i)));
                listener.progress("kgw: beam search", i + 1, options.texts());
            }
            String name = "kgw + beam search (" + options.beams() + ")";
            return detectability(kgw, name, texts, attacked(kgw, name, texts), Double.NaN, Double.NaN, Double.NaN);
        }

        private Map<String, Double> attacked(Watermark w, String name, List<int[]> texts) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, Attack> a : attacks.entrySet()) {
                RandomGenerator r = stream(name + " " + a.getKey(), 0);
                List<int[]> edited = new ArrayList<>();
                for (int[] t : texts) {
                    edited.add(a.getValue().apply(t, r));
                }
                out.put(a.getKey(), flaggedRate(w, edited));
            }
            RandomGenerator r = stream(name + " copy-paste", 0);
            List<int[]> pasted = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                pasted.add(CopyPaste.apply(texts.get(i), human.get(i % human.size()), options.copyPasteFraction(),
                        options.copyPasteSpans(), r));
            }
            out.put(copyPasteName(), flaggedRate(w, pasted));
            return out;
        }

        private ComparisonRow detectability(Watermark w, String name, List<int[]> texts,
                Map<String, Double> underAttack, double stepKl, double keyAveragedChiSquare, double chiSquareError) {
            double[] humanP = new double[human.size()];
            for (int j = 0; j < humanP.length; j++) {
                humanP[j] = w.pValue(human.get(j), model);
                listener.progress(name + ": human texts", j + 1, humanP.length);
            }
            double[] wmP = new double[texts.size()];
            double tokensScored = 0;
            double perplexity = 0;
            for (int i = 0; i < wmP.length; i++) {
                var score = w.detect(texts.get(i), model);
                wmP[i] = score.pValue();
                tokensScored += score.tokensScored();
                perplexity += perplexity(model, prompts.get(i), texts.get(i));
            }
            int[] lengths = options.lengths();
            double[] byLength = new double[lengths.length];
            for (int l = 0; l < lengths.length; l++) {
                List<int[]> prefixes = new ArrayList<>();
                for (int[] t : texts) {
                    prefixes.add(Arrays.copyOf(t, lengths[l]));
                }
                byLength[l] = flaggedRate(w, prefixes);
            }
            RocCurve roc = roc(humanP, wmP);
            return new ComparisonRow(name, w.detectionNeedsModel(), rate(wmP), rate(humanP), roc.auc(),
                    roc.tprAtFprAtMost(0.01), roc.tprAtFprAtMost(0.001), byLength, underAttack,
                    perplexity / texts.size(), stepKl, keyAveragedChiSquare, chiSquareError, tokensScored / texts.size());
        }

        /** The fraction flagged at p &lt; alpha; a text too short for the detector is not flagged. */
        private double flaggedRate(Watermark w, List<int[]> texts) {
            int flagged = 0;
            for (int[] t : texts) {
                if (t.length >= w.minimumTokens() && w.pValue(t, model) < options.alpha()) {
                    flagged++;
                }
            }
            return (double) flagged / texts.size();
        }

        private double rate(double[] pValues) {
            return (double) Arrays.stream(pValues).filter(p -> p < options.alpha()).count() / pValues.length;
        }

        /**
         * {one key's mean KL, the mean over contexts of the unbiased chi-square estimate, its standard error}.
         * Keys are created one at a time (an EXP-edit key table is V n floats).
         */
        private double[] shift(Watermark w, LongFunction<Watermark> family) {
            int contexts = contextLogits.size();
            double[][] p = new double[contexts][];
            double[][] sum = new double[contexts][];
            double[][] sumOfSquares = new double[contexts][];
            double step = 0;
            for (int c = 0; c < contexts; c++) {
                int[] tokens = contextTokens.get(c);
                p[c] = Distributions.softmax(contextLogits.get(c), w.temperature());
                step += kl(w.nextTokenDistribution(tokens, tokens.length, contextLogits.get(c)), p[c]);
                sum[c] = new double[p[c].length];
                sumOfSquares[c] = new double[p[c].length];
            }
            for (int k = 1; k <= options.klKeys(); k++) {
                Watermark keyed = family.apply(options.key() + k);
                for (int c = 0; c < contexts; c++) {
                    int[] tokens = contextTokens.get(c);
                    double[] q = keyed.nextTokenDistribution(tokens, tokens.length, contextLogits.get(c));
                    for (int x = 0; x < q.length; x++) {
                        sum[c][x] += q[x];
                        sumOfSquares[c][x] += q[x] * q[x];
                    }
                }
                listener.progress(w.name() + ": distribution shift", k, options.klKeys());
            }
            double[] estimates = new double[contexts];
            for (int c = 0; c < contexts; c++) {
                estimates[c] = chiSquareOfMean(sum[c], sumOfSquares[c], options.klKeys(), p[c]);
            }
            double mean = Arrays.stream(estimates).average().orElseThrow();
            double spread = Arrays.stream(estimates).map(e -> (e - mean) * (e - mean)).sum() / Math.max(1, contexts - 1);
            return new double[] {step / contexts, mean, Math.sqrt(spread / contexts)};
        }
    }

    /**
     * The unbiased estimate, from K independent draws {@code q_k} (given as their sum and sum of squares), of
     * the chi-square divergence of their mean {@code E[q]} from {@code p}:
     * {@code sum_x [(mean_x - p_x)^2 - s_x^2 / K] / p_x}, with {@code s_x^2} the sample variance. Zero in
     * expectation exactly when {@code E[q] = p}; a single estimate can be negative.
     */
    static double chiSquareOfMean(double[] sum, double[] sumOfSquares, int k, double[] p) {
        double total = 0;
        for (int x = 0; x < p.length; x++) {
            if (p[x] <= 0) {
                continue;
            }
            double mean = sum[x] / k;
            double variance = Math.max(0, (sumOfSquares[x] - k * mean * mean) / (k - 1));
            total += ((mean - p[x]) * (mean - p[x]) - variance / k) / p[x];
        }
        return total;
    }

    /** KL(q || p) in nats; terms with q = 0 vanish. */
    static double kl(double[] q, double[] p) {
        double sum = 0;
        for (int x = 0; x < q.length; x++) {
            if (q[x] > 0) {
                sum += q[x] * Math.log(q[x] / p[x]);
            }
        }
        return Math.max(0, sum);
    }

    /** exp of the mean negative log-probability of {@code text} after {@code prompt}. */
    static double perplexity(LanguageModel model, int[] prompt, int[] text) {
        int[] all = Arrays.copyOf(prompt, prompt.length + text.length);
        System.arraycopy(text, 0, all, prompt.length, text.length);
        double[] logProbs = model.tokenLogProbs(all); // tokensPerText >= 2, so at least 2 tokens
        double sum = 0;
        int from = Math.max(0, prompt.length - 1);
        for (int i = from; i < logProbs.length; i++) {
            sum -= logProbs[i];
        }
        return Math.exp(sum / (logProbs.length - from));
    }

    /** The ROC of -ln p, watermarked texts positive; p = 0 is capped at the smallest double. */
    static RocCurve roc(double[] humanP, double[] watermarkedP) {
        double[] scores = new double[humanP.length + watermarkedP.length];
        boolean[] positive = new boolean[scores.length];
        for (int j = 0; j < humanP.length; j++) {
            scores[j] = -Math.log(Math.max(humanP[j], Double.MIN_VALUE));
        }
        for (int i = 0; i < watermarkedP.length; i++) {
            scores[humanP.length + i] = -Math.log(Math.max(watermarkedP[i], Double.MIN_VALUE));
            positive[humanP.length + i] = true;
        }
        return RocCurve.of(scores, positive);
    }
}
