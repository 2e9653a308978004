package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MinKProbTest {

    /** TV1 of docs/membership-conventions.md, 'Test vectors'. */
    static final double[] TV1 = {-0.1, -2.3, -0.05, -4.0, -1.2, -0.7, -3.1, -0.2, -0.9, -1.5};

    /** TV1: the reference stores -MinK; this method returns MinK (higher = member), so negate. */
    @ParameterizedTest
    @CsvSource({"0.1, 4.0", "0.2, 3.55", "0.3, 3.133333333333333", "0.4, 2.7249999999999996",
        "0.5, 2.4199999999999995", "0.6, 2.1666666666666665"})
    void tv1ReproducesTheReferenceStoredValuesBitForBit(double k, double storedByReference) {
        assertThat(-MinKProb.score(TV1, k)).isEqualTo(storedByReference);
    }

    @Test
    void tv1AtFivePercentSelectsNoTokenInTheReferenceAndOneTokenHere() {
        MinKScore lenient = MinKProb.compute(TV1, 0.05, MinKOptions.defaults());
        assertThat(lenient.score()).isEqualTo(-4.0);
        assertThat(lenient.tokensUsed()).isEqualTo(1);
        assertThat(lenient.roundedUp()).isTrue();
        assertThat(lenient.toString()).isEqualTo(
                "Min-K% 5%: -4.0000 (mean of 1 lowest of 10 tokens; int(N*k) = 0, rounded up to 1)");
        assertThatThrownBy(() -> MinKProb.compute(TV1, 0.05, MinKOptions.strict()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must select at least one of the 10 scored tokens "
                        + "(reference rule int(N * k) gives 0 for N = 10), got 0.05");
    }

    /** TV3: pairwise summation gives the reference's 1.55 where naive summation gives 1.5500000000000003. */
    @Test
    void tv3PairwiseSummationMatchesNumpyWhereNaiveSummationDoesNot() {
        double[] l = {-0.9, -0.2, -1.3, -0.7, -0.1, -4.2, -0.7, -0.05, -1.1, -0.3, -0.05, -0.3, -0.2, -0.3, -1.3,
            -1.3, -3.7, -0.3, -0.3, -0.1};
        assertThat(-MinKProb.score(l, 0.5)).isEqualTo(1.55);
        double[] lowest = Arrays.copyOf(l.clone(), l.length);
        Arrays.sort(lowest);
        double naive = 0;
        for (int i = 0; i < 10; i++) {
            naive += lowest[i];
        }
        assertThat(-naive / 10).isEqualTo(1.5500000000000003);
    }

    /** TV6: truncation in double precision, float artefacts included. */
    @ParameterizedTest
    @CsvSource({"90, 0.7, 62", "170, 0.7, 118", "19, 0.05, 0", "20, 0.05, 1", "10, 0.3, 3", "1, 1.0, 1"})
    void tv6TruncatesTheDoubleProductLikePythonInt(int n, double k, int expected) {
        assertThat(KRounding.truncatedCount(n, k)).isEqualTo(expected);
        assertThat(KRounding.AT_LEAST_ONE.tokenCount(n, k)).isEqualTo(Math.max(1, expected));
    }

    @Test
    void ninetyTokensAtSeventyPercentAverageSixtyTwoNotSixtyThree() {
        double[] l = new double[90];
        for (int i = 0; i < l.length; i++) {
            l[i] = -i;
        }
        MinKScore s = MinKProb.compute(l, 0.7, MinKOptions.defaults());
        assertThat(s.tokensUsed()).isEqualTo(62);
        assertThat(s.score()).isEqualTo(-(89 + 28) / 2.0);
    }

    /** 240 random sequences (a third with ties) x 11 ratios from src/test/python/golden.py: bit-exact. */
    @Test
    void matchesTheNumpyReferenceBitForBitOnRandomSequences() {
        List<String> lines = GoldenFiles.lines("minkprob-golden.txt");
        double[] ratios = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        int compared = 0;
        int undefined = 0;
        for (String line : lines) {
            String[] parts = line.split("\\|");
            double[] head = GoldenFiles.doubles(parts[0]);
            double[] values = Arrays.copyOfRange(head, 1, head.length);
            double[] expected = GoldenFiles.doubles(parts[1]);
            assertThat(values).hasSize((int) head[0]);
            for (int r = 0; r < ratios.length; r++) {
                if (Double.isNaN(expected[r])) {
                    undefined++;
                    assertThat(KRounding.truncatedCount(values.length, ratios[r])).isZero();
                    double lowest = Arrays.stream(values).min().orElseThrow();
                    assertThat(MinKProb.score(values, ratios[r])).isEqualTo(lowest);
                } else {
                    compared++;
                    assertThat(-MinKProb.score(values, ratios[r])).as("line %s ratio %s", line.substring(0, 20), ratios[r])
                            .isEqualTo(expected[r]);
                }
            }
        }
        assertThat(compared).isGreaterThan(2500);
        assertThat(undefined).isPositive();
    }

    @Test
    void atKEqualToOneMinKIsTheMeanLogProbabilityAndMinusTheLoss() {
        RandomGenerator rng = Rngs.seeded(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] l = randomLogProbs(rng, 1 + rng.nextInt(300));
            assertThat(MinKProb.score(l, 1.0)).isCloseTo(-Baselines.loss(l), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void isNonDecreasingInKAndBoundedByTheMinimumAndTheMean() {
        RandomGenerator rng = Rngs.seeded(11);
        for (int trial = 0; trial < 50; trial++) {
            double[] l = randomLogProbs(rng, 1 + rng.nextInt(200));
            double min = Arrays.stream(l).min().orElseThrow();
            double previous = Double.NEGATIVE_INFINITY;
            for (double k = 0.05; k <= 1.0; k += 0.05) {
                double s = MinKProb.score(l, k);
                assertThat(s).isGreaterThanOrEqualTo(previous - 1e-12).isGreaterThanOrEqualTo(min - 1e-12);
                previous = s;
            }
            assertThat(previous).isLessThanOrEqualTo(Arrays.stream(l).average().orElseThrow() + 1e-12);
        }
    }

    @Test
    void doesNotModifyItsInput() {
        double[] l = TV1.clone();
        MinKProb.score(l, 0.3);
        assertThat(l).containsExactly(TV1);
    }

    static double[] randomLogProbs(RandomGenerator rng, int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = -rng.nextExponential() * 2;
        }
        return l;
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("null", () -> MinKProb.score(null, 0.2), NullPointerException.class, "tokenLogProbs"),
                bad("empty", () -> MinKProb.score(new double[0], 0.2), IllegalArgumentException.class, "tokenLogProbs"),
                bad("NaN", () -> MinKProb.score(new double[] {-1, Double.NaN}, 0.2), IllegalArgumentException.class,
                        "tokenLogProbs[1] must be finite and <= 0, got NaN"),
                bad("-inf", () -> MinKProb.score(new double[] {Double.NEGATIVE_INFINITY}, 0.2),
                        IllegalArgumentException.class, "tokenLogProbs[0]"),
                bad("positive", () -> MinKProb.score(new double[] {-1, 0.5}, 0.2), IllegalArgumentException.class,
                        "tokenLogProbs[1] must be finite and <= 0, got 0.5"),
                bad("k = 0", () -> MinKProb.score(TV1, 0), IllegalArgumentException.class, "k must be in (0.0, 1.0]"),
                bad("k > 1", () -> MinKProb.score(TV1, 1.5), IllegalArgumentException.class, "k must be in (0.0, 1.0], got 1.5"),
                bad("k NaN", () -> MinKProb.score(TV1, Double.NaN), IllegalArgumentException.class, "k must be"),
                bad("options null", () -> MinKProb.compute(TV1, 0.2, null), NullPointerException.class, "options"),
                bad("options rounding null", () -> new MinKOptions(null, ZeroSigma.NEUTRAL), NullPointerException.class,
                        "rounding"),
                bad("options zeroSigma null", () -> MinKOptions.defaults().withZeroSigma(null),
                        NullPointerException.class, "zeroSigma"),
                bad("count N = 0", () -> KRounding.truncatedCount(0, 0.5), IllegalArgumentException.class,
                        "scoredTokens"),
                bad("count k > 1", () -> KRounding.STRICT.tokenCount(10, 2), IllegalArgumentException.class, "k must"));
    }

    static Arguments bad(String name, ThrowingCallable call, Class<? extends Throwable> type, String message) {
        return Arguments.of(name, call, type, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(String name, ThrowingCallable call, Class<? extends Throwable> type,
                                           String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
