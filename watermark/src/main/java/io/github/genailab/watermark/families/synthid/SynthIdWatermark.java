package io.github.genailab.watermark.families.synthid;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.Distributions;
import io.github.genailab.watermark.internal.Generation;
import io.github.genailab.watermark.internal.Tails;
import io.github.genailab.watermark.internal.Texts;
import io.github.genailab.watermark.torch.TorchCpuRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * SynthID-Text (Dathathri et al.): tournament sampling with keyed binary g-values, in its non-distortionary
 * form, bit-compatible with Hugging Face transformers' {@code SynthIDTextWatermarkLogitsProcessor} on the CPU.
 *
 * <pre>
 *   hash(h, xs)   = for x in xs: h = (h + x) * 6364136223846793005 + 1        (int64, wrapping)
 *   h_ng          = hash(1, [c_1, c_2, c_3, c_4, candidate]),   k_l = hash(h_ng, [key_l])  for layers l = 1..30
 *   g_l(candidate) = table[k_l mod 2^16],   table = torch.randint(0, 2, (2^16,), seed 0) on the CPU
 *   generation (per layer, in key order): G_l = sum_v p_v g_l(v);  p_v &lt;- p_v (1 + g_l(v) - G_l)
 *               p = softmax(logits / temperature) before the layers; then sample from p
 *   detection (mean score): S = sum_{t,l} g_l(x_t) / (30 T) over the T scored n-grams
 *               p-value = P(Binomial(30 T, p0) &gt;= #ones),  p0 = the table's fraction of ones
 * </pre>
 * Conventions that ports get wrong: the context is the last 4 <em>generated</em> tokens — at the start of a
 * generation it is zero-padded, the prompt is never read; the layers use the same n-gram hash, they are not
 * chained; a context whose hash is among the 1,024 most recent ones leaves the step unwatermarked (the
 * history is updated either way), and detection drops such repeated contexts (the same 1,024-entry history).
 * Only n-grams lying wholly inside the tested text are scored, so the first 4 tokens are context only.
 *
 * <p>The p-value treats the 30 T g-values of distinct contexts as independent draws from the table; two
 * lookups that collide modulo 2^16 (a few per hundred n-grams) are not independent, which makes the test
 * slightly liberal on long texts — the price of bit-compatibility with a 16-bit table. The weighted-mean
 * score of the reference ({@code linspace(10, 1, depth)} weights) is {@link #weightedMeanScore}.
 *
 * <p>Registry defaults: Hugging Face's — n-gram length 5, 30 layers, 2^16 table from seed 0, history 1,024;
 * the 30 layer keys are drawn from {@code SplittableRandom(key)} ({@link #of(int, long[])} takes any keys, e.g.
 * the documentation's {@code [654, 400, 836, ...]}).
 *
 * <p>Paper: S. Dathathri, A. See, S. Ghaisas, P.-S. Huang, R. McAdam, J. Welbl, V. Bachani, A. Kaskasoli,
 * R. Stanforth, T. Matejovicova, J. Hayes, N. Vyas, M. Al Merey, J. Brown-Cohen, R. Bunel, B. Balle, T. Cemgil,
 * Z. Ahmed, K. Stacpoole, I. Shumailov, C. Baetu, S. Gowal, D. Hassabis, P. Kohli, "Scalable watermarking for
 * identifying large language model outputs", Nature 634, 818–823 (2024), doi:10.1038/s41586-024-08025-4.
 * Reference: {@code huggingface/transformers@00857b6}, {@code src/transformers/generation/logits_process.py};
 * {@code google-deepmind/synthid-text@37fa9b2}.
 *
 * @since 0.1.0
 */
public final class SynthIdWatermark implements Watermark {

    /** The n-gram length: 4 context tokens and the candidate. */
    public static final int NGRAM_LENGTH = 5;
    /** The number of layers (keys) of the registry's watermark. */
    public static final int DEFAULT_DEPTH = 30;
    /** The context history: 1,024 most recent context hashes. */
    public static final int CONTEXT_HISTORY_SIZE = 1024;
    private static final int TABLE_SIZE = 1 << 16;
    private static final long MULTIPLIER = 6364136223846793005L;
    private static final byte[] TABLE = table();
    private static final double TABLE_MEAN = tableMean();

    private final int vocabularySize;
    private final long[] keys;
    private final double temperature;

    private SynthIdWatermark(int vocabularySize, long[] keys, double temperature) {
        Texts.checkVocabularySize(vocabularySize);
        Checks.notNull(keys, "keys");
        if (keys.length == 0 || keys.length > 1024) {
            throw Checks.fail("keys.length", "be in [1, 1024]", keys.length);
        }
        this.vocabularySize = vocabularySize;
        this.keys = keys.clone();
        this.temperature = Texts.checkTemperature(temperature);
    }

    /**
     * Returns SynthID with 30 layer keys drawn from {@code SplittableRandom(key)}.
     *
     * @param vocabularySize V, {@code >= 2}
     * @param key the master key
     * @return the watermark, temperature 1
     * @throws IllegalArgumentException if {@code vocabularySize} is out of range
     */
    public static SynthIdWatermark of(int vocabularySize, long key) {
        SplittableRandom random = new SplittableRandom(key);
        long[] keys = new long[DEFAULT_DEPTH];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        return new SynthIdWatermark(vocabularySize, keys, 1.0);
    }

    /**
     * Returns SynthID with explicit layer keys (Hugging Face's {@code keys}).
     *
     * @param vocabularySize V, {@code >= 2}
     * @param keys one key per layer, 1 to 1024 of them (copied)
     * @return the watermark, temperature 1
     * @throws NullPointerException if {@code keys} is null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static SynthIdWatermark of(int vocabularySize, long[] keys) {
        return new SynthIdWatermark(vocabularySize, keys, 1.0);
    }

    @Override
    public SynthIdWatermark withTemperature(double t) {
        return new SynthIdWatermark(vocabularySize, keys, t);
    }

    /** torch.randint(0, 2, (2^16,), generator=torch.Generator().manual_seed(0)): the low bit of each draw. */
    private static byte[] table() {
        TorchCpuRandom random = new TorchCpuRandom(0);
        byte[] t = new byte[TABLE_SIZE];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) (random.nextInt() & 1);
        }
        return t;
    }

    private static double tableMean() {
        int ones = 0;
        for (byte b : TABLE) {
            ones += b;
        }
        return (double) ones / TABLE_SIZE;
    }

    /**
     * The reference's {@code accumulate_hash}: {@code h = (h + x) * 6364136223846793005 + 1} per value, wrapping.
     *
     * @param h the running hash
     * @param values the values to absorb
     * @return the new hash
     */
    public static long accumulateHash(long h, long... values) {
        Checks.notNull(values, "values");
        for (long x : values) {
            h = (h + x) * MULTIPLIER + 1;
        }
        return h;
    }

    /**
     * Returns the g-values of one n-gram, one per layer.
     *
     * @param ngram the 4 context tokens then the candidate
     * @return {@code depth} values in {0, 1}
     * @throws NullPointerException if {@code ngram} is null
     * @throws IllegalArgumentException if {@code ngram} does not have 5 entries
     */
    public int[] gValues(int[] ngram) {
        Checks.notNull(ngram, "ngram");
        if (ngram.length != NGRAM_LENGTH) {
            throw Checks.fail("ngram.length", "be " + NGRAM_LENGTH, ngram.length);
        }
        long context = 1;
        for (int i = 0; i < NGRAM_LENGTH - 1; i++) {
            context = accumulateHash(context, ngram[i]);
        }
        int[] g = new int[keys.length];
        gValues(accumulateHash(context, ngram[NGRAM_LENGTH - 1]), g);
        return g;
    }

    private void gValues(long ngramHash, int[] out) {
        for (int l = 0; l < keys.length; l++) {
            out[l] = g(ngramHash, keys[l]);
        }
    }

    /** The g-value of one layer: the table at the n-gram hash absorbed with the layer key, mod 2^16. */
    private static int g(long ngramHash, long key) {
        return TABLE[(int) (((ngramHash + key) * MULTIPLIER + 1) & (TABLE_SIZE - 1))];
    }

    /**
     * Applies the non-distortionary tournament to a distribution: for each layer in key order,
     * {@code p_v <- p_v (1 + g_l(v) - sum_u p_u g_l(u))}.
     *
     * @param p a probability vector of width V (not modified)
     * @param contextHash the hash of the 4 context tokens, {@code accumulateHash(1, c_1, ..., c_4)}
     * @return the watermarked distribution
     * @throws NullPointerException if {@code p} is null
     * @throws IllegalArgumentException if {@code p} is not V wide
     */
    public double[] tournament(double[] p, long contextHash) {
        Checks.notNull(p, "p");
        Checks.sameLength(p.length, vocabularySize, "p", "vocabularySize");
        double[] q = p.clone();
        long[] ngramHashes = new long[vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            ngramHashes[v] = accumulateHash(contextHash, v);
        }
        // g is recomputed from the n-gram hash where needed: two hashes per token and layer, no V x depth table.
        for (int l = 0; l < keys.length; l++) {
            long key = keys[l];
            double mass = 0;
            for (int v = 0; v < vocabularySize; v++) {
                mass += q[v] * g(ngramHashes[v], key);
            }
            for (int v = 0; v < vocabularySize; v++) {
                q[v] *= 1 + g(ngramHashes[v], key) - mass;
            }
        }
        return q;
    }

    /**
     * Returns the table's fraction of ones: the probability of g = 1 for text written without the keys.
     *
     * @return about 1/2
     */
    public static double nullGProbability() {
        return TABLE_MEAN;
    }

    @Override
    public String name() {
        return "synthid";
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
        return NGRAM_LENGTH;
    }

    @Override
    public boolean detectionNeedsModel() {
        return false;
    }

    /**
     * Returns the tournament's distribution for the context {@code tokens[length - 4, length)}, positions
     * before 0 read as 0 (the generation's zero padding).
     */
    @Override
    public double[] nextTokenDistribution(int[] tokens, int length, double[] logits) {
        double[] p = Distributions.softmax(Texts.checkStep(tokens, length, logits, vocabularySize), temperature);
        long context = 1;
        for (int i = length - (NGRAM_LENGTH - 1); i < length; i++) {
            context = accumulateHash(context, i >= 0 ? tokens[i] : 0);
        }
        return tournament(p, context);
    }

    @Override
    public int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        int promptLength = Checks.notNull(prompt, "prompt").length;
        ContextHistory history = new ContextHistory();
        return Generation.run(model, vocabularySize, prompt, maxNewTokens, rng, (tokens, length, logits, random) -> {
            double[] p = Distributions.softmax(logits, temperature);
            long context = 1;
            for (int i = length - (NGRAM_LENGTH - 1); i < length; i++) {
                context = accumulateHash(context, i >= promptLength ? tokens[i] : 0);
            }
            if (!history.addIfNew(context)) {
                return Distributions.sample(p, random);
            }
            return Distributions.sample(tournament(p, context), random);
        });
    }

    /**
     * Computes the mean g-value over the scored n-grams; the model is not read.
     *
     * @param tokens the tokens to test, at least 5
     * @param model ignored (may be null)
     * @return the mean score, the binomial p-value of the count of ones and T (scored n-grams)
     */
    @Override
    public WatermarkScore detect(int[] tokens, LanguageModel model) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        int[][] g = scoredGValues(tokens);
        long ones = 0;
        for (int[] row : g) {
            for (int x : row) {
                ones += x;
            }
        }
        long trials = (long) g.length * keys.length;
        double mean = trials == 0 ? 0.0 : (double) ones / trials;
        double p = trials == 0 ? 1.0 : Tails.binomialUpper((int) ones, (int) trials, TABLE_MEAN);
        return new WatermarkScore(name(), "mean g", mean, p, g.length);
    }

    /**
     * Returns the reference's weighted-mean score: layer weights {@code linspace(10, 1, depth)} rescaled to
     * sum to the depth, then {@code sum_{t,l} w_l g_{t,l} / (depth T)}.
     *
     * @param tokens the tokens to score, at least 5
     * @return the weighted mean (0 when no n-gram is scored)
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code tokens} is too short or has an id outside {@code [0, V)}
     */
    public double weightedMeanScore(int[] tokens) {
        Texts.checkText(tokens, vocabularySize, minimumTokens(), name());
        int depth = keys.length;
        double[] w = new double[depth];
        double sum = 0;
        for (int l = 0; l < depth; l++) {
            w[l] = depth == 1 ? 1 : 10 - 9.0 * l / (depth - 1);
            sum += w[l];
        }
        int[][] g = scoredGValues(tokens);
        double total = 0;
        for (int[] row : g) {
            for (int l = 0; l < depth; l++) {
                total += w[l] * depth / sum * row[l];
            }
        }
        return g.length == 0 ? 0.0 : total / ((double) depth * g.length);
    }

    /** The g-values of every n-gram inside the text whose context is not among the recent ones. */
    private int[][] scoredGValues(int[] tokens) {
        ContextHistory history = new ContextHistory();
        int[][] out = new int[tokens.length - NGRAM_LENGTH + 1][];
        int scored = 0;
        for (int end = NGRAM_LENGTH - 1; end < tokens.length; end++) {
            long context = 1;
            for (int i = end - (NGRAM_LENGTH - 1); i < end; i++) {
                context = accumulateHash(context, tokens[i]);
            }
            if (!history.addIfNew(context)) {
                continue;
            }
            int[] g = new int[keys.length];
            gValues(accumulateHash(context, tokens[end]), g);
            out[scored++] = g;
        }
        return Arrays.copyOf(out, scored);
    }

    /**
     * The reference's context history: the 1,024 most recent context hashes, initialised with zeros; a hash
     * already there marks a repeated context. The history is updated whether or not the hash was new.
     */
    private static final class ContextHistory {
        private final ArrayDeque<Long> recent = new ArrayDeque<>();
        private final HashMap<Long, Integer> counts = new HashMap<>();

        ContextHistory() {
            counts.put(0L, CONTEXT_HISTORY_SIZE);
            for (int i = 0; i < CONTEXT_HISTORY_SIZE; i++) {
                recent.addLast(0L);
            }
        }

        /** Tells whether {@code hash} was not among the recent ones, then records it. */
        boolean addIfNew(long hash) {
            boolean isNew = !counts.containsKey(hash);
            recent.addFirst(hash);
            counts.merge(hash, 1, Integer::sum);
            long dropped = recent.removeLast();
            counts.computeIfPresent(dropped, (k, c) -> c == 1 ? null : c - 1);
            return isNew;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SynthIdWatermark[V=%d, depth=%d, ngram=%d, temperature=%s, keys hidden]",
                vocabularySize, keys.length, NGRAM_LENGTH, temperature);
    }
}
