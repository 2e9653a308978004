package io.github.genailab.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: seeded sampling from a checkpoint pinned (the same bits on JDK 17 and 25), and one loaded
 * checkpoint shared by 8 threads answering as it answers one.
 */
class DeterminismAndConcurrencyTest {

    @Test
    void seededSamplingFromACheckpointIsPinned() {
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory("llama-f32-tied"))) {
            int[] out = Decoder.generate(lm, new int[] {1, 5, 9}, 20, DecodingOptions.sampling(1.0), List.of(),
                    Rngs.seeded(21));
            float[][] logits = lm.forward(new int[] {3, 1, 4, 1, 5});
            assertThat(new int[] {Arrays.hashCode(out), Arrays.deepHashCode(logits)}).containsExactly(PINNED);
        }
    }

    private static final int[] PINNED = {-2074556134, -1993547741};

    @Test
    void aSharedCheckpointAnswersEightThreadsAsItAnswersOne() throws Exception {
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory("gpt2-f32"))) {
            List<int[]> inputs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                inputs.add(new int[] {i % 61, (3 * i + 1) % 61, (7 * i + 2) % 61, (11 * i + 5) % 61});
            }
            List<Integer> expected = new ArrayList<>();
            for (int[] ids : inputs) {
                expected.add(Arrays.deepHashCode(lm.forward(ids)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (int[] ids : inputs) {
                        futures.add(pool.submit(() -> Arrays.deepHashCode(lm.forward(ids))));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
