package io.github.genailab.collapse.text;

import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Model collapse of language models: each generation's n-gram model is trained on text written by the
 * previous generation, as in the main experiment of Shumailov et al. (OPT-125m fine-tuned on
 * wikitext-2, generation after generation, with and without 10% of the original data kept), here with
 * the library's Kneser-Ney n-gram model on tiny Shakespeare so that a run takes seconds.
 *
 * <p>The experiment, with {@code B} real training blocks of {@code L} tokens (see
 * {@link LanguageModelCollapseOptions}) and {@code S_n} = the {@code B} documents model {@code n - 1}
 * writes, one per real block, each {@code L} new tokens after that block's first {@code promptLength}
 * tokens, decoded by {@link Decoder#generate} with the chosen {@code DecodingOptions}:
 * <pre>
 *   D_0 = the B real blocks                                   model_n = NGramModel.train(D_n)
 *   replace               D_n = S_n                                           (Shumailov et al., setting 1)
 *   keepOriginal(rho)     D_n = m real blocks drawn without replacement + the documents model_{n-1}
 *                               writes for the other B - m blocks,
 *                               m = min(B - 1, max(1, round(rho B)))           (Shumailov et al., setting 2: 10%)
 *   accumulate            D_n = D_{n-1} + S_n   (all real and synthetic text so far; Gerstgrasser et al.)
 *   accumulateSubsample   D_n = B documents drawn without replacement from D_0, S_1, ..., S_n (Kazdan et al.)
 * </pre>
 * Every generation is measured ({@link LanguageModelCollapseMetric}):
 * <pre>
 *   held-out perplexity     exp( - sum log p_n(real held-out token | its context) / number of scored tokens )
 *   sequence perplexity     exp( - mean_i log p_judge(t_i | t_0..t_{i-1}) ) of each document of the
 *                           generation's own text (D_0, then S_n), histogram-ready, with its median,
 *                           5th and 95th percentiles (linear interpolation between order statistics)
 *   support                 distinct tokens and n-grams of D_n and the share of the original text's
 *                           occurrences they held; the Zipf exponent of D_n ({@link TextSupport})
 * </pre>
 * The held-out text is the last 10% of tiny Shakespeare's passages, one document per passage; the
 * training text is taken from the start of the first 90% (joined by blank lines as in the corpus,
 * encoded, cut into blocks). The judge is
 * the generation-0 model unless the options name another: a model over the Shakespeare tokenizer's ids,
 * or a model with a tokenizer of its own (a pretrained checkpoint from the llm module), in which case each
 * generated sequence is decoded to text and re-encoded with the judge's tokenizer before it is scored.
 *
 * <p>What to expect: under replace the real held-out perplexity rises generation after generation,
 * rare tokens and n-grams vanish from the training text first (as in the categorical experiment), the
 * judge's perplexities of the generated text move towards the probable end; greedy decoding and beam
 * search (deterministic, repetitive) collapse faster than sampling at temperature 1. Keeping 10% of the
 * real text slows it down; accumulating all data keeps the held-out perplexity near generation 0's
 * (Gerstgrasser et al.). The numbers depend on the corpus size and the model, not only on the workflow;
 * the module README has a full run.
 *
 * <p>Randomness: one generator per run drives the sampling decoder and the choice of kept real blocks
 * (greedy and beam search use it only for the latter), in block order; same generator state, same
 * result. {@link #runs} gives each run its own split generator.
 *
 * <p>Cost per generation: training O(|D_n| · order) hash operations; generating {@code B · L} tokens
 * at one model step plus O(V) each (about 50 microseconds with V = 4096; beam search: {@code beams}
 * model steps plus O(beams · V)); scoring O(|D_n| + held-out tokens) for the n-gram model.
 *
 * <p>References: I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson and Y. Gal, "AI models
 * collapse when trained on recursively generated data", Nature 631:755-759, 2024
 * (doi:10.1038/s41586-024-07566-y); M. Gerstgrasser et al., "Is Model Collapse Inevitable? Breaking the
 * Curse of Recursion by Accumulating Real and Synthetic Data", arXiv:2404.01413, 2024; J. Kazdan et al.,
 * "Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World",
 * arXiv:2410.16713, 2024; the Kneser-Ney model and Zipf's law as cited in {@link NGramModel} and
 * {@link TextSupport}.
 *
 * @since 0.1.0
 */
public final class LanguageModelCollapse {

    /** Bits per token id when n-grams are packed into a long: ids are below 2^12 = 4096. */
    private static final int ID_BITS = 12;

    private LanguageModelCollapse() {
    }

    /**
     * Runs the experiment once.
     *
     * @param options the settings
     * @param rng the run's generator
     * @return the per-generation results
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the options ask for more training text than the training
     *     split holds, or the judge's vocabulary is not the Shakespeare tokenizer's
     */
    public static LanguageModelCollapseResult run(LanguageModelCollapseOptions options, RandomGenerator rng) {
        return run(options, rng, ProgressListener.none());
    }

    /**
     * Runs the experiment once, reporting each finished generation as
     * {@code progress("generation", n + 1, generations + 1)}.
     *
     * @param options the settings
     * @param rng the run's generator
     * @param listener receives progress
     * @return the per-generation results
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the options ask for more training text than the training
     *     split holds, or the judge's vocabulary is not the Shakespeare tokenizer's
     */
    public static LanguageModelCollapseResult run(LanguageModelCollapseOptions options, RandomGenerator rng,
            ProgressListener listener) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        List<int[]> real = realTrainingDocuments(options);
        int vocab = ShakespeareSplit.vocabularySize();
        if (options.judge() != null && options.judgeTokenizer() == null && options.judge().vocabularySize() != vocab) {
            throw Checks.fail("judge.vocabularySize", "equal the Shakespeare tokenizer's " + vocab,
                    options.judge().vocabularySize());
        }
        return new Run(options, real, vocab, rng, listener).execute();
    }

    /**
     * Runs the experiment {@code runs} times, run {@code i} with the {@code i}-th generator split off
     * {@code rng}, on {@code threads} threads with identical results for any thread count.
     *
     * @param options the settings
     * @param runs number of runs (seeds), &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1
     * @param listener receives {@code ("runs", completed, runs)}
     * @return the ensemble
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1, or as {@link #run}
     */
    public static LanguageModelCollapseEnsemble runs(LanguageModelCollapseOptions options, int runs,
            RandomGenerator.SplittableGenerator rng, int threads, ProgressListener listener) {
        Checks.notNull(options, "options");
        realTrainingDocuments(options); // fail before starting threads
        List<LanguageModelCollapseResult> list = IndependentRuns.run(runs, rng, threads, r -> run(options, r),
                listener);
        return new LanguageModelCollapseEnsemble(options, list);
    }

    /**
     * The real training blocks the options select: the first {@code blocks() * blockLength} tokens of
     * tiny Shakespeare's training split (the first 90% of its passages, joined by blank lines and
     * BPE-encoded), cut into blocks.
     *
     * @param options the settings
     * @return {@code options.blocks()} new arrays of {@code blockLength} token ids
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if the training split is too short
     */
    public static List<int[]> realTrainingDocuments(LanguageModelCollapseOptions options) {
        Checks.notNull(options, "options");
        int[] stream = ShakespeareSplit.trainingStream();
        int b = options.blocks();
        int l = options.blockLength();
        if ((long) b * l > stream.length) {
            throw Checks.fail("trainingTokens", "be <= " + stream.length + " (tiny Shakespeare's training split)",
                    options.trainingTokens());
        }
        List<int[]> blocks = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            blocks.add(Arrays.copyOfRange(stream, i * l, (i + 1) * l));
        }
        return blocks;
    }

    /**
     * The real held-out text: tiny Shakespeare's last 10% of passages, BPE-encoded, one document each.
     *
     * @return new arrays of token ids, in corpus order
     */
    public static List<int[]> heldOutDocuments() {
        List<int[]> out = new ArrayList<>();
        for (int[] doc : ShakespeareSplit.heldOut()) {
            out.add(doc.clone());
        }
        return out;
    }

    /** Perplexity exp(-mean log p) over every scored token of every document with at least two tokens. */
    static double perplexity(LanguageModel model, List<int[]> documents) {
        double total = 0;
        long count = 0;
        for (int[] doc : documents) {
            if (doc.length >= 2) {
                for (double lp : model.tokenLogProbs(doc)) {
                    total -= lp;
                    count++;
                }
            }
        }
        return Math.exp(total / count);
    }

    /** The q-quantile of sorted values, linear interpolation at position q (n - 1) (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** One run's state. */
    private static final class Run {
        private final LanguageModelCollapseOptions options;
        private final List<int[]> real;
        private final int vocab;
        private final RandomGenerator rng;
        private final ProgressListener listener;
        private final int g;
        private final double[][] values;
        private final double[][] sequencePerplexities;
        private final int[][] samples;
        private final List<int[]> heldOut = ShakespeareSplit.heldOut();
        private final Map<Object, long[]> originalTokens;
        private final Map<Object, long[]> originalNgrams;
        private LanguageModel judge;

        Run(LanguageModelCollapseOptions options, List<int[]> real, int vocab, RandomGenerator rng,
                ProgressListener listener) {
            this.options = options;
            this.real = Collections.unmodifiableList(real);
            this.vocab = vocab;
            this.rng = rng;
            this.listener = listener;
            this.g = options.generations();
            this.values = new double[LanguageModelCollapseMetric.values().length][g + 1];
            this.sequencePerplexities = new double[g + 1][];
            this.samples = new int[g + 1][];
            this.originalTokens = TextSupport.counts(real, 1, ID_BITS);
            this.originalNgrams = TextSupport.counts(real, options.order(), ID_BITS);
        }

        /** A generated sequence as the judge reads it: the same ids, or re-encoded with the judge's tokenizer. */
        private int[] judgeIds(int[] shakespeareIds) {
            Tokenizer tokenizer = options.judgeTokenizer();
            if (tokenizer == null) {
                return shakespeareIds;
            }
            int[] ids = tokenizer.encode(Corpora.shakespeareTokenizer().decode(shakespeareIds));
            if (ids.length < 2) {
                throw new IllegalStateException("a generated sequence re-encodes to " + ids.length
                        + " judge tokens; the judge needs at least 2 to score it");
            }
            return ids;
        }

        LanguageModelCollapseResult execute() {
            int b = real.size();
            long blockTokens = (long) options.blockLength();
            List<int[]> corpus = real;
            List<int[]> own = real;
            List<int[]> pool = new ArrayList<>(real);
            List<Boolean> poolIsReal = new ArrayList<>(Collections.nCopies(b, Boolean.TRUE));
            long original = b * blockTokens;
            NGramModel model = NGramModel.train(corpus, vocab, options.order());
            judge = options.judge() != null ? options.judge() : model;
            record(0, model, corpus, own, original);
            Workflow workflow = options.workflow();
            for (int n = 1; n <= g; n++) {
                switch (workflow.kind()) {
                    case REPLACE -> {
                        own = write(model, allBlocks(b));
                        corpus = own;
                        original = 0;
                    }
                    case ACCUMULATE -> {
                        own = write(model, allBlocks(b));
                        List<int[]> grown = new ArrayList<>(corpus);
                        grown.addAll(own);
                        corpus = grown;
                        original = b * blockTokens;
                    }
                    case ACCUMULATE_SUBSAMPLE -> {
                        own = write(model, allBlocks(b));
                        pool.addAll(own);
                        poolIsReal.addAll(Collections.nCopies(own.size(), Boolean.FALSE));
                        int[] chosen = chooseWithoutReplacement(pool.size(), b);
                        List<int[]> drawn = new ArrayList<>(b);
                        original = 0;
                        for (int i : chosen) {
                            drawn.add(pool.get(i));
                            original += poolIsReal.get(i) ? blockTokens : 0;
                        }
                        corpus = drawn;
                    }
                    case KEEP_ORIGINAL -> {
                        int m = workflow.originalShare(b, b);
                        boolean[] kept = new boolean[b];
                        for (int i : chooseWithoutReplacement(b, m)) {
                            kept[i] = true;
                        }
                        int[] others = new int[b - m];
                        List<int[]> mixed = new ArrayList<>(b);
                        for (int i = 0, k = 0; i < b; i++) {
                            if (kept[i]) {
                                mixed.add(real.get(i));
                            } else {
                                others[k++] = i;
                            }
                        }
                        own = write(model, others);
                        mixed.addAll(own);
                        corpus = mixed;
                        original = m * blockTokens;
                    }
                    default -> throw new IllegalStateException("unsupported workflow " + workflow);
                }
                model = NGramModel.train(corpus, vocab, options.order());
                record(n, model, corpus, own, original);
            }
            return new LanguageModelCollapseResult(options, values, sequencePerplexities, samples);
        }

        private static int[] allBlocks(int b) {
            int[] all = new int[b];
            for (int i = 0; i < b; i++) {
                all[i] = i;
            }
            return all;
        }

        /** {@code k} distinct indices of {@code [0, n)}, uniformly, by a partial Fisher-Yates shuffle. */
        private int[] chooseWithoutReplacement(int n, int k) {
            int[] index = allBlocks(n);
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(n - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            int[] chosen = Arrays.copyOf(index, k);
            Arrays.sort(chosen);
            return chosen;
        }

        /** The documents {@code model} writes after the prompts of the given real blocks, in order. */
        private List<int[]> write(LanguageModel model, int[] blocks) {
            List<int[]> docs = new ArrayList<>(blocks.length);
            for (int i : blocks) {
                int[] prompt = Arrays.copyOf(real.get(i), options.promptLength());
                docs.add(Decoder.generate(model, prompt, options.blockLength(), options.decoding(), List.of(), rng));
            }
            return docs;
        }

        private void record(int n, NGramModel model, List<int[]> corpus, List<int[]> own, long original) {
            set(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY, n, perplexity(model, heldOut));
            long tokens = 0;
            for (int[] doc : corpus) {
                tokens += doc.length;
            }
            set(LanguageModelCollapseMetric.TRAINING_TOKENS, n, tokens);
            set(LanguageModelCollapseMetric.ORIGINAL_TOKENS, n, original);
            Map<Object, long[]> unigrams = TextSupport.counts(corpus, 1, ID_BITS);
            Map<Object, long[]> ngrams = TextSupport.counts(corpus, options.order(), ID_BITS);
            set(LanguageModelCollapseMetric.DISTINCT_TOKENS, n, unigrams.size());
            set(LanguageModelCollapseMetric.DISTINCT_NGRAMS, n, ngrams.size());
            set(LanguageModelCollapseMetric.TOKEN_MASS_KEPT, n, kept(originalTokens, unigrams));
            set(LanguageModelCollapseMetric.NGRAM_MASS_KEPT, n, kept(originalNgrams, ngrams));
            set(LanguageModelCollapseMetric.ZIPF_EXPONENT, n, TextSupport.zipfExponentOfCounts(unigrams));
            double[] ppl = new double[own.size()];
            for (int i = 0; i < ppl.length; i++) {
                double[] lp = judge.tokenLogProbs(judgeIds(own.get(i)));
                double sum = 0;
                for (double v : lp) {
                    sum -= v;
                }
                ppl[i] = Math.exp(sum / lp.length);
            }
            sequencePerplexities[n] = ppl;
            double[] sorted = ppl.clone();
            Arrays.sort(sorted);
            set(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_MEDIAN, n, quantile(sorted, 0.5));
            set(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P05, n, quantile(sorted, 0.05));
            set(LanguageModelCollapseMetric.SEQUENCE_PERPLEXITY_P95, n, quantile(sorted, 0.95));
            samples[n] = own.get(0).clone();
            listener.progress("generation", n + 1, g + 1);
        }

        private static double kept(Map<Object, long[]> original, Map<Object, long[]> current) {
            long total = 0;
            long kept = 0;
            for (Map.Entry<Object, long[]> e : original.entrySet()) {
                long c = e.getValue()[0];
                total += c;
                if (current.containsKey(e.getKey())) {
                    kept += c;
                }
            }
            return (double) kept / total;
        }

        private void set(LanguageModelCollapseMetric metric, int n, double value) {
            values[metric.ordinal()][n] = value;
        }
    }
}
