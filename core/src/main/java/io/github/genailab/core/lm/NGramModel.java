package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.internal.LongIntMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An n-gram language model (order 1 to 5) with interpolated Kneser–Ney smoothing whose next-token
 * distributions are proper: over the whole vocabulary they sum to 1 and every token has probability
 * &gt; 0, for seen and unseen contexts alike.
 *
 * <p>Formula (interpolated Kneser–Ney; Chen &amp; Goodman 1999, eq. (17) with modified discounts):
 * <pre>
 *   p(w | h) = max(c(h w) - D(c(h w)), 0) / c(h .)  +  gamma(h) * p(w | h')
 *   gamma(h) = ( D1 N1(h .) + D2 N2(h .) + D3+ N3+(h .) ) / c(h .)
 *   p(w | empty context) = ... + gamma(root) * 1/V           (uniform over the whole vocabulary at the bottom)
 * </pre>
 * where {@code h'} is {@code h} without its oldest token, {@code c(h .)} the sum of {@code c(h w)}
 * over w, and {@code N_r(h .)} the number of words seen exactly r times (3+: at least 3) after h.
 * {@code c} is the raw count at the highest order and the <em>continuation count</em>
 * {@code N1+(. h w)} (number of distinct tokens seen before {@code h w}) at every lower order.
 * Discounts: modified Kneser–Ney by default, per order
 * {@code Y = n1/(n1+2 n2), D1 = 1-2Y n2/n1, D2 = 2-3Y n3/n2, D3+ = 3-4Y n4/n3} from that order's
 * counts of counts {@code n_r} (computed on the counts that order uses); if they are too sparse
 * (a zero {@code n_r}, or an estimate outside (0, r]) the order uses the single discount {@code Y}
 * (1/2 without singletons). {@link NGramOptions#withDiscount(double)} fixes one discount instead
 * (original interpolated Kneser–Ney). {@link #discounts(int)} reports what was used.
 *
 * <p>Conventions that ports get wrong:
 * <ul>
 *   <li><b>Documents are independent.</b> No n-gram spans two documents. Each document is treated as
 *       preceded by {@code order - 1} copies of a start symbol that is never predicted (it is not in
 *       the vocabulary), so the first tokens are counted with shorter real histories. An n-gram of a
 *       lower order that begins with the start symbol keeps its raw count (it has no real left
 *       context; the convention of KenLM, Heafield et al. 2013).</li>
 *   <li><b>A prefix is the start of a document.</b> {@code nextTokenLogits(tokens, length)} pads a
 *       prefix shorter than {@code order - 1} with start symbols, exactly as in training; only the last
 *       {@code order - 1} tokens are read.</li>
 *   <li><b>Logits are log-probabilities</b> (natural logarithms, already normalised), not raw scores;
 *       {@link #tokenLogProbs(int[])} agrees with them to rounding (about 1e-15).</li>
 *   <li>Unseen context tokens (or ids never seen in training) simply make the model back off.</li>
 * </ul>
 *
 * <p>Complexity: training O(T · order) hash operations for T tokens plus a sort of each context's
 * followers; memory O(number of distinct n-grams). {@code nextTokenLogits} costs O(V) for the
 * unigram base (an add per entry) plus O(followers of the matched contexts) — the bigram context's
 * followers get one {@code log}. {@code tokenLogProbs} costs O(order · log followers) per token.
 * The model is immutable and thread-safe.
 *
 * <p>References: S. F. Chen and J. Goodman, "An empirical study of smoothing techniques for language
 * modeling", Computer Speech and Language 13(4):359–394, 1999 (Harvard TR-10-98, 1998). R. Kneser and
 * H. Ney, "Improved backing-off for m-gram language modeling", ICASSP 1995. H. Ney, U. Essen and
 * R. Kneser, "On structuring probabilistic dependences in stochastic language modelling", Computer
 * Speech and Language 8(1):1–38, 1994. K. Heafield et al., "Scalable modified Kneser-Ney language model
 * estimation", ACL 2013.
 */
public final class NGramModel implements LanguageModel {

    private final NGramOptions options;
    private final int vocabularySize;
    private final long tokenCount;
    private final int documentCount;
    /** {@code contexts[k]} maps (id of the context of length k-1, token k back) to the id of the context of length k. */
    private final LongIntMap[] contexts;
    /** {@code levels[k]} holds the n-grams whose context has length k (order k + 1). */
    private final NGramLevel[] levels;
    private final double[][] discounts;
    /** The full interpolated distribution after the empty context, and its logarithm. */
    private final double[] unigram;
    private final double[] logUnigram;

    NGramModel(NGramOptions options, int vocabularySize, long tokenCount, int documentCount, LongIntMap[] contexts,
            NGramLevel[] levels, double[][] discounts) {
        this.options = options;
        this.vocabularySize = vocabularySize;
        this.tokenCount = tokenCount;
        this.documentCount = documentCount;
        this.contexts = contexts;
        this.levels = levels;
        this.discounts = discounts;
        NGramLevel root = levels[0];
        double base = root.gamma[0] / vocabularySize;
        this.unigram = new double[vocabularySize];
        Arrays.fill(unigram, base);
        for (int j = root.start[0]; j < root.start[1]; j++) {
            unigram[root.word[j]] = root.discounted[j] + base;
        }
        this.logUnigram = new double[vocabularySize];
        for (int w = 0; w < vocabularySize; w++) {
            logUnigram[w] = Math.log(unigram[w]);
        }
    }

    /**
     * Trains a model with estimated modified Kneser–Ney discounts.
     *
     * @param documents the training documents, each an array of token ids (not modified; empty
     *     documents are allowed and contribute nothing)
     * @param vocabularySize V, every id must be in [0, V)
     * @param order the n-gram order, 1 to 5
     * @return the trained model
     * @throws NullPointerException if {@code documents} or one of them is null
     * @throws IllegalArgumentException if {@code vocabularySize <= 0}, {@code order} is outside [1, 5],
     *     an id is outside the vocabulary, or the documents hold no token at all
     */
    public static NGramModel train(List<int[]> documents, int vocabularySize, int order) {
        return train(documents, vocabularySize, NGramOptions.defaults().withOrder(order));
    }

    /**
     * Trains a model with the given options.
     *
     * @param documents the training documents (not modified; empty documents are allowed)
     * @param vocabularySize V, every id must be in [0, V)
     * @param options order and discounting
     * @return the trained model
     * @throws NullPointerException if {@code documents}, one of them, or {@code options} is null
     * @throws IllegalArgumentException if {@code vocabularySize <= 0}, an id is outside the vocabulary,
     *     or the documents hold no token at all
     */
    public static NGramModel train(List<int[]> documents, int vocabularySize, NGramOptions options) {
        return KneserNeyTrainer.train(documents, vocabularySize, options);
    }

    /**
     * The n-gram order.
     *
     * @return 1 to 5
     */
    public int order() {
        return options.order();
    }

    /**
     * The options the model was trained with.
     *
     * @return the options
     */
    public NGramOptions options() {
        return options;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    /**
     * The number of training tokens.
     *
     * @return the total length of the training documents
     */
    public long tokenCount() {
        return tokenCount;
    }

    /**
     * The discounts used at one order.
     *
     * @param n the order, 1 to {@link #order()}
     * @return {@code {D1, D2, D3+}} (all equal for a fixed or fallback single discount)
     * @throws IllegalArgumentException if {@code n} is outside [1, order]
     */
    public double[] discounts(int n) {
        Checks.inRange(n, 1, order(), "n");
        return discounts[n - 1].clone();
    }

    /**
     * The number of distinct n-grams stored at one order.
     *
     * @param n the order, 1 to {@link #order()}
     * @return the number of (context, word) pairs seen at that order
     * @throws IllegalArgumentException if {@code n} is outside [1, order]
     */
    public int ngramCount(int n) {
        Checks.inRange(n, 1, order(), "n");
        return levels[n - 1].ngrams();
    }

    /**
     * Natural-log probabilities of the token after {@code tokens[0, length)}; see the class comment for
     * how short prefixes are padded.
     *
     * @param tokens the token ids; only the last {@code min(length, order - 1)} before {@code length}
     *     are read and checked
     * @param length the prefix length, 0 to {@code tokens.length}
     * @return a new array of V log-probabilities; {@code sum(exp) = 1} to rounding, every entry finite
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range or a read id is outside the
     *     vocabulary
     */
    @Override
    public double[] nextTokenLogits(int[] tokens, int length) {
        int[] path = new int[order()];
        int depth = matchContext(tokens, length, path);
        double[] out = new double[vocabularySize];
        if (depth == 0) {
            System.arraycopy(logUnigram, 0, out, 0, vocabularySize);
            return out;
        }
        // weight[k]: product of the back-off weights of the matched contexts longer than k.
        double[] weight = new double[depth + 1];
        double m = 1.0;
        for (int k = depth; k >= 1; k--) {
            weight[k] = m;
            m *= levels[k].gamma[path[k]];
        }
        // Words never seen after the one-token context get m * unigram; every word seen after a longer
        // matched context was also seen after the one-token context, so its slice covers the rest.
        double logM = Math.log(m);
        for (int w = 0; w < vocabularySize; w++) {
            out[w] = logM + logUnigram[w];
        }
        NGramLevel bigrams = levels[1];
        int from = bigrams.start[path[1]];
        int to = bigrams.start[path[1] + 1];
        for (int j = from; j < to; j++) {
            int w = bigrams.word[j];
            out[w] = m * unigram[w] + weight[1] * bigrams.discounted[j];
        }
        for (int k = 2; k <= depth; k++) {
            NGramLevel level = levels[k];
            double wk = weight[k];
            for (int j = level.start[path[k]]; j < level.start[path[k] + 1]; j++) {
                out[level.word[j]] += wk * level.discounted[j];
            }
        }
        for (int j = from; j < to; j++) {
            int w = bigrams.word[j];
            out[w] = Math.log(out[w]);
        }
        return out;
    }

    /**
     * Per-token natural-log probabilities {@code log p(t_i | t_0..t_{i-1})}, i = 1..n-1, computed
     * directly (O(order · log followers) per token, no full rows).
     *
     * @param tokens the sequence, at least two tokens, ids in [0, V) (not modified)
     * @return n - 1 log-probabilities, each finite and {@code < 0} (unless V = 1)
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if fewer than two tokens or an id is outside the vocabulary
     */
    @Override
    public double[] tokenLogProbs(int[] tokens) {
        Checks.notNull(tokens, "tokens");
        if (tokens.length < 2) {
            throw Checks.fail("tokens.length", "be >= 2 (the first token is context only)", tokens.length);
        }
        Checks.tokenIds(tokens, vocabularySize, "tokens");
        int[] path = new int[order()];
        double[] out = new double[tokens.length - 1];
        for (int i = 1; i < tokens.length; i++) {
            int depth = matchContext(tokens, i, path);
            int w = tokens[i];
            double p = unigram[w];
            for (int k = 1; k <= depth; k++) {
                p = levels[k].discounted(path[k], w) + levels[k].gamma[path[k]] * p;
            }
            out[i - 1] = Math.log(p);
        }
        return out;
    }

    /**
     * Fills {@code path[k]} with the id of the context of length k (k = 0..depth) and returns the depth
     * of the longest stored context that ends the padded prefix.
     */
    private int matchContext(int[] tokens, int length, int[] path) {
        Checks.notNull(tokens, "tokens");
        if (length < 0 || length > tokens.length) {
            throw Checks.fail("length", "be in [0, tokens.length = " + tokens.length + "]", length);
        }
        int depth = 0;
        for (int k = 1; k < path.length; k++) {
            int symbol = vocabularySize; // the start symbol
            if (length - k >= 0) {
                symbol = tokens[length - k];
                if (symbol < 0 || symbol >= vocabularySize) {
                    throw Checks.fail("tokens[" + (length - k) + "]",
                            "be a token id in [0, " + vocabularySize + ")", symbol);
                }
            }
            if (depth == k - 1) {
                int id = contexts[k].get(LongIntMap.pack(path[k - 1], symbol));
                if (id != LongIntMap.ABSENT) {
                    path[k] = id;
                    depth = k;
                }
            }
        }
        return depth;
    }

    /**
     * One line: order, vocabulary, training size, n-gram counts per order and discounts.
     *
     * @return e.g. {@code NGramModel[order=3, V=4096, tokens=301234, documents=7, ngrams=[...], discounts=...]}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NGramModel[order=").append(order())
                .append(", V=").append(vocabularySize)
                .append(", tokens=").append(tokenCount)
                .append(", documents=").append(documentCount)
                .append(", ngrams=[");
        for (int k = 0; k < levels.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(levels[k].ngrams());
        }
        sb.append("], ").append(options.estimatesDiscounts() ? "modified KN" : "KN").append(" discounts=[");
        for (int k = 0; k < discounts.length; k++) {
            double[] d = discounts[k];
            sb.append(k == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.3f/%.3f/%.3f", d[0], d[1], d[2]));
        }
        return sb.append("]]").toString();
    }
}
