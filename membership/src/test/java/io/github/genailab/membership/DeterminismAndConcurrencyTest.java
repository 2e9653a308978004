package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: Min-K% and Min-K%++ of a model's statistics, and the float32 kernel on seeded logits, pinned (the
 * same bits on JDK 17 and 25), and the statistics computed on 8 threads as on one.
 */
class DeterminismAndConcurrencyTest {

    @Test
    void scoresOfAModelAndOfSeededFloatLogitsArePinned() {
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        List<int[]> documents = new ArrayList<>();
        for (String passage : Corpora.tinyShakespearePassages().subList(0, 150)) {
            documents.add(tokenizer.encode(passage));
        }
        NGramModel model = NGramModel.train(documents, tokenizer.vocabularySize(), 2);
        TokenStatistics s = TokenStatistics.of(model, documents.get(3));
        RandomGenerator rng = Rngs.seeded(5);
        float[][] logits = new float[16][1000];
        int[] targets = new int[16];
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < logits[i].length; j++) {
                logits[i][j] = (float) (3 * rng.nextGaussian());
            }
            targets[i] = rng.nextInt(1000);
        }
        // The portable float kernel (the surefire JVM enables the Vector API, so select it explicitly).
        TokenStatistics f = TokenStatistics.fromLogits(logits, targets, new FloatLogitRows());
        assertThat(new int[] {Double.hashCode(s.minK(0.2)), Double.hashCode(s.minKPlusPlus(0.2)),
            Arrays.hashCode(f.logProbs()), Double.hashCode(f.minKPlusPlus(0.2))}).containsExactly(PINNED);
    }

    private static final int[] PINNED = {-1360198578, -2043484761, -521789076, -1960872795};

    @Test
    void statisticsOnEightThreadsEqualThoseOnOne() throws Exception {
        RandomGenerator rng = Rngs.seeded(6);
        List<float[][]> batches = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int b = 0; b < 32; b++) {
            float[][] logits = new float[8][512];
            int[] t = new int[8];
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 512; j++) {
                    logits[i][j] = (float) (2 * rng.nextGaussian());
                }
                t[i] = rng.nextInt(512);
            }
            batches.add(logits);
            targets.add(t);
        }
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            expected.add(describe(TokenStatistics.fromLogits(batches.get(b), targets.get(b))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int b = 0; b < batches.size(); b++) {
                    int index = b;
                    futures.add(pool.submit(() -> describe(TokenStatistics.fromLogits(batches.get(index),
                            targets.get(index)))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % batches.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(TokenStatistics s) {
        return Arrays.toString(s.logProbs()) + s.minK(0.2) + s.minKPlusPlus(0.2);
    }
}
