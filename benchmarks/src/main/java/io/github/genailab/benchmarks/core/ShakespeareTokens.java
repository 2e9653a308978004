package io.github.genailab.benchmarks.core;

import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Token documents for the n-gram benchmarks. */
final class ShakespeareTokens {

    private ShakespeareTokens() {
    }

    /**
     * About 300k tokens in 3000 documents: a first-order Markov source with Zipf-distributed successors
     * over {@code vocabularySize} ids (a stand-in until the BPE-encoded corpus is available).
     */
    static List<int[]> documents(int vocabularySize) {
        RandomGenerator rng = Rngs.seeded(2026);
        double[] cdf = new double[vocabularySize];
        double s = 0;
        for (int r = 0; r < vocabularySize; r++) {
            s += 1.0 / (r + 1);
            cdf[r] = s;
        }
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < 3000; d++) {
            int[] doc = new int[100];
            int prev = rng.nextInt(vocabularySize);
            for (int i = 0; i < doc.length; i++) {
                int rank = java.util.Arrays.binarySearch(cdf, rng.nextDouble() * s);
                rank = rank >= 0 ? rank : -rank - 1;
                doc[i] = (int) ((prev * 2654435761L + rank) % vocabularySize);
                prev = doc[i];
            }
            docs.add(doc);
        }
        return docs;
    }
}
