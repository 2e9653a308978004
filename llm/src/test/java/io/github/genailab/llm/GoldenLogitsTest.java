package io.github.genailab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logits of every test checkpoint against a float64 re-statement of the transformers forward pass,
 * and the cached paths against the batched one.
 */
class GoldenLogitsTest {

    private static final double GOLDEN_TOLERANCE = 2e-4;
    private static final double CACHE_TOLERANCE = 1e-5;

    static List<String> checkpoints() {
        return TestCheckpoints.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void forwardMatchesTheGoldenLogits(String name) {
        TestCheckpoints.Golden golden = TestCheckpoints.golden(name);
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(name))) {
            float[][] logits = lm.forward(golden.tokens());
            assertThat(logits).hasNumberOfRows(golden.tokens().length);
            for (int i = 0; i < logits.length; i++) {
                assertThat(logits[i]).hasSize(lm.vocabularySize());
                for (int j = 0; j < logits[i].length; j++) {
                    assertThat((double) logits[i][j]).as("%s logits[%d][%d]", name, i, j)
                            .isCloseTo(golden.logits()[i][j], within(GOLDEN_TOLERANCE));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void cachedDecodingEqualsTheFullForwardPass(String name) {
        int[] tokens = TestCheckpoints.golden(name).tokens();
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(name))) {
            float[][] full = lm.forward(tokens);
            try (DecodingSession session = lm.newSession()) {
                int prompt = 4;
                session.append(Arrays.copyOf(tokens, prompt));
                for (int i = prompt; i <= tokens.length; i++) {
                    assertThat(session.length()).isEqualTo(i);
                    double[] next = session.nextTokenLogits();
                    for (int j = 0; j < next.length; j++) {
                        assertThat(next[j]).as("%s row %d, token %d", name, i - 1, j)
                                .isCloseTo(full[i - 1][j], within(CACHE_TOLERANCE));
                    }
                    if (i < tokens.length) {
                        session.append(new int[] {tokens[i]});
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void statelessNextTokenLogitsAndLogProbsAgreeWithForward(String name) {
        int[] tokens = TestCheckpoints.golden(name).tokens();
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(name))) {
            float[][] full = lm.forward(tokens);
            double[] row = lm.nextTokenLogits(tokens, 6);
            for (int j = 0; j < row.length; j++) {
                assertThat(row[j]).isCloseTo(full[5][j], within(CACHE_TOLERANCE));
            }
            double[] logProbs = lm.tokenLogProbs(tokens);
            assertThat(logProbs).hasSize(tokens.length - 1);
            for (int i = 1; i < tokens.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : full[i - 1]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : full[i - 1]) {
                    sum += Math.exp(v - max);
                }
                assertThat(logProbs[i - 1]).isCloseTo(full[i - 1][tokens[i]] - max - Math.log(sum), within(1e-9))
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void cachedGreedyGenerationEqualsGreedyOverFullPasses(String name) {
        int[] prompt = Arrays.copyOf(TestCheckpoints.golden(name).tokens(), 3);
        int steps = 16;
        try (CausalLm lm = CausalLm.load(TestCheckpoints.directory(name))) {
            int[] generated = Decoder.generate(lm, prompt, steps, DecodingOptions.greedyDecoding(), List.of(),
                    Rngs.seeded(1));
            int[] sequence = Arrays.copyOf(prompt, prompt.length + steps);
            for (int pos = prompt.length; pos < sequence.length; pos++) {
                float[][] logits = lm.forward(Arrays.copyOf(sequence, pos));
                sequence[pos] = argMax(logits[pos - 1]);
            }
            assertThat(generated).containsExactly(Arrays.copyOfRange(sequence, prompt.length, sequence.length));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpoints")
    void oneAndTwoThreadsGiveIdenticalBits(String name) {
        int[] tokens = TestCheckpoints.golden(name).tokens();
        try (CausalLm one = CausalLm.load(TestCheckpoints.directory(name), CausalLmOptions.defaults().withThreads(1));
                CausalLm two = CausalLm.load(TestCheckpoints.directory(name), CausalLmOptions.defaults().withThreads(2));
                CausalLm three = CausalLm.load(TestCheckpoints.directory(name), CausalLmOptions.defaults().withThreads(3))) {
            float[][] a = one.forward(tokens);
            assertThat(two.forward(tokens)).isDeepEqualTo(a);
            assertThat(three.forward(tokens)).isDeepEqualTo(a);
        }
    }

    private static int argMax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
