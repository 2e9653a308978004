package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinKPlusPlusTest {

    /**
     * TV7 (docs/membership-conventions.md): logits [2, 1, 0, -1], target 1, and logits [3, -2, 0.5, 0.1],
     * target 0 (numpy float64).
     */
    @Test
    void tv7StandardizedScoresMatchTheReference() {
        TokenStatistics s = TokenStatistics.fromLogits(new double[][] {{2, 1, 0, -1}, {3, -2, 0.5, 0.1}}, new int[] {1, 0});
        assertThat(s.logProbs()[0]).isCloseTo(-1.4401896985611953, within(1e-15));
        assertThat(s.mu()[0]).isCloseTo(-0.9475369639754255, within(1e-15));
        assertThat(s.sigma()[0] * s.sigma()[0]).isCloseTo(0.616586274855508, within(1e-15));
        double[] z = MinKPlusPlus.standardized(s.logProbs(), s.mu(), s.sigma(), ZeroSigma.REJECT);
        assertThat(z[0]).isCloseTo(-0.6273992153439274, within(1e-15));
        assertThat(z[1]).isCloseTo(0.37156839129450175, within(1e-15));
        assertThat(MinKPlusPlus.score(s.logProbs(), s.mu(), s.sigma(), 0.5)).isCloseTo(-0.6273992153439274, within(1e-15));
        assertThat(MinKPlusPlus.score(s.logProbs(), s.mu(), s.sigma(), 1.0))
                .isCloseTo((-0.6273992153439274 + 0.37156839129450175) / 2, within(1e-15));
    }

    /** TV7: uniform logits give sigma = 0, which the reference turns into NaN. */
    @Test
    void tv7UniformLogitsGiveZeroSigmaHandledExplicitly() {
        TokenStatistics s = TokenStatistics.fromLogits(new double[][] {{0, 0, 0, 0}, {2, 1, 0, -1}}, new int[] {2, 1});
        assertThat(s.sigma()[0]).isZero();
        assertThat(s.logProbs()[0]).isEqualTo(s.mu()[0]).isEqualTo(-Math.log(4));
        MinKScore neutral = MinKPlusPlus.compute(s.logProbs(), s.mu(), s.sigma(), 1.0, MinKOptions.defaults());
        assertThat(neutral.score()).isCloseTo(-0.6273992153439274 / 2, within(1e-15));
        assertThat(neutral.zeroSigmaTokens()).isEqualTo(1);
        assertThat(neutral.toString()).contains("Min-K%++ 100%").contains("1 with sigma = 0");
        assertThatThrownBy(() -> MinKPlusPlus.compute(s.logProbs(), s.mu(), s.sigma(), 1.0, MinKOptions.strict()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sigma[0] must be > 0 (ZeroSigma.REJECT), got 0.0");
    }

    /** 100 random cases from src/test/python/golden.py (MKPP formula in float64). */
    @Test
    void matchesTheReferenceFormulaOnRandomLogits() {
        List<String> lines = GoldenFiles.lines("minkplusplus-golden.txt");
        double[] ratios = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        int line = 0;
        int cases = 0;
        while (line < lines.size()) {
            int[] shape = GoldenFiles.ints(lines.get(line++));
            double[][] logits = new double[shape[0]][];
            for (int i = 0; i < shape[0]; i++) {
                logits[i] = GoldenFiles.doubles(lines.get(line++));
            }
            int[] targets = GoldenFiles.ints(lines.get(line++));
            double[] logProbs = GoldenFiles.doubles(lines.get(line++));
            double[] mu = GoldenFiles.doubles(lines.get(line++));
            double[] sigma = GoldenFiles.doubles(lines.get(line++));
            double[] scores = GoldenFiles.doubles(lines.get(line++));
            TokenStatistics s = TokenStatistics.fromLogits(logits, targets);
            for (int i = 0; i < targets.length; i++) {
                assertThat(s.logProbs()[i]).isCloseTo(logProbs[i], within(1e-13));
                assertThat(s.mu()[i]).isCloseTo(mu[i], within(1e-13));
                assertThat(s.sigma()[i]).isCloseTo(sigma[i], Percentage.withPercentage(1e-10));
            }
            for (int r = 0; r < ratios.length; r++) {
                if (!Double.isNaN(scores[r])) {
                    assertThat(s.minKPlusPlus(ratios[r])).isCloseTo(scores[r], within(1e-11 * (1 + Math.abs(scores[r]))));
                }
            }
            cases++;
        }
        assertThat(cases).isEqualTo(100);
    }

    /** A context-free model has the same mu and sigma at every position: same ranking as Min-K%. */
    @Test
    void withConstantMuAndSigmaRanksTextsOfEqualLengthExactlyAsMinK() {
        RandomGenerator rng = Rngs.seeded(5);
        double mu = -3.2;
        double sigma = 1.7;
        double[] minK = new double[40];
        double[] minKpp = new double[40];
        for (int text = 0; text < minK.length; text++) {
            double[] l = MinKProbTest.randomLogProbs(rng, 30);
            double[] m = new double[30];
            double[] s = new double[30];
            Arrays.fill(m, mu);
            Arrays.fill(s, sigma);
            minK[text] = MinKProb.score(l, 0.2);
            minKpp[text] = MinKPlusPlus.score(l, m, s, 0.2);
            assertThat(minKpp[text]).isCloseTo((minK[text] - mu) / sigma, within(1e-12));
        }
        for (int a = 0; a < minK.length; a++) {
            for (int b = 0; b < minK.length; b++) {
                assertThat(Double.compare(minK[a], minK[b])).isEqualTo(Double.compare(minKpp[a], minKpp[b]));
            }
        }
    }

    static Stream<Arguments> badInputs() {
        double[] l = {-1, -2};
        double[] mu = {-1.5, -1.5};
        double[] sigma = {0.5, 0.5};
        return Stream.of(
                MinKProbTest.bad("null log-probs", () -> MinKPlusPlus.score(null, mu, sigma, 0.5), NullPointerException.class,
                        "tokenLogProbs"),
                MinKProbTest.bad("null mu", () -> MinKPlusPlus.score(l, null, sigma, 0.5), NullPointerException.class, "mu"),
                MinKProbTest.bad("null sigma", () -> MinKPlusPlus.score(l, mu, null, 0.5), NullPointerException.class,
                        "sigma"),
                MinKProbTest.bad("empty", () -> MinKPlusPlus.score(new double[0], new double[0], new double[0], 0.5),
                        IllegalArgumentException.class, "tokenLogProbs"),
                MinKProbTest.bad("mu length", () -> MinKPlusPlus.score(l, new double[] {-1}, sigma, 0.5),
                        IllegalArgumentException.class, "tokenLogProbs and mu must have the same length, got 2 and 1"),
                MinKProbTest.bad("sigma length", () -> MinKPlusPlus.score(l, mu, new double[] {1, 1, 1}, 0.5),
                        IllegalArgumentException.class, "tokenLogProbs and sigma must have the same length"),
                MinKProbTest.bad("NaN log-prob", () -> MinKPlusPlus.score(new double[] {-1, Double.NaN}, mu, sigma, 0.5),
                        IllegalArgumentException.class, "tokenLogProbs[1]"),
                MinKProbTest.bad("positive mu", () -> MinKPlusPlus.score(l, new double[] {-1, 1}, sigma, 0.5),
                        IllegalArgumentException.class, "mu[1] must be finite and <= 0, got 1.0"),
                MinKProbTest.bad("negative sigma", () -> MinKPlusPlus.score(l, mu, new double[] {-0.1, 1}, 0.5),
                        IllegalArgumentException.class, "sigma[0] must be finite and >= 0, got -0.1"),
                MinKProbTest.bad("infinite sigma", () -> MinKPlusPlus.score(l, mu, new double[] {1, Double.POSITIVE_INFINITY}, 0.5),
                        IllegalArgumentException.class, "sigma[1]"),
                MinKProbTest.bad("subnormal sigma", () -> MinKPlusPlus.score(l, mu, new double[] {Double.MIN_VALUE, 1}, 0.5),
                        IllegalArgumentException.class, "sigma[0] must be 0 or large enough"),
                MinKProbTest.bad("k out of range", () -> MinKPlusPlus.score(l, mu, sigma, -0.5),
                        IllegalArgumentException.class, "k must be in (0.0, 1.0], got -0.5"),
                MinKProbTest.bad("null zeroSigma", () -> MinKPlusPlus.standardized(l, mu, sigma, null),
                        NullPointerException.class, "zeroSigma"),
                MinKProbTest.bad("null options", () -> MinKPlusPlus.compute(l, mu, sigma, 0.5, null),
                        NullPointerException.class, "options"),
                MinKProbTest.bad("strict, no token", () -> MinKPlusPlus.compute(l, mu, sigma, 0.1, MinKOptions.strict()),
                        IllegalArgumentException.class, "k must select at least one of the 2 scored tokens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(String name, ThrowingCallable call, Class<? extends Throwable> type,
                                           String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
