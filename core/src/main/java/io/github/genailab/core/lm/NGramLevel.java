package io.github.genailab.core.lm;

import java.util.Arrays;

/**
 * The interpolation terms of one n-gram order, in compressed-row form: for every context of length
 * {@code n - 1} (a dense id), the words seen after it, sorted by id, each with its discounted
 * probability {@code max(c - D(c), 0) / c(h)}, plus the context's back-off weight {@code gamma(h)}.
 * Immutable once built.
 */
final class NGramLevel {

    /** Followers of context {@code h} occupy {@code [start[h], start[h + 1])}. */
    final int[] start;
    final int[] word;
    final double[] discounted;
    final double[] gamma;

    NGramLevel(int[] start, int[] word, double[] discounted, double[] gamma) {
        this.start = start;
        this.word = word;
        this.discounted = discounted;
        this.gamma = gamma;
    }

    int contexts() {
        return gamma.length;
    }

    int ngrams() {
        return word.length;
    }

    /** The discounted probability of {@code w} after context {@code h}, 0 if never seen there. */
    double discounted(int h, int w) {
        int j = Arrays.binarySearch(word, start[h], start[h + 1], w);
        return j >= 0 ? discounted[j] : 0.0;
    }
}
