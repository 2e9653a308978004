package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.internal.LongIntMap;
import java.util.Arrays;
import java.util.List;

/**
 * Counts the n-grams of a corpus and turns them into the interpolated Kneser–Ney tables of
 * {@link NGramModel}. See that class for the formulas and conventions.
 *
 * <p>Contexts get dense ids through a reverse trie: the id of {@code (s_{-k}, ..., s_{-1})} is looked
 * up under the key {@code (id of (s_{-k+1}, ..., s_{-1}), s_{-k})}, so each context's parent is exactly
 * the shorter context it backs off to. N-gram counts are keyed by {@code (context id, word)}.
 */
final class KneserNeyTrainer {

    private final int order;
    private final int vocabularySize;
    private final int bos;
    private final LongIntMap[] contexts;
    private final int[] contextCount;
    /** {@code counts[k]} holds the n-grams whose context has length k, i.e. order k + 1. */
    private final LongIntMap[] counts;
    private final int[] path;
    private long tokens;

    private KneserNeyTrainer(int order, int vocabularySize) {
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.bos = vocabularySize;
        this.contexts = new LongIntMap[order];
        this.counts = new LongIntMap[order];
        this.contextCount = new int[order];
        this.path = new int[order];
        contextCount[0] = 1;
        for (int k = 0; k < order; k++) {
            contexts[k] = new LongIntMap(k == 0 ? 1 : 1024); // length 0: only the empty context, id 0
            counts[k] = new LongIntMap(1024);
        }
    }

    static NGramModel train(List<int[]> documents, int vocabularySize, NGramOptions options) {
        Checks.notNull(documents, "documents");
        Checks.positive(vocabularySize, "vocabularySize");
        if (vocabularySize == Integer.MAX_VALUE) {
            throw Checks.fail("vocabularySize", "be < " + Integer.MAX_VALUE + " (one id is the start symbol)",
                    vocabularySize);
        }
        Checks.notNull(options, "options");
        KneserNeyTrainer trainer = new KneserNeyTrainer(options.order(), vocabularySize);
        for (int d = 0; d < documents.size(); d++) {
            String name = "documents[" + d + "]";
            trainer.count(Checks.tokenIds(Checks.notNull(documents.get(d), name), vocabularySize, name));
        }
        if (trainer.tokens == 0) {
            throw Checks.fail("documents", "contain at least one token", "0 tokens in " + documents.size()
                    + " documents");
        }
        NGramLevel[] levels = new NGramLevel[options.order()];
        double[][] discounts = new double[options.order()][];
        for (int k = 0; k < levels.length; k++) {
            long[] followers = trainer.sortedFollowers(k);
            discounts[k] = options.estimatesDiscounts()
                    ? modifiedDiscounts(countsOfCounts(followers))
                    : new double[] {options.discount(), options.discount(), options.discount()};
            levels[k] = trainer.level(k, followers, discounts[k]);
        }
        return new NGramModel(options, vocabularySize, trainer.tokens, documents.size(), trainer.contexts, levels,
                discounts);
    }

    private int symbol(int[] doc, int i) {
        return i >= 0 ? doc[i] : bos;
    }

    private void count(int[] doc) {
        for (int i = 0; i < doc.length; i++) {
            int w = doc[i];
            for (int k = 1; k < order; k++) {
                int id = contexts[k].putIfAbsent(LongIntMap.pack(path[k - 1], symbol(doc, i - k)), contextCount[k]);
                path[k] = id != LongIntMap.ABSENT ? id : contextCount[k]++;
            }
            // Highest order: raw counts. Lower orders: continuation counts N1+(. h w), raised when the
            // n-gram one order up occurs for the first time; an n-gram starting with the start symbol
            // has no real left extension and keeps its raw count (the KenLM convention).
            boolean newAbove = true;
            for (int k = order - 1; k >= 0; k--) {
                boolean raw = k == order - 1 || i - k < 0;
                if (!raw && !newAbove) {
                    break; // nothing changes below either: a raw order below implies raw here
                }
                newAbove = counts[k].increment(LongIntMap.pack(path[k], w)) == 0;
            }
        }
        tokens += doc.length;
    }

    /**
     * The n-grams with context length {@code k} as packed {@code (word << 32) | count}, grouped by
     * context id (group boundaries in {@link #groupStarts}) and sorted by word within a group.
     */
    private long[] sortedFollowers(int k) {
        int[] start = groupStarts(k);
        int[] fill = Arrays.copyOf(start, start.length - 1);
        long[] followers = new long[counts[k].size()];
        counts[k].forEach((key, c) -> followers[fill[(int) (key >>> 32)]++] = LongIntMap.pack((int) key, c));
        for (int h = 0; h < contextCount[k]; h++) {
            Arrays.sort(followers, start[h], start[h + 1]);
        }
        return followers;
    }

    private int[] groupStarts(int k) {
        int[] start = new int[contextCount[k] + 1];
        counts[k].forEach((key, c) -> start[(int) (key >>> 32) + 1]++);
        for (int h = 0; h < contextCount[k]; h++) {
            start[h + 1] += start[h];
        }
        return start;
    }

    private NGramLevel level(int k, long[] followers, double[] d) {
        int[] start = groupStarts(k);
        int[] word = new int[followers.length];
        double[] discounted = new double[followers.length];
        double[] gamma = new double[contextCount[k]];
        for (int h = 0; h < gamma.length; h++) {
            long total = 0;
            double removed = 0;
            for (int j = start[h]; j < start[h + 1]; j++) {
                int c = (int) followers[j];
                total += c;
                removed += discountOf(c, d);
            }
            for (int j = start[h]; j < start[h + 1]; j++) {
                int c = (int) followers[j];
                word[j] = (int) (followers[j] >>> 32);
                discounted[j] = Math.max(c - discountOf(c, d), 0.0) / total;
            }
            gamma[h] = removed / total;
        }
        return new NGramLevel(start, word, discounted, gamma);
    }

    private static double discountOf(int count, double[] d) {
        return d[Math.min(count, 3) - 1];
    }

    /** {@code n[r]} = number of n-grams with count exactly r, for r = 1..4. */
    private static long[] countsOfCounts(long[] followers) {
        long[] n = new long[5];
        for (long f : followers) {
            int c = (int) f;
            if (c <= 4) {
                n[c]++;
            }
        }
        return n;
    }

    /**
     * Chen &amp; Goodman's estimates {@code Y = n1/(n1 + 2 n2)}, {@code D1 = 1 - 2Y n2/n1},
     * {@code D2 = 2 - 3Y n3/n2}, {@code D3+ = 3 - 4Y n4/n3}. When the counts of counts are too sparse
     * (some n_r = 0) or an estimate leaves (0, r], one discount {@code Y} (Ney, Essen &amp; Kneser 1994)
     * is used for all counts, and 1/2 if there are no singletons at all.
     */
    static double[] modifiedDiscounts(long[] n) {
        if (n[1] > 0 && n[2] > 0 && n[3] > 0 && n[4] > 0) {
            double y = n[1] / (n[1] + 2.0 * n[2]);
            double d1 = 1 - 2 * y * n[2] / n[1];
            double d2 = 2 - 3 * y * n[3] / n[2];
            double d3 = 3 - 4 * y * n[4] / n[3];
            if (d1 > 0 && d1 <= 1 && d2 > 0 && d2 <= 2 && d3 > 0 && d3 <= 3) {
                return new double[] {d1, d2, d3};
            }
        }
        double single = n[1] > 0 ? n[1] / (n[1] + 2.0 * n[2]) : 0.5;
        return new double[] {single, single, single};
    }
}
