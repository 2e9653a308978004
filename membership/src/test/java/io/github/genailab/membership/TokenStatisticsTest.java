package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenStatisticsTest {

    /** A context-dependent toy model: the logits depend on the previous token. */
    static final class ToyModel implements LanguageModel {
        private final double[][] table;

        ToyModel(RandomGenerator rng, int vocabularySize) {
            table = new double[vocabularySize][vocabularySize];
            for (double[] row : table) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 2 * rng.nextGaussian();
                }
            }
        }

        @Override
        public int vocabularySize() {
            return table.length;
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            return table[tokens[length - 1]].clone();
        }
    }

    @Test
    void aLanguageModelScoresPositionsOneToNMinusOneAgainstTheirPrefix() {
        ToyModel model = new ToyModel(Rngs.seeded(1), 12);
        int[] tokens = {3, 7, 7, 0, 11, 5};
        TokenStatistics s = TokenStatistics.of(model, tokens);
        double[][] rows = new double[tokens.length - 1][];
        int[] targets = new int[tokens.length - 1];
        for (int i = 1; i < tokens.length; i++) {
            rows[i - 1] = model.nextTokenLogits(tokens, i);
            targets[i - 1] = tokens[i];
        }
        assertThat(s).isEqualTo(TokenStatistics.fromLogits(rows, targets));
        assertThat(s.size()).isEqualTo(5);
        double[] fromInterface = model.tokenLogProbs(tokens);
        for (int i = 0; i < fromInterface.length; i++) {
            assertThat(s.logProbs()[i]).isCloseTo(fromInterface[i], within(1e-13));
        }
    }

    @Test
    void muAndSigmaAreTheMeanAndStandardDeviationOfLogPUnderTheDistribution() {
        double[] logits = {1.5, -0.25, 0.0, 3.0, -2.0};
        TokenStatistics s = TokenStatistics.fromLogits(new double[][] {logits}, new int[] {2});
        double lse = Math.log(Arrays.stream(logits).map(Math::exp).sum());
        double mu = 0;
        double second = 0;
        for (double x : logits) {
            double lp = x - lse;
            mu += Math.exp(lp) * lp;
            second += Math.exp(lp) * lp * lp;
        }
        assertThat(s.logProbs()[0]).isCloseTo(0.0 - lse, within(1e-14));
        assertThat(s.mu()[0]).isCloseTo(mu, within(1e-14));
        assertThat(s.sigma()[0]).isCloseTo(Math.sqrt(second - mu * mu), within(1e-13));
    }

    @Test
    void maskedTokensHaveProbabilityZero() {
        double inf = Double.NEGATIVE_INFINITY;
        TokenStatistics masked = TokenStatistics.fromLogits(new double[][] {{1, inf, 0.5, inf}}, new int[] {0});
        TokenStatistics plain = TokenStatistics.fromLogits(new double[][] {{1, 0.5}}, new int[] {0});
        assertThat(masked).isEqualTo(plain);
    }

    /** Both float kernels: the portable one and, with the module enabled (as in this build), the Vector API one. */
    static Stream<Arguments> floatKernels() {
        return Stream.of(Arguments.of("portable", (Supplier<FloatRowKernel>) FloatLogitRows::new),
                Arguments.of("default", (Supplier<FloatRowKernel>) FloatRowKernel::create));
    }

    @Test
    void theVectorKernelIsTheDefaultWhenItsModuleIsEnabled() {
        assertThat(FloatRowKernel.vectorApiAvailable()).as("surefire runs with --add-modules jdk.incubator.vector").isTrue();
        assertThat(FloatRowKernel.create().getClass().getSimpleName()).isEqualTo("VectorLogitRows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void theFloatPathAgreesWithTheExactPath(String name, Supplier<FloatRowKernel> kernel) {
        RandomGenerator rng = Rngs.seeded(42);
        int[] vocabularies = {1, 2, 511, 512, 513, 1500, 50_257};
        for (int vocabularySize : vocabularies) {
            float[][] logits = new float[6][vocabularySize];
            int[] targets = new int[6];
            for (int i = 0; i < logits.length; i++) {
                double scale = new double[] {0.01, 1, 3, 10, 40, 100}[i];
                for (int j = 0; j < vocabularySize; j++) {
                    logits[i][j] = (float) (scale * rng.nextGaussian() + 5);
                }
                targets[i] = rng.nextInt(vocabularySize);
            }
            assertFloatMatchesExact(kernel.get(), logits, targets);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void theFloatPathHandlesPeakedMaskedAndChunkAlignedRows(String name, Supplier<FloatRowKernel> kernel) {
        float inf = Float.NEGATIVE_INFINITY;
        float[] peaked = new float[2000];
        Arrays.fill(peaked, -30f);
        peaked[1234] = 25f;
        float[] masked = new float[1100];
        for (int j = 0; j < masked.length; j++) {
            masked[j] = j < 600 ? inf : (float) Math.sin(j);
        }
        float[] lateMaximum = new float[1024];
        for (int j = 0; j < lateMaximum.length; j++) {
            lateMaximum[j] = j * 0.05f;
        }
        assertFloatMatchesExact(kernel.get(), new float[][] {peaked, peaked}, new int[] {1234, 3});
        assertFloatMatchesExact(kernel.get(), new float[][] {masked}, new int[] {700});
        assertFloatMatchesExact(kernel.get(), new float[][] {lateMaximum, lateMaximum}, new int[] {0, 1023});
    }

    /**
     * Near-deterministic rows have sigma around 1e-5: the far tail must keep its tiny weights (a floor
     * at 43.5 nats below the maximum once distorted such a sigma by 76%).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void theFloatPathKeepsSigmaOfNearDeterministicRowsRelativelyAccurate(String name, Supplier<FloatRowKernel> kernel) {
        RandomGenerator rng = Rngs.seeded(7);
        float[][] logits = new float[24][50_257];
        double[][] wide = new double[24][50_257];
        int[] targets = new int[24];
        for (int i = 0; i < logits.length; i++) {
            boolean confident = i % 2 == 0; // one token 40 nats above a N(0, 3^2) crowd
            for (int j = 0; j < logits[i].length; j++) {
                logits[i][j] = (float) ((confident ? 3 : 30) * rng.nextGaussian());
            }
            if (confident) {
                logits[i][i] = 40f;
            }
            for (int j = 0; j < logits[i].length; j++) {
                wide[i][j] = logits[i][j];
            }
            targets[i] = rng.nextInt(50_257);
        }
        TokenStatistics fast = TokenStatistics.fromLogits(logits, targets, kernel.get());
        TokenStatistics exact = TokenStatistics.fromLogits(wide, targets);
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < targets.length; i++) {
            smallest = Math.min(smallest, exact.sigma()[i]);
            assertThat(fast.sigma()[i]).as("row %d", i).isCloseTo(exact.sigma()[i], within(1e-4 * exact.sigma()[i]));
        }
        assertThat(smallest).isLessThan(1e-3);
    }

    /**
     * Rows whose raw moments about the maximum cancel: a nearly flat crowd a little below one top
     * token (S2 / M2 up to about 1 + V). The Vector API kernel must notice and take its second pass
     * about the mean; sigma then keeps float accuracy.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void rowsWhoseRawMomentsCancelKeepSigmaAccurate(String name, Supplier<FloatRowKernel> kernel) {
        RandomGenerator rng = Rngs.seeded(11);
        double[] gaps = {0.5, 1, 3, 6, 9, 0, 0};
        double[] spreads = {1e-4, 1e-4, 1e-3, 1e-2, 1e-4, 1e-3, 0.3};
        float[][] logits = new float[gaps.length][50_257];
        double[][] wide = new double[gaps.length][50_257];
        int[] targets = new int[gaps.length];
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < logits[i].length; j++) {
                logits[i][j] = (float) (spreads[i] * rng.nextGaussian() - 2);
            }
            logits[i][100 + i] += (float) gaps[i];
            for (int j = 0; j < logits[i].length; j++) {
                wide[i][j] = logits[i][j];
            }
            targets[i] = 100 + i;
        }
        TokenStatistics fast = TokenStatistics.fromLogits(logits, targets, kernel.get());
        TokenStatistics exact = TokenStatistics.fromLogits(wide, targets);
        for (int i = 0; i < targets.length; i++) {
            assertThat(fast.sigma()[i]).as("sigma row %d", i).isCloseTo(exact.sigma()[i], within(1e-6 * exact.sigma()[i]));
            assertThat(fast.mu()[i]).as("mu row %d", i).isCloseTo(exact.mu()[i], within(1e-7 * (1 + Math.abs(exact.mu()[i]))));
            assertThat(fast.logProbs()[i]).as("log p row %d", i)
                    .isCloseTo(exact.logProbs()[i], within(1e-7 * (1 + Math.abs(exact.logProbs()[i]))));
        }
    }

    private static void assertFloatMatchesExact(FloatRowKernel kernel, float[][] logits, int[] targets) {
        double[][] wide = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            wide[i] = new double[logits[i].length];
            for (int j = 0; j < wide[i].length; j++) {
                wide[i][j] = logits[i][j];
            }
        }
        TokenStatistics fast = TokenStatistics.fromLogits(logits, targets, kernel);
        TokenStatistics exact = TokenStatistics.fromLogits(wide, targets);
        for (int i = 0; i < targets.length; i++) {
            double l = exact.logProbs()[i];
            double mu = exact.mu()[i];
            double sigma = exact.sigma()[i];
            assertThat(fast.logProbs()[i]).as("log p row %d of %d", i, logits[i].length)
                    .isCloseTo(l, within(1e-6 * (1 + Math.abs(l))));
            assertThat(fast.mu()[i]).as("mu row %d of %d", i, logits[i].length)
                    .isCloseTo(mu, within(1e-6 * (1 + Math.abs(mu))));
            assertThat(fast.sigma()[i]).as("sigma row %d of %d", i, logits[i].length)
                    .isCloseTo(sigma, within(1e-6 * (1 + sigma)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void uniformRowsGiveExactlyZeroSigmaOnBothPaths(String name, Supplier<FloatRowKernel> kernel) {
        float[] flat = new float[50_257];
        Arrays.fill(flat, 3.25f);
        TokenStatistics fast = TokenStatistics.fromLogits(new float[][] {flat}, new int[] {99}, kernel.get());
        assertThat(fast.sigma()).containsExactly(0.0);
        assertThat(fast.logProbs()[0]).isEqualTo(fast.mu()[0]).isCloseTo(-Math.log(50_257), within(1e-12));
        TokenStatistics single = TokenStatistics.fromLogits(new float[][] {{7f}}, new int[] {0}, kernel.get());
        assertThat(single.logProbs()).containsExactly(0.0);
        assertThat(single.sigma()).containsExactly(0.0);
        double[] flatDouble = new double[3];
        Arrays.fill(flatDouble, -1.0 / 3);
        TokenStatistics exact = TokenStatistics.fromLogits(new double[][] {flatDouble}, new int[] {1});
        assertThat(exact.sigma()[0]).isZero();
        assertThat(exact.logProbs()[0]).isEqualTo(exact.mu()[0]);
    }

    @Test
    void recordCopiesArraysAndPrintsOneLine() {
        double[] l = {-1, -2, -0.5};
        TokenStatistics s = TokenStatistics.of(l);
        l[0] = -9;
        assertThat(s.logProbs()[0]).isEqualTo(-1.0);
        s.logProbs()[1] = -9;
        assertThat(s.logProbs()[1]).isEqualTo(-2.0);
        assertThat(s.hasDistribution()).isFalse();
        assertThat(s.mu()).isNull();
        assertThat(s.toString()).isEqualTo("TokenStatistics[3 tokens, loss 1.1667, min log p -2.0000, log-probs only]");
        assertThat(s).isEqualTo(TokenStatistics.of(new double[] {-1, -2, -0.5})).hasSameHashCodeAs(
                TokenStatistics.of(new double[] {-1, -2, -0.5}));
        assertThat(s.minK(0.34)).isEqualTo(-2.0);
        assertThat(s.loss()).isCloseTo(3.5 / 3, within(1e-15));
        assertThatThrownBy(() -> s.minKPlusPlus(0.5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs mu and sigma");
    }

    static Stream<Arguments> badInputs() {
        double[][] ok = {{1, 2}, {0, 0}};
        float[][] okFloat = {{1, 2}, {0, 0}};
        LanguageModel model = new ToyModel(Rngs.seeded(2), 4);
        return Stream.of(
                MinKProbTest.bad("record null", () -> new TokenStatistics(null, null, null), NullPointerException.class,
                        "logProbs"),
                MinKProbTest.bad("record empty", () -> TokenStatistics.of(new double[0]), IllegalArgumentException.class,
                        "logProbs must not be empty"),
                MinKProbTest.bad("record half", () -> new TokenStatistics(new double[] {-1}, new double[] {-1}, null),
                        IllegalArgumentException.class, "mu and sigma must be both present or both null"),
                MinKProbTest.bad("record mu length", () -> new TokenStatistics(new double[] {-1}, new double[0], new double[0]),
                        IllegalArgumentException.class, "logProbs and mu must have the same length, got 1 and 0"),
                MinKProbTest.bad("record sigma NaN",
                        () -> new TokenStatistics(new double[] {-1}, new double[] {-1}, new double[] {Double.NaN}),
                        IllegalArgumentException.class, "sigma[0] must be finite and >= 0, got NaN"),
                MinKProbTest.bad("logits null", () -> TokenStatistics.fromLogits((double[][]) null, new int[0]),
                        NullPointerException.class, "logits"),
                MinKProbTest.bad("targets null", () -> TokenStatistics.fromLogits(ok, null), NullPointerException.class,
                        "targets"),
                MinKProbTest.bad("no rows", () -> TokenStatistics.fromLogits(new double[0][], new int[0]),
                        IllegalArgumentException.class, "logits must have at least one row"),
                MinKProbTest.bad("no columns", () -> TokenStatistics.fromLogits(new float[][] {{}}, new int[] {0}),
                        IllegalArgumentException.class, "logits must have at least one column"),
                MinKProbTest.bad("row null", () -> TokenStatistics.fromLogits(new double[][] {{1}, null}, new int[] {0, 0}),
                        NullPointerException.class, "logits[1]"),
                MinKProbTest.bad("ragged", () -> TokenStatistics.fromLogits(new float[][] {{1, 2}, {1}}, new int[] {0, 0}),
                        IllegalArgumentException.class, "logits[1] must have 2 columns like row 0, got 1"),
                MinKProbTest.bad("length mismatch", () -> TokenStatistics.fromLogits(ok, new int[] {0}),
                        IllegalArgumentException.class, "logits and targets must have the same length, got 2 and 1"),
                MinKProbTest.bad("target range", () -> TokenStatistics.fromLogits(okFloat, new int[] {0, 2}),
                        IllegalArgumentException.class, "targets[1] must be a token id in [0, 2), got 2"),
                MinKProbTest.bad("NaN logit", () -> TokenStatistics.fromLogits(new double[][] {{1, Double.NaN}}, new int[] {0}),
                        IllegalArgumentException.class, "logits[0][1] must be finite or -Infinity, got NaN"),
                MinKProbTest.bad("NaN float logit", () -> TokenStatistics.fromLogits(new float[][] {{1, 2}, {0, Float.NaN}},
                        new int[] {0, 0}), IllegalArgumentException.class, "logits[1][1] must be finite or -Infinity, got NaN"),
                MinKProbTest.bad("+inf float logit", () -> TokenStatistics.fromLogits(new float[][] {{Float.POSITIVE_INFINITY}},
                        new int[] {0}), IllegalArgumentException.class, "logits[0][0] must be finite or -Infinity"),
                MinKProbTest.bad("all -inf", () -> TokenStatistics.fromLogits(new float[][] {{Float.NEGATIVE_INFINITY}},
                        new int[] {0}), IllegalArgumentException.class, "logits[0] must have at least one finite entry"),
                MinKProbTest.bad("target -inf", () -> TokenStatistics.fromLogits(
                        new double[][] {{1, Double.NEGATIVE_INFINITY}}, new int[] {1}), IllegalArgumentException.class,
                        "logits[0][1] must be finite (the target token must have probability > 0), got -Infinity"),
                MinKProbTest.bad("float target -inf", () -> TokenStatistics.fromLogits(
                        new float[][] {{1, Float.NEGATIVE_INFINITY}}, new int[] {1}), IllegalArgumentException.class,
                        "logits[0][1] must be finite"),
                MinKProbTest.bad("model null", () -> TokenStatistics.of(null, new int[] {0, 1}), NullPointerException.class,
                        "model"),
                MinKProbTest.bad("one token", () -> TokenStatistics.of(model, new int[] {1}), IllegalArgumentException.class,
                        "tokens.length must be >= 2"),
                MinKProbTest.bad("token range", () -> TokenStatistics.of(model, new int[] {1, 4}),
                        IllegalArgumentException.class, "tokens[1] must be a token id in [0, 4), got 4"));
    }

    /** Each kernel finds and names the bad entry, in the lane-wise part of a row and in its tail. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("floatKernels")
    void bothFloatKernelsRejectBadRowsNamingTheEntry(String name, Supplier<FloatRowKernel> kernel) {
        for (int bad : new int[] {3, 37, 39}) {
            for (float value : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                float[][] logits = new float[2][40];
                logits[1][bad] = value;
                assertThatThrownBy(() -> TokenStatistics.fromLogits(logits, new int[] {0, 0}, kernel.get()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("logits[1][" + bad + "] must be finite or -Infinity, got " + value);
            }
        }
        float[][] masked = new float[1][40];
        Arrays.fill(masked[0], Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> TokenStatistics.fromLogits(masked, new int[] {0}, kernel.get()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logits[0] must have at least one finite entry");
        masked[0][5] = 1f;
        assertThatThrownBy(() -> TokenStatistics.fromLogits(masked, new int[] {38}, kernel.get()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logits[0][38] must be finite (the target token must have probability > 0)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(String name, ThrowingCallable call, Class<? extends Throwable> type,
                                           String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
