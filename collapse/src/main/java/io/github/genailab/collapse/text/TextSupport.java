package io.github.genailab.collapse.text;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Support statistics of a tokenised text (a list of documents of token ids): what
 * {@link LanguageModelCollapse} records each generation to show the tails of the original text
 * vanishing.
 *
 * <p>Definitions (n-grams never span two documents; a document of length L holds L - n + 1 n-grams
 * when L &gt;= n, none otherwise):
 * <pre>
 *   distinct(D, n)          = number of distinct n-grams in D                 (n = 1: distinct tokens)
 *   keptMass(D0, D, n)      = sum over n-grams g of D0 that also occur in D of c0(g)  /  sum over g of c0(g)
 *                             (c0 = counts in the original text D0: the share of the original n-gram
 *                             occurrences whose n-gram is still produced)
 *   zipfExponent(D)         = s of the least-squares line  ln c_(r) = a - s ln r  over the ranks r whose
 *                             count c_(r) is at least 2 (token counts sorted in decreasing order;
 *                             tokens seen once are left out: their ties form a flat tail that says
 *                             nothing about the slope); undefined with fewer than two such ranks
 * </pre>
 * Zipf's law (G. K. Zipf, "Human Behavior and the Principle of Least Effort", 1949) puts {@code s}
 * near 1 for natural text; a text that lost its rare tokens and repeats its common ones has a steeper
 * rank-frequency line. Shumailov et al. (Nature 631:755-759, 2024) describe exactly this loss of the
 * tails as early model collapse.
 *
 * <p>Complexity: O(total tokens · n) hash operations; n-grams are packed into a {@code long} when
 * {@code n · ceil(log2(max id + 1)) <= 63}, else keyed by their token arrays.
 *
 * @since 0.1.0
 */
public final class TextSupport {

    private TextSupport() {
    }

    /**
     * The number of distinct token ids.
     *
     * @param documents the documents (not modified)
     * @return distinct(D, 1)
     * @throws NullPointerException if {@code documents} or a document is null
     * @throws IllegalArgumentException if an id is negative
     */
    public static int distinctTokens(List<int[]> documents) {
        return distinctNgrams(documents, 1);
    }

    /**
     * The number of distinct n-grams.
     *
     * @param documents the documents (not modified)
     * @param n the n-gram length, &gt;= 1
     * @return distinct(D, n)
     * @throws NullPointerException if {@code documents} or a document is null
     * @throws IllegalArgumentException if {@code n < 1} or an id is negative
     */
    public static int distinctNgrams(List<int[]> documents, int n) {
        return counts(documents, n, bits(documents, "documents", n, null)).size();
    }

    /**
     * The share of the original text's n-gram occurrences whose n-gram still occurs in {@code current}.
     *
     * @param original the original documents D0 (not modified)
     * @param current the documents D (not modified)
     * @param n the n-gram length, &gt;= 1
     * @return keptMass(D0, D, n) in [0, 1]
     * @throws NullPointerException if {@code original} or {@code current} or one of their documents is null
     * @throws IllegalArgumentException if {@code n < 1}, an id is negative, or the original holds no
     *     n-gram (no document of at least n tokens)
     */
    public static double keptMass(List<int[]> original, List<int[]> current, int n) {
        Checks.notNull(current, "current");
        int bits = bits(original, "original", n, current);
        Map<Object, long[]> c0 = counts(original, n, bits);
        Set<Object> present = counts(current, n, bits).keySet();
        long total = 0;
        long kept = 0;
        for (Map.Entry<Object, long[]> e : c0.entrySet()) {
            long c = e.getValue()[0];
            total += c;
            if (present.contains(e.getKey())) {
                kept += c;
            }
        }
        if (total == 0) {
            throw Checks.fail("original", "hold at least one " + n + "-gram (a document of at least " + n
                    + " tokens)", original.size() + " documents");
        }
        return (double) kept / total;
    }

    /**
     * The Zipf exponent of the token frequencies (see the class comment).
     *
     * @param documents the documents (not modified)
     * @return the least-squares slope s
     * @throws NullPointerException if {@code documents} or a document is null
     * @throws IllegalArgumentException if an id is negative, or fewer than two distinct tokens occur at
     *     least twice (the line has no slope)
     */
    public static double zipfExponent(List<int[]> documents) {
        double s = zipfExponentOfCounts(counts(documents, 1, bits(documents, "documents", 1, null)));
        if (Double.isNaN(s)) {
            throw Checks.fail("documents", "hold at least two distinct tokens that occur at least twice",
                    "fewer");
        }
        return s;
    }

    /** The Zipf exponent from token counts, NaN with fewer than two tokens seen at least twice. */
    static double zipfExponentOfCounts(Map<Object, long[]> counts) {
        long[] sorted = new long[counts.size()];
        int k = 0;
        for (long[] c : counts.values()) {
            sorted[k++] = c[0];
        }
        Arrays.sort(sorted);
        int ranks = 0;
        while (ranks < sorted.length && sorted[sorted.length - 1 - ranks] >= 2) {
            ranks++;
        }
        if (ranks < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int r = 1; r <= ranks; r++) {
            mx += Math.log(r);
            my += Math.log(sorted[sorted.length - r]);
        }
        mx /= ranks;
        my /= ranks;
        double sxy = 0;
        double sxx = 0;
        for (int r = 1; r <= ranks; r++) {
            double dx = Math.log(r) - mx;
            sxy += dx * (Math.log(sorted[sorted.length - r]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }

    /** Bits per id for packing n-grams into a long, or -1 if they do not fit; checks the documents. */
    private static int bits(List<int[]> documents, String name, int n, List<int[]> current) {
        Checks.notNull(documents, name);
        Checks.positive(n, "n");
        int max = Math.max(maxId(documents, name), current == null ? 0 : maxId(current, "current"));
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
        return (long) bits * n <= 63 ? bits : -1;
    }

    private static int maxId(List<int[]> documents, String name) {
        Checks.notNull(documents, name);
        int max = 0;
        for (int d = 0; d < documents.size(); d++) {
            int[] doc = Checks.notNull(documents.get(d), name + "[" + d + "]");
            for (int i = 0; i < doc.length; i++) {
                if (doc[i] < 0) {
                    throw Checks.fail(name + "[" + d + "][" + i + "]", "be a token id >= 0", doc[i]);
                }
                max = Math.max(max, doc[i]);
            }
        }
        return max;
    }

    /** Counts of every n-gram, keyed by a packed Long (bits per id &gt; 0) or a {@link Gram} (bits &lt;= 0). */
    static Map<Object, long[]> counts(List<int[]> documents, int n, int bits) {
        Map<Object, long[]> counts = new HashMap<>();
        for (int[] doc : documents) {
            for (int i = 0; i + n <= doc.length; i++) {
                Object key;
                if (bits > 0) {
                    long packed = 0;
                    for (int j = 0; j < n; j++) {
                        packed = (packed << bits) | doc[i + j];
                    }
                    key = packed;
                } else {
                    key = new Gram(Arrays.copyOfRange(doc, i, i + n));
                }
                counts.computeIfAbsent(key, x -> new long[1])[0]++;
            }
        }
        return counts;
    }

    /** An n-gram as a hash key. */
    private record Gram(int[] tokens) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Gram g && Arrays.equals(tokens, g.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }

        @Override
        public String toString() {
            return Arrays.toString(tokens);
        }
    }
}
