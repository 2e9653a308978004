package io.github.genailab.core.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.LogMath;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BeamSearchTest {

    private static final int V = 5;

    /**
     * A model over 5 tokens whose logits depend on the last two tokens through a fixed pseudo-random
     * table (seeded), so that greedy, narrow and wide beams disagree and no two sequences tie.
     */
    private static final class TableModel implements LanguageModel {
        private final double[][] table = new double[(V + 1) * (V + 1)][V];
        private final List<Integer> openSessions = new ArrayList<>();
        private int sessionsOpened;
        private int open;

        TableModel(long seed) {
            RandomGenerator rng = Rngs.seeded(seed);
            for (double[] row : table) {
                for (int w = 0; w < V; w++) {
                    row[w] = 3 * rng.nextGaussian();
                }
            }
        }

        @Override
        public int vocabularySize() {
            return V;
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            int a = length >= 2 ? tokens[length - 2] : V;
            int b = length >= 1 ? tokens[length - 1] : V;
            return table[a * (V + 1) + b].clone();
        }

        @Override
        public DecodingSession newSession() {
            sessionsOpened++;
            open++;
            DecodingSession inner = LanguageModel.super.newSession();
            return new DecodingSession() {
                private boolean closed;

                @Override
                public int length() {
                    return inner.length();
                }

                @Override
                public void append(int[] tokens) {
                    inner.append(tokens);
                }

                @Override
                public double[] nextTokenLogits() {
                    return inner.nextTokenLogits();
                }

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        open--;
                    }
                    inner.close();
                }
            };
        }
    }

    private static double score(LanguageModel model, int[] prompt, int[] continuation) {
        int[] all = new int[prompt.length + continuation.length];
        System.arraycopy(prompt, 0, all, 0, prompt.length);
        System.arraycopy(continuation, 0, all, prompt.length, continuation.length);
        double s = 0;
        for (int i = prompt.length; i < all.length; i++) {
            double[] logits = model.nextTokenLogits(all, i);
            s += logits[all[i]] - LogMath.logSumExp(logits);
        }
        return s;
    }

    /** The exact most probable continuation of length n, by enumerating all V^n of them. */
    private static int[] bruteForce(LanguageModel model, int[] prompt, int n) {
        int total = (int) Math.pow(V, n);
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int code = 0; code < total; code++) {
            int[] c = new int[n];
            int x = code;
            for (int i = n - 1; i >= 0; i--) {
                c[i] = x % V;
                x /= V;
            }
            double s = score(model, prompt, c);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    private static int[] beam(LanguageModel model, int[] prompt, int n, int beams) {
        return Decoder.generate(model, prompt, n, DecodingOptions.beamSearch(beams), List.of(), Rngs.seeded(0));
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aBeamAsWideAsAllSequencesFindsTheExactArgMax(int length) {
        for (long seed = 1; seed <= 5; seed++) {
            TableModel model = new TableModel(seed);
            for (int[] prompt : new int[][] {{}, {3}, {1, 4, 2}}) {
                int[] exact = bruteForce(model, prompt, length);
                assertThat(beam(model, prompt, length, (int) Math.pow(V, length))).isEqualTo(exact);
                // V^(n-1) beams already keep every prefix before the last step, so they are exact too.
                int narrower = Math.max(2, (int) Math.pow(V, length - 1));
                assertThat(beam(model, prompt, length, narrower)).as("%d beams", narrower).isEqualTo(exact);
            }
        }
    }

    @Test
    void widerBeamsFindBetterSequencesThanGreedyOnSomeModelAndNeverScoreBelowTheExactOptimum() {
        boolean improved = false;
        for (long seed = 1; seed <= 20; seed++) {
            TableModel model = new TableModel(seed);
            int[] prompt = {2};
            double greedy = score(model, prompt, Decoder.generate(model, prompt, 4, DecodingOptions.greedyDecoding(),
                    List.of(), Rngs.seeded(0)));
            double exact = score(model, prompt, bruteForce(model, prompt, 4));
            for (int b : new int[] {2, 3, 5}) {
                double s = score(model, prompt, beam(model, prompt, 4, b));
                assertThat(s).isLessThanOrEqualTo(exact + 1e-12);
                improved |= s > greedy + 1e-9;
            }
        }
        assertThat(improved).as("some beam beats greedy on some model").isTrue();
    }

    @Test
    void anAbsurdlyWideBeamNeedsNoMoreRoomThanTheSequencesThatExist() {
        TableModel model = new TableModel(4);
        assertThat(beam(model, new int[] {2}, 3, Integer.MAX_VALUE)).isEqualTo(bruteForce(model, new int[] {2}, 3));
    }

    @Test
    void oneBeamIsGreedyDecoding() {
        for (long seed = 1; seed <= 5; seed++) {
            TableModel model = new TableModel(seed);
            int[] greedy = Decoder.generate(model, new int[] {1}, 12, DecodingOptions.greedyDecoding(), List.of(),
                    Rngs.seeded(0));
            assertThat(beam(model, new int[] {1}, 12, 1)).isEqualTo(greedy);
        }
    }

    @Test
    void beamSearchIsDeterministicNeverUsesTheGeneratorAndClosesEverySession() {
        TableModel model = new TableModel(7);
        RandomGenerator rng = Rngs.seeded(3);
        RandomGenerator untouched = Rngs.seeded(3);
        int[] a = Decoder.generate(model, new int[] {0, 1}, 20, DecodingOptions.beamSearch(5), List.of(), rng);
        int[] b = Decoder.generate(model, new int[] {0, 1}, 20, DecodingOptions.beamSearch(5), List.of(),
                Rngs.seeded(99));
        assertThat(a).isEqualTo(b).hasSize(20);
        assertThat(rng.nextLong()).isEqualTo(untouched.nextLong());
        assertThat(model.open).as("sessions left open").isZero();
        assertThat(model.sessionsOpened).isGreaterThan(1).isLessThanOrEqualTo(1 + 4 * 20);
        assertThat(beam(model, new int[] {0}, 0, 5)).isEmpty();
    }

    @Test
    void processorsEditTheLogProbabilitiesOfEveryHypothesisWithItsOwnPrefix() {
        TableModel model = new TableModel(11);
        int[] prompt = {4};
        List<String> seen = new ArrayList<>();
        LogitsProcessor banTwo = (tokens, length, row) -> {
            assertThat(LogMath.logSumExp(row)).as("rows arrive log-softmaxed").isCloseTo(0, Offset.offset(1e-12));
            assertThat(tokens[0]).isEqualTo(4);
            seen.add(length + ":" + tokens[length - 1]);
            row[2] = Double.NEGATIVE_INFINITY;
        };
        int[] out = Decoder.generate(model, prompt, 6, DecodingOptions.beamSearch(3), List.of(banTwo), Rngs.seeded(0));
        assertThat(out).doesNotContain(2);
        assertThat(seen).contains("1:4"); // the first step sees the prompt
        // the same as an exhaustive search on the model with token 2 removed
        LanguageModel without = new LanguageModel() {
            @Override
            public int vocabularySize() {
                return V;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                double[] l = LogMath.logSoftmax(model.nextTokenLogits(tokens, length));
                l[2] = Double.NEGATIVE_INFINITY;
                return l;
            }
        };
        int[] wide = Decoder.generate(model, prompt, 4, DecodingOptions.beamSearch(625), List.of(banTwo),
                Rngs.seeded(0));
        assertThat(wide).isEqualTo(bruteForce(without, prompt, 4));
    }

    @Test
    void optionsForBeamSearchValidateAndPrint() {
        assertThat(DecodingOptions.beamSearch(5)).isEqualTo(new DecodingOptions(true, 1.0, 0, 1.0, 5));
        assertThat(DecodingOptions.beamSearch(5).toString()).isEqualTo("DecodingOptions[beamSearch, beams=5]");
        assertThat(DecodingOptions.greedyDecoding().withBeams(4).beams()).isEqualTo(4);
        assertThat(DecodingOptions.defaults().beams()).isEqualTo(1);
        assertThat(DecodingOptions.beamSearch(1)).isEqualTo(DecodingOptions.greedyDecoding());
        assertThatThrownBy(() -> DecodingOptions.beamSearch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beams").hasMessageContaining("0");
        assertThatThrownBy(() -> DecodingOptions.defaults().withBeams(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beams must be 1 for sampling").hasMessageContaining("5");
        assertThatThrownBy(() -> new DecodingOptions(false, 1, 0, 1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beams");
        assertThatThrownBy(() -> DecodingOptions.beamSearch(5).withTemperature(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
    }

    @Test
    void beamSearchRejectsRowsOfTheWrongWidthAndNaNFromProcessors() {
        TableModel model = new TableModel(1);
        LogitsProcessor nan = (tokens, length, row) -> row[0] = Double.NaN;
        assertThatThrownBy(() -> Decoder.generate(model, new int[] {1}, 3, DecodingOptions.beamSearch(2), List.of(nan),
                Rngs.seeded(0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logits[0]")
                .hasMessageContaining("NaN");
        LogitsProcessor banAll = (tokens, length, row) -> Arrays.fill(row, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Decoder.generate(model, new int[] {1}, 3, DecodingOptions.beamSearch(2),
                List.of(banAll), Rngs.seeded(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one finite");
        assertThat(model.open).isZero();
    }
}
