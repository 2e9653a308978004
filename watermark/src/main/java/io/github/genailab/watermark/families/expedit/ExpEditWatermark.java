package io.github.genailab.watermark.families.expedit;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.GumbelChoice;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.torch.TorchCpuRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * EXP-edit (Kuditipudi et al.): Gumbel-max sampling driven by a fixed key sequence instead of the context,
 * and a detector that aligns the text to the key with an edit distance, so that insertions, deletions and
 * substitutions shift the alignment instead of destroying it.
 *
 * <pre>
 *   key:        xi[i][v], i in [0, n), v in [0, V): MT19937(key) draws / 2^32, rounded to float32
 *   generation: a random shift s; token i = argmax_v xi[(s + i) mod n][v]^(1 / p_v),  p = softmax(logits / temperature)
 *   cost(t, j)  = ln(1 - xi[j][x_t])                                   (negative; lower = better match)
 *   d(x, shift) = Levenshtein DP over the k tokens against key rows shift, shift+1, ... (mod n), gap cost gamma:
 *                 A[t][j] = min(A[t-1][j] + gamma, A[t][j-1] + gamma, A[t-1][j-1] + cost(t, j))   (float32)
 *   statistic   phi = min over the n shifts of d;   lower = watermarked
 *   p-value     = (1 + #{b : phi_b &lt;= phi}) / (runs + 1),  phi_b = the statistic under an independent uniform key,
 *                 or h / L if the h-th null statistic &lt;= phi arrives at run L &lt; runs (h = 10)
 * </pre>
 * The permutation test is exact for text written without the key (the true key and the null keys are
 * exchangeable); stopping once 10 null statistics reach the observed one is Besag and Clifford's
 * sequential Monte Carlo p-value, equally valid, and it makes a human text cost a few dozen statistics
 * instead of {@code runs} (J. Besag, P. Clifford, "Sequential Monte Carlo p-values", Biometrika 78(2),
 * 301–304, 1991). The null keys come from a {@code SplittableRandom} seeded by the key, so a p-value is
 * reproducible; the references draw them from an unseeded global generator. Only the key entries of the
 * tokens that occur in the text are drawn for a null key, which is the same in distribution and V times
 * cheaper. The DP runs over all n shifts at once in float32 (the references' precision), allocation-free per
 * row; cost O(n k^2) per statistic, times {@code runs + 1}.
 *
 * <p>Registry defaults: n = 256 key rows (the references' {@code pseudo_length}), gamma = 0 (the paper's
 * EXP-edit experiments and MarkLLM), 100 null keys (so that {@code p < 0.01} is reachable); the key must be
 * below 2^32 (MT19937's {@code init_genrand}).
 *
 * <p>Paper: R. Kuditipudi, J. Thickstun, T. Hashimoto, P. Liang, "Robust Distortion-free Watermarks for
 * Language Models", TMLR 2024, arXiv:2307.15593. Reference: {@code jthickstun/watermark@80d4ec8}
 * ({@code demo/mersenne.py}, {@code demo/levenshtein.pyx}, {@code watermarking/detection.py});
 * {@code THU-BPM/MarkLLM@112fa74}, {@code watermark/exp_edit}.
 *
 * @since 0.1.0
 */
public final class ExpEditWatermark implements Watermark {

    /** The default number of key rows: 256. */
    public static final int DEFAULT_KEY_LENGTH = 256;
    /** The default number of null keys: 100. */
    public static final int DEFAULT_RUNS = 100;
    /** The number of null statistics at or below the observed one after which the test stops: 10. */
    public static final int SEQUENTIAL_STOP = 10;

    private final int vocabularySize;
    private final long key;
    private final int keyLength;
    private final float gapPenalty;
    private final int runs;
    private final double temperature;
    /** xi, row-major n x V. */
    private final float[] xi;

    private ExpEditWatermark(int vocabularySize, long key, int keyLength, float gapPenalty, int runs,
            double temperature, float[] xi) {
        Texts.checkVocabularySize(vocabularySize);
        if (key < 0 || key > 0xFFFF_FFFFL) {
            throw Checks.fail("key", "be in [0, 2^32) (an MT19937 seed)", key);
        }
        Checks.inRange(keyLength, 1, 4096, "keyLength");
        if ((long) keyLength * vocabularySize > 1L << 26) {
            throw Checks.fail("keyLength * vocabularySize", "be <= 2^26 (a key table of 256 MiB)",
                    (long) keyLength * vocabularySize);
        }
        Checks.finite(gapPenalty, "gapPenalty");
        Checks.nonNegative(gapPenalty, "gapPenalty");
        Checks.inRange(runs, 1, 1_000_000, "runs");
        this.vocabularySize = vocabularySize;
        this.key = key;
        this.keyLength = keyLength;
        this.gapPenalty = gapPenalty;
        this.runs = runs;
        this.temperature = Texts.checkTemperature(temperature);
        this.xi = xi != null ? xi : keyTable(key, keyLength, vocabularySize);
    }

    /**
     * Returns EXP-edit with n = 256, gamma = 0 and 100 null keys.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the MT19937 seed, in [0, 2^32)
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static ExpEditWatermark of(int vocabularySize, long key) {
        return new ExpEditWatermark(vocabularySize, key, DEFAULT_KEY_LENGTH, 0f, DEFAULT_RUNS, 1.0, null);
    }

    /**
     * Returns a copy with another key length (a new key table).
     *
     * @param n the number of key rows, in [1, 4096], with {@code n V <= 2^26}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public ExpEditWatermark withKeyLength(int n) {
        return new ExpEditWatermark(vocabularySize, key, n, gapPenalty, runs, temperature, null);
    }

    /**
     * Returns a copy with another gap penalty.
     *
     * @param gamma the cost of an insertion or deletion, finite and {@code >= 0}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code gamma} is out of range
     */
    public ExpEditWatermark withGapPenalty(double gamma) {
        Checks.finite(gamma, "gapPenalty");
        return new ExpEditWatermark(vocabularySize, key, keyLength, (float) gamma, runs, temperature, xi);
    }

    /**
     * Returns a copy with another number of null keys.
     *
     * @param r the number of permutation-test runs, in [1, 10^6] ({@code >= 100} to reach {@code p < 0.01})
     * @return the new watermark
     * @throws IllegalArgumentException if {@code r} is out of range
     */
    public ExpEditWatermark withRuns(int r) {
        return new ExpEditWatermark(vocabularySize, key, keyLength, gapPenalty, r, temperature, xi);
    }

    @Override
    public ExpEditWatermark withTemperature(double t) {
        return new ExpEditWatermark(vocabularySize, key, keyLength, gapPenalty, runs, t, xi);
    }

    /** MT19937(key) draws / 2^32 rounded to float32, row-major: the references' {@code mersenne_rng(key).rand()}. */
    private static float[] keyTable(long key, int rows, int vocabularySize) {
        // torch's CPU engine is the same MT19937 with the same init_genrand, seeded here with all 32 bits.
        TorchCpuRandom mt = new TorchCpuRandom(key);
        float[] table = new float[rows * vocabularySize];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) ((mt.nextInt() & 0xFFFF_FFFFL) * 0x1p-32);
        }
        return table;
    }

    /**
     * Returns key entry {@code xi[row][token]}.
     *
     * @param row the key row, in [0, n)
     * @param token the token, in [0, V)
     * @return the float32 uniform
     * @throws IllegalArgumentException if an index is out of range
     */
    public float key(int row, int token) {
        Checks.inRange(row, 0, keyLength - 1, "row");
        Checks.inRange(token, 0, vocabularySize - 1, "token");
        return xi[row * vocabularySize + token];
    }

    @Override
    public String name() {
        return "exp-edit";
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

    /**
     * Returns the point mass on the keyed choice with key row {@code length mod n} (shift 0).
     */
    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] p = Distributions.softmax(Texts.checkStep(tokens, length, logits, vocabularySize), temperature);
        return Distributions.pointMass(GumbelChoice.argmax(p, xi, (length % keyLength) * vocabularySize),
                vocabularySize);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        int promptLength = Checks.notNull(prompt, "prompt").length;
        int shift = Checks.notNull(rng, "rng").nextInt(keyLength);
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng, (tokens, length, logits, random) -> {
            double[] p = Distributions.softmax(logits, temperature);
            return GumbelChoice.argmax(p, xi, ((shift + length - promptLength) % keyLength) * vocabularySize);
        });
    }

    /**
     * Returns the statistic phi of {@code tokens} against this key: the minimum over shifts of the
     * Levenshtein cost (lower = more watermarked).
     *
     * @param tokens the tokens, at least 1, ids in {@code [0, V)}
     * @return phi
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code tokens} is empty or has an id outside {@code [0, V)}
     */
    public double statistic(int[] tokens) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        return new EditDistance(tokens.length, keyLength, gapPenalty).minimum(costs(tokens, xi, vocabularySize));
    }

    /**
     * The cost table of a text against a key: {@code costs[t][j] = ln(1 - key[j][x_t])} in float32, each row
     * stored twice over ({@code 2n} entries) so that every shift reads a contiguous slice.
     */
    private float[][] costs(int[] tokens, float[] key, int width) {
        float[][] costs = new float[tokens.length][2 * keyLength];
        for (int t = 0; t < tokens.length; t++) {
            for (int j = 0; j < keyLength; j++) {
                float c = (float) Math.log(1.0f - key[j * width + tokens[t]]);
                costs[t][j] = c;
                costs[t][j + keyLength] = c;
            }
        }
        return costs;
    }

    /**
     * Computes phi and its permutation-test p-value; the model is not read.
     *
     * @param tokens the tokens to test, at least 1
     * @param model ignored (may be null)
     * @return phi (lower = watermarked), the (sequential) permutation p-value and T
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        EditDistance dp = new EditDistance(tokens.length, keyLength, gapPenalty);
        double observed = dp.minimum(costs(tokens, xi, vocabularySize));
        // A null key needs only the entries of the distinct tokens of the text: relabel them 0..m-1.
        int[] distinct = Arrays.stream(tokens).distinct().toArray();
        int[] relabelled = new int[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            for (int d = 0; d < distinct.length; d++) {
                if (distinct[d] == tokens[t]) {
                    relabelled[t] = d;
                    break;
                }
            }
        }
        SplittableRandom nullKeys = new SplittableRandom(key ^ 0x9E3779B97F4A7C15L);
        float[] nullKey = new float[keyLength * distinct.length];
        int atMost = 0;
        for (int b = 1; b <= runs; b++) {
            for (int i = 0; i < nullKey.length; i++) {
                nullKey[i] = (float) ((nullKeys.nextInt() & 0xFFFF_FFFFL) * 0x1p-32);
            }
            if (dp.minimum(costs(relabelled, nullKey, distinct.length)) <= observed && ++atMost == SEQUENTIAL_STOP
                    && b < runs) {
                return new WatermarkScore(name(), "min Levenshtein cost", Math.max(observed, -Float.MAX_VALUE),
                        (double) SEQUENTIAL_STOP / b, tokens.length);
            }
        }
        // A key entry that rounds to 1.0f makes a cost -inf; the score field must be finite.
        return new WatermarkScore(name(), "min Levenshtein cost", Math.max(observed, -Float.MAX_VALUE), (1.0 + atMost) / (runs + 1.0),
                tokens.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExpEditWatermark[V=%d, n=%d, gap=%s, runs=%d, temperature=%s, key hidden]",
                vocabularySize, keyLength, gapPenalty, runs, temperature);
    }
}
