package io.github.genailab.core.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.LogMath;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecoderTest {

    /** Probabilities 0.5, 0.3, 0.15, 0.05 whatever the context. */
    private static final double[] LOGITS = {Math.log(0.5), Math.log(0.3), Math.log(0.15), Math.log(0.05)};

    private static LanguageModel fixed(double[] logits) {
        return new LanguageModel() {
            @Override
            public int vocabularySize() {
                return logits.length;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                return logits.clone();
            }
        };
    }

    /** A model whose next token depends on the previous one, so that decoding paths diverge. */
    private static final LanguageModel CHAIN = new LanguageModel() {
        @Override
        public int vocabularySize() {
            return 7;
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            int last = length == 0 ? 0 : tokens[length - 1];
            double[] l = new double[7];
            for (int i = 0; i < 7; i++) {
                l[i] = -Math.abs(i - (last + 3) % 7) * 0.3;
            }
            return l;
        }
    };

    private static int[] sample(DecodingOptions options, long seed, int n, double[] logits) {
        RandomGenerator rng = Rngs.seeded(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Decoder.nextToken(logits, options, rng);
        }
        return out;
    }

    private static int[] histogram(int[] tokens, int v) {
        int[] h = new int[v];
        for (int t : tokens) {
            h[t]++;
        }
        return h;
    }

    /**
     * Pearson's chi-square statistic of the counts against the probabilities, with every category
     * expected often; under the null it has mean df and variance 2 df, so the bound df + 4 sqrt(2 df)
     * is four standard deviations out.
     */
    private static void assertFrequenciesMatch(int[] counts, double[] p) {
        int n = Arrays.stream(counts).sum();
        double chi2 = 0;
        int df = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                double e = n * p[i];
                chi2 += (counts[i] - e) * (counts[i] - e) / e;
                df++;
            } else {
                assertThat(counts[i]).as("token %d has probability 0", i).isZero();
            }
        }
        assertThat(chi2).isLessThan(df + 4 * Math.sqrt(2.0 * df));
    }

    @Test
    void generationIsReproduciblePerSeedAndDiffersAcrossSeeds() {
        DecodingOptions sampling = DecodingOptions.defaults();
        int[] a = Decoder.generate(CHAIN, new int[] {1}, 200, sampling, List.of(), Rngs.seeded(1));
        int[] b = Decoder.generate(CHAIN, new int[] {1}, 200, sampling, List.of(), Rngs.seeded(1));
        int[] c = Decoder.generate(CHAIN, new int[] {1}, 200, sampling, List.of(), Rngs.seeded(2));
        assertThat(a).hasSize(200).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void aTokenRuleDecodesThroughTheSameLoop() {
        // The sampling rule through generate(rule) gives the tokens generate(options) gives for the same seed.
        DecodingOptions sampling = DecodingOptions.sampling(0.8);
        TokenRule rule = (tokens, length, logits, r) -> Decoder.nextToken(logits, sampling, r);
        int[] prompt = {1, 2};
        assertThat(Decoder.generate(CHAIN, prompt, 30, rule, Rngs.seeded(9)))
                .containsExactly(Decoder.generate(CHAIN, prompt, 30, sampling, List.of(), Rngs.seeded(9)));
        // The rule sees the growing text and the position it chooses.
        int[] seen = new int[3];
        Decoder.generate(CHAIN, prompt, 3, (tokens, length, logits, r) -> {
            seen[length - 2] = length;
            return tokens[length - 1];
        }, Rngs.seeded(1));
        assertThat(seen).containsExactly(2, 3, 4);
        assertThatThrownBy(() -> Decoder.generate(CHAIN, prompt, 3, (tokens, length, logits, r) -> -1,
                Rngs.seeded(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule's token");
        assertThatThrownBy(() -> Decoder.generate(CHAIN, prompt, 3, (TokenRule) null, Rngs.seeded(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("rule");
        assertThatThrownBy(() -> Decoder.generate(CHAIN, new int[] {-1}, 3, rule, Rngs.seeded(1)))
                .hasMessageContaining("prompt");
    }

    @Test
    void generateReturnsOnlyTheNewTokensAndLeavesThePromptAlone() {
        int[] prompt = {4, 5};
        int[] out = Decoder.generate(CHAIN, prompt, 3, DecodingOptions.greedyDecoding(), List.of(), Rngs.seeded(0));
        // greedy on CHAIN: the arg-max after t is (t + 3) mod 7
        assertThat(out).containsExactly(1, 4, 0);
        assertThat(prompt).containsExactly(4, 5);
        assertThat(Decoder.generate(CHAIN, prompt, 0, DecodingOptions.defaults(), List.of(), Rngs.seeded(0))).isEmpty();
        assertThat(Decoder.generate(CHAIN, new int[0], 1, DecodingOptions.greedyDecoding(), List.of(), Rngs.seeded(0)))
                .containsExactly(3);
    }

    @Test
    void greedyTakesTheArgMaxWithTheLowestIdOnTiesAndNeverTouchesTheGenerator() {
        RandomGenerator rng = Rngs.seeded(5);
        double ninf = Double.NEGATIVE_INFINITY;
        assertThat(Decoder.nextToken(new double[] {1, 3, 3, 2}, DecodingOptions.greedyDecoding(), rng)).isEqualTo(1);
        assertThat(Decoder.nextToken(new double[] {ninf, ninf, -5}, DecodingOptions.greedyDecoding(), rng)).isEqualTo(2);
        assertThat(rng.nextLong()).isEqualTo(Rngs.seeded(5).nextLong());
    }

    @Test
    void samplingFrequenciesMatchTheSoftmax() {
        assertFrequenciesMatch(histogram(sample(DecodingOptions.defaults(), 11, 20_000, LOGITS), 4),
                LogMath.softmax(LOGITS));
    }

    @Test
    void temperatureDividesTheLogits() {
        double t = 2.5;
        double[] scaled = Arrays.stream(LOGITS).map(l -> l / t).toArray();
        assertFrequenciesMatch(histogram(sample(DecodingOptions.sampling(t), 12, 20_000, LOGITS), 4),
                LogMath.softmax(scaled));
    }

    @Test
    void temperatureTowardsZeroApproachesGreedy() {
        int[] cold = sample(DecodingOptions.sampling(0.01), 13, 5_000, LOGITS);
        assertThat(cold).containsOnly(0);
        int[] cool = histogram(sample(DecodingOptions.sampling(0.2), 13, 5_000, LOGITS), 4);
        int[] warm = histogram(sample(DecodingOptions.sampling(1.0), 13, 5_000, LOGITS), 4);
        assertThat(cool[0]).isGreaterThan(warm[0]);
    }

    @Test
    void topKNeverEmitsOutsideTheTopKAndRenormalises() {
        double[] logits = {0.1, 2.0, -1.0, 1.5, 0.5, -3.0};
        int[] counts = histogram(sample(DecodingOptions.defaults().withTopK(2), 14, 20_000, logits), 6);
        double[] p = LogMath.softmax(new double[] {Double.NEGATIVE_INFINITY, 2.0, Double.NEGATIVE_INFINITY, 1.5,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
        assertFrequenciesMatch(counts, p);
        // ties with the k-th largest survive, as in Hugging Face's TopKLogitsWarper
        int[] tied = histogram(sample(DecodingOptions.defaults().withTopK(1), 15, 2_000, new double[] {1, 1, 0}), 3);
        assertThat(tied[0]).isPositive();
        assertThat(tied[1]).isPositive();
        assertThat(tied[2]).isZero();
    }

    @Test
    void topPKeepsTheSmallestNucleusReachingP() {
        // 0.5 + 0.3 = 0.8 >= 0.75: the nucleus is {0, 1}, renormalised to 5/8, 3/8
        int[] counts = histogram(sample(DecodingOptions.defaults().withTopP(0.75), 16, 20_000, LOGITS), 4);
        assertFrequenciesMatch(counts, new double[] {0.625, 0.375, 0, 0});
        // among equal weights the nucleus takes the lowest ids: four equal tokens, p = 0.5 keeps 0 and 1
        int[] ties = histogram(sample(DecodingOptions.defaults().withTopP(0.5), 19, 20_000, new double[4]), 4);
        assertFrequenciesMatch(ties, new double[] {0.5, 0.5, 0, 0});
        // a tiny p still keeps the most likely token
        assertThat(sample(DecodingOptions.defaults().withTopP(1e-9), 17, 500, LOGITS)).containsOnly(0);
        // top-k is applied before top-p: k = 3 then p = 0.9 of {0.5, 0.3, 0.15}/0.95 keeps all three
        int[] both = histogram(sample(DecodingOptions.defaults().withTopK(3).withTopP(0.9), 18, 20_000, LOGITS), 4);
        assertFrequenciesMatch(both, new double[] {0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0});
    }

    @Test
    void processorsRunInOrderOnTheRawLogitsBeforeSampling() {
        List<String> calls = new ArrayList<>();
        LogitsProcessor banAllButTwo = (tokens, length, logits) -> {
            calls.add("ban@" + length);
            for (int i = 0; i < logits.length; i++) {
                if (i != 2) {
                    logits[i] = Double.NEGATIVE_INFINITY;
                }
            }
        };
        LogitsProcessor check = (tokens, length, logits) -> {
            calls.add("check@" + length);
            assertThat(logits[2]).isEqualTo(LOGITS[2]); // raw logit, no temperature yet
            assertThat(tokens).startsWith(9 % 4);
        };
        int[] out = Decoder.generate(fixed(LOGITS), new int[] {1}, 3, DecodingOptions.sampling(3.0),
                List.of(banAllButTwo, check), Rngs.seeded(3));
        assertThat(out).containsExactly(2, 2, 2);
        assertThat(calls).containsExactly("ban@1", "check@1", "ban@2", "check@2", "ban@3", "check@3");
    }

    @Test
    void optionsValidateAndHaveReadableFactories() {
        assertThat(DecodingOptions.defaults()).isEqualTo(new DecodingOptions(false, 1.0, 0, 1.0));
        assertThat(DecodingOptions.greedyDecoding().greedy()).isTrue();
        assertThat(DecodingOptions.sampling(0.7).withTopK(5).withTopP(0.9).withTemperature(0.8))
                .isEqualTo(new DecodingOptions(false, 0.8, 5, 0.9));
    }

    @Test
    void optionsPrintOnOneLineWithTheLimitsThatAreOn() {
        assertThat(DecodingOptions.defaults()).hasToString("DecodingOptions[sampling, temperature=1.0]");
        assertThat(DecodingOptions.greedyDecoding()).hasToString("DecodingOptions[greedy]");
        assertThat(DecodingOptions.greedyDecoding().withTemperature(0.5).withTopK(3))
                .hasToString("DecodingOptions[greedy, temperature=0.5, topK=3]");
        assertThat(DecodingOptions.sampling(0.8).withTopP(0.95))
                .hasToString("DecodingOptions[sampling, temperature=0.8, topP=0.95]");
        assertThat(DecodingOptions.sampling(0.7).withTopK(40).withTopP(0.9))
                .hasToString("DecodingOptions[sampling, temperature=0.7, topK=40, topP=0.9]");
    }

    static Stream<Arguments> badInputs() {
        DecodingOptions d = DecodingOptions.defaults();
        RandomGenerator rng = Rngs.seeded(0);
        LanguageModel wide = new LanguageModel() {
            @Override
            public int vocabularySize() {
                return 3;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                return new double[4];
            }
        };
        LogitsProcessor nan = (tokens, length, logits) -> logits[1] = Double.NaN;
        return Stream.of(
                Arguments.of("null model", (Runnable) () -> Decoder.generate(null, new int[0], 1, d, List.of(), rng),
                        NullPointerException.class, "model"),
                Arguments.of("null prompt", (Runnable) () -> Decoder.generate(CHAIN, null, 1, d, List.of(), rng),
                        NullPointerException.class, "prompt"),
                Arguments.of("null options", (Runnable) () -> Decoder.generate(CHAIN, new int[0], 1, null, List.of(), rng),
                        NullPointerException.class, "options"),
                Arguments.of("null processors", (Runnable) () -> Decoder.generate(CHAIN, new int[0], 1, d, null, rng),
                        NullPointerException.class, "processors"),
                Arguments.of("null rng", (Runnable) () -> Decoder.generate(CHAIN, new int[0], 1, d, List.of(), null),
                        NullPointerException.class, "rng"),
                Arguments.of("negative count", (Runnable) () -> Decoder.generate(CHAIN, new int[0], -1, d, List.of(), rng),
                        IllegalArgumentException.class, "maxNewTokens must be >= 0, got -1"),
                Arguments.of("count overflows", (Runnable) () -> Decoder.generate(CHAIN, new int[] {1}, Integer.MAX_VALUE, d, List.of(), rng),
                        IllegalArgumentException.class, "prompt.length + maxNewTokens must be <= 16777216, got 2147483648"),
                Arguments.of("count too large", (Runnable) () -> Decoder.generate(CHAIN, new int[0], Integer.MAX_VALUE, d, List.of(), rng),
                        IllegalArgumentException.class, "prompt.length + maxNewTokens must be <= 16777216, got 2147483647"),
                Arguments.of("null processor", (Runnable) () -> Decoder.generate(CHAIN, new int[0], 1, d, Arrays.asList((LogitsProcessor) null), rng),
                        NullPointerException.class, "processors[0]"),
                Arguments.of("prompt id", (Runnable) () -> Decoder.generate(CHAIN, new int[] {7}, 1, d, List.of(), rng),
                        IllegalArgumentException.class, "prompt[0] must be a token id in [0, 7), got 7"),
                Arguments.of("row width", (Runnable) () -> Decoder.generate(wide, new int[0], 1, d, List.of(), rng),
                        IllegalArgumentException.class, "model logits width must equal vocabularySize 3, got 4"),
                Arguments.of("NaN from processor", (Runnable) () -> Decoder.generate(CHAIN, new int[0], 1, d, List.of(nan), rng),
                        IllegalArgumentException.class, "logits[1] must be finite or -Infinity, got NaN"),
                Arguments.of("null logits", (Runnable) () -> Decoder.nextToken(null, d, rng),
                        NullPointerException.class, "logits"),
                Arguments.of("empty logits", (Runnable) () -> Decoder.nextToken(new double[0], d, rng),
                        IllegalArgumentException.class, "logits must not be empty"),
                Arguments.of("+Infinity logit", (Runnable) () -> Decoder.nextToken(new double[] {0, Double.POSITIVE_INFINITY}, d, rng),
                        IllegalArgumentException.class, "logits[1] must be finite or -Infinity, got Infinity"),
                Arguments.of("all masked", (Runnable) () -> Decoder.nextToken(new double[] {Double.NEGATIVE_INFINITY}, d, rng),
                        IllegalArgumentException.class, "logits must have at least one finite entry"),
                Arguments.of("null options (next)", (Runnable) () -> Decoder.nextToken(new double[] {0}, null, rng),
                        NullPointerException.class, "options"),
                Arguments.of("null rng (next)", (Runnable) () -> Decoder.nextToken(new double[] {0}, d, null),
                        NullPointerException.class, "rng"),
                Arguments.of("temperature 0", (Runnable) () -> DecodingOptions.sampling(0),
                        IllegalArgumentException.class, "temperature must be finite and > 0, got 0.0"),
                Arguments.of("temperature NaN", (Runnable) () -> d.withTemperature(Double.NaN),
                        IllegalArgumentException.class, "temperature must be finite and > 0, got NaN"),
                Arguments.of("topK negative", (Runnable) () -> d.withTopK(-1),
                        IllegalArgumentException.class, "topK must be >= 0, got -1"),
                Arguments.of("topP 0", (Runnable) () -> d.withTopP(0),
                        IllegalArgumentException.class, "topP must be in (0.0, 1.0], got 0.0"),
                Arguments.of("topP NaN", (Runnable) () -> d.withTopP(Double.NaN),
                        IllegalArgumentException.class, "topP must be in (0.0, 1.0], got NaN"));
    }

    /** Records what the decoder asks of a session, and answers as {@link #CHAIN} would. */
    private static final class RecordingModel implements LanguageModel {
        final List<String> calls = new ArrayList<>();

        @Override
        public int vocabularySize() {
            return CHAIN.vocabularySize();
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            calls.add("prefix " + length);
            return CHAIN.nextTokenLogits(tokens, length);
        }

        @Override
        public DecodingSession newSession() {
            DecodingSession inner = LanguageModel.super.newSession();
            calls.add("open");
            return new DecodingSession() {
                @Override
                public int length() {
                    return inner.length();
                }

                @Override
                public void append(int[] tokens) {
                    calls.add("append " + Arrays.toString(tokens));
                    inner.append(tokens);
                }

                @Override
                public double[] nextTokenLogits() {
                    calls.add("next");
                    return inner.nextTokenLogits();
                }

                @Override
                public void close() {
                    calls.add("close");
                    inner.close();
                }
            };
        }
    }

    @Test
    void generationAppendsThePromptOnceThenOneTokenPerStepThroughOneSession() {
        RecordingModel model = new RecordingModel();
        int[] out = Decoder.generate(model, new int[] {1, 2}, 3, DecodingOptions.greedyDecoding(), List.of(), Rngs.seeded(1));

        assertThat(out).containsExactly(Decoder.generate(CHAIN, new int[] {1, 2}, 3, DecodingOptions.greedyDecoding(),
                List.of(), Rngs.seeded(1)));
        assertThat(model.calls).containsExactly("open", "append [1, 2]", "next", "prefix 2",
                "append [" + out[0] + "]", "next", "prefix 3", "append [" + out[1] + "]", "next", "prefix 4", "close");
    }

    @Test
    void theDefaultSessionRemembersTheContextAndRefusesUseAfterClose() {
        DecodingSession session = CHAIN.newSession();
        assertThat(session.length()).isZero();
        session.append(new int[] {4});
        session.append(new int[0]);
        session.append(new int[] {5, 6});
        assertThat(session.length()).isEqualTo(3);
        assertThat(session.nextTokenLogits()).containsExactly(CHAIN.nextTokenLogits(new int[] {4, 5, 6}));
        assertThatThrownBy(() -> session.append(new int[] {7})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens[0] must be a token id in [0, 7), got 7");
        assertThatThrownBy(() -> session.append(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("tokens");
        session.close();
        session.close();
        assertThatThrownBy(session::nextTokenLogits).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void forwardGivesTheRowAfterEveryPrefixAsFloats() {
        float[][] rows = CHAIN.forward(new int[] {3, 0, 6});
        assertThat(rows).hasNumberOfRows(3);
        for (int i = 0; i < 3; i++) {
            double[] expected = CHAIN.nextTokenLogits(new int[] {3, 0, 6}, i + 1);
            for (int j = 0; j < 7; j++) {
                assertThat(rows[i][j]).isEqualTo((float) expected[j]);
            }
        }
        assertThatThrownBy(() -> CHAIN.forward(new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens must not be empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
