package io.github.genailab.core.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately literal interpolated Kneser–Ney model, written from the definitions with boxed maps,
 * as an independent oracle for {@link NGramModel}: every count, continuation count, discount and
 * probability is recomputed from the padded documents.
 */
final class NaiveKneserNey {

    private final int order;
    private final int vocabularySize;
    private final int bos;
    /** counts.get(n).get(ngram of length n) = the count used at order n. */
    private final List<Map<List<Integer>, Integer>> counts = new ArrayList<>();
    private final List<double[]> discounts = new ArrayList<>();

    NaiveKneserNey(List<int[]> documents, int vocabularySize, int order, double fixedDiscount) {
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.bos = vocabularySize;
        List<List<Integer>> padded = new ArrayList<>();
        for (int[] doc : documents) {
            List<Integer> p = new ArrayList<>();
            for (int i = 0; i < order - 1; i++) {
                p.add(bos);
            }
            for (int t : doc) {
                p.add(t);
            }
            padded.add(p);
        }
        // occurrences.get(n): the set of distinct n-grams ending in a real token, and raw counts
        List<Map<List<Integer>, Integer>> raw = new ArrayList<>();
        for (int n = 0; n <= order; n++) {
            raw.add(new HashMap<>());
        }
        for (List<Integer> p : padded) {
            for (int i = order - 1; i < p.size(); i++) {
                for (int n = 1; n <= order; n++) {
                    raw.get(n).merge(new ArrayList<>(p.subList(i - n + 1, i + 1)), 1, Integer::sum);
                }
            }
        }
        counts.add(Map.of());
        for (int n = 1; n <= order; n++) {
            Map<List<Integer>, Integer> c = new HashMap<>();
            for (Map.Entry<List<Integer>, Integer> e : raw.get(n).entrySet()) {
                List<Integer> g = e.getKey();
                if (n == order || g.get(0) == bos) {
                    c.put(g, e.getValue());
                } else {
                    Set<Integer> left = new HashSet<>();
                    for (List<Integer> longer : raw.get(n + 1).keySet()) {
                        if (longer.subList(1, n + 1).equals(g)) {
                            left.add(longer.get(0));
                        }
                    }
                    c.put(g, left.size());
                }
            }
            counts.add(c);
        }
        discounts.add(null);
        for (int n = 1; n <= order; n++) {
            if (fixedDiscount > 0) {
                discounts.add(new double[] {fixedDiscount, fixedDiscount, fixedDiscount});
            } else {
                long[] nr = new long[5];
                for (int v : counts.get(n).values()) {
                    if (v <= 4) {
                        nr[v]++;
                    }
                }
                discounts.add(KneserNeyTrainer.modifiedDiscounts(nr));
            }
        }
    }

    /** p(w | the prefix tokens[0, length)), padded with start symbols. */
    double probability(int[] tokens, int length, int w) {
        List<Integer> history = new ArrayList<>();
        for (int k = order - 1; k >= 1; k--) {
            history.add(length - k >= 0 ? tokens[length - k] : bos);
        }
        return probability(history, w);
    }

    private double probability(List<Integer> history, int w) {
        double lower = history.isEmpty()
                ? 1.0 / vocabularySize
                : probability(history.subList(1, history.size()), w);
        return interpolate(history, w, history.size() + 1, lower);
    }

    private double interpolate(List<Integer> history, int w, int n, double lower) {
        Map<List<Integer>, Integer> c = counts.get(n);
        double[] d = discounts.get(n);
        double total = 0;
        double removed = 0;
        for (int v = 0; v < vocabularySize; v++) {
            List<Integer> g = new ArrayList<>(history);
            g.add(v);
            int cv = c.getOrDefault(g, 0);
            total += cv;
            if (cv > 0) {
                removed += d[Math.min(cv, 3) - 1];
            }
        }
        if (total == 0) {
            return lower;
        }
        List<Integer> g = new ArrayList<>(history);
        g.add(w);
        int cw = c.getOrDefault(g, 0);
        double own = cw > 0 ? Math.max(cw - d[Math.min(cw, 3) - 1], 0) / total : 0;
        return own + removed / total * lower;
    }
}
