package io.github.genailab.benchmarks.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline a first implementation usually is: interpolated Kneser–Ney (one fixed discount) over
 * boxed {@code HashMap<List<Integer>, ...>} tables, recomputing {@code p(w | h)} recursively for each of
 * the V words of a next-token distribution. Same padding and counting conventions as
 * {@link io.github.genailab.core.lm.NGramModel} (start symbols, continuation counts below the top
 * order), so the two do the same work with different data structures.
 */
final class NaiveKneserNeyBaseline {

    private static final double DISCOUNT = 0.75;

    private final int order;
    private final int vocabularySize;
    /** followers.get(k): context of length k -> (word -> count used at order k + 1). */
    private final List<Map<List<Integer>, Map<Integer, Integer>>> followers = new ArrayList<>();

    NaiveKneserNeyBaseline(List<int[]> documents, int vocabularySize, int order) {
        this.order = order;
        this.vocabularySize = vocabularySize;
        List<Map<List<Integer>, Set<Integer>>> leftContexts = new ArrayList<>();
        for (int k = 0; k < order; k++) {
            followers.add(new HashMap<>());
            leftContexts.add(new HashMap<>());
        }
        for (int[] doc : documents) {
            for (int i = 0; i < doc.length; i++) {
                for (int k = 0; k < order; k++) {
                    List<Integer> ngram = new ArrayList<>();
                    for (int j = i - k; j <= i; j++) {
                        ngram.add(j >= 0 ? doc[j] : vocabularySize);
                    }
                    boolean raw = k == order - 1 || i - k < 0;
                    if (raw) {
                        followers.get(k).computeIfAbsent(ngram.subList(0, k), h -> new HashMap<>())
                                .merge(doc[i], 1, Integer::sum);
                    } else {
                        int left = i - k - 1 >= 0 ? doc[i - k - 1] : vocabularySize;
                        leftContexts.get(k).computeIfAbsent(ngram, g -> new HashSet<>()).add(left);
                    }
                }
            }
        }
        for (int k = 0; k < order; k++) {
            for (Map.Entry<List<Integer>, Set<Integer>> e : leftContexts.get(k).entrySet()) {
                List<Integer> ngram = e.getKey();
                followers.get(k).computeIfAbsent(ngram.subList(0, k), h -> new HashMap<>())
                        .put(ngram.get(k), e.getValue().size());
            }
        }
    }

    /** The full next-token distribution after the prefix, one recursive evaluation per word. */
    double[] distribution(int[] tokens, int length) {
        List<Integer> history = new ArrayList<>();
        for (int k = order - 1; k >= 1; k--) {
            history.add(length - k >= 0 ? tokens[length - k] : vocabularySize);
        }
        double[] p = new double[vocabularySize];
        for (int w = 0; w < vocabularySize; w++) {
            p[w] = probability(history, w);
        }
        return p;
    }

    private double probability(List<Integer> history, int w) {
        double lower = history.isEmpty()
                ? 1.0 / vocabularySize
                : probability(history.subList(1, history.size()), w);
        Map<Integer, Integer> seen = followers.get(history.size()).get(history);
        if (seen == null) {
            return lower;
        }
        int total = 0;
        for (int c : seen.values()) {
            total += c;
        }
        int c = seen.getOrDefault(w, 0);
        return Math.max(c - DISCOUNT, 0) / total + DISCOUNT * seen.size() / total * lower;
    }
}
