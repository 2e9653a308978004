package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BaselinesTest {

    /** TV1 (docs/membership-conventions.md): loss and perplexity as the reference prints them. */
    @Test
    void tv1LossAndPerplexity() {
        assertThat(Baselines.loss(MinKProbTest.TV1)).isEqualTo(1.4049999999999998);
        assertThat(Baselines.perplexity(MinKProbTest.TV1)).isEqualTo(4.075526741267526);
        assertThat(Baselines.lossScore(MinKProbTest.TV1)).isEqualTo(-1.4049999999999998);
    }

    /** TV2 and src/test/python/golden.py: Python's zlib.compress lengths (Python 3.11.2, zlib 1.2.13). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|8", "The quick brown fox jumps over the lazy dog.|51",
        "Grüße, 世界! 🙂 naïve café|45"})
    void tv2ZlibLengthsMatchPython(String text, int expected) {
        assertThat(Baselines.zlibLength(text)).isEqualTo(expected);
    }

    @Test
    void zlibLengthsOfLongRepetitiveTextsMatchPython() {
        assertThat(Baselines.zlibLength("a".repeat(1000))).isEqualTo(17);
        assertThat(Baselines.zlibLength("To be, or not to be, that is the question:\n".repeat(20))).isEqualTo(55);
        assertThat(Baselines.zlibLength("x".repeat(200_000))).isLessThan(1_000);
    }

    /** TV2: the reference stores L / Z = 0.027549019607843134; the effective statistic is its negation. */
    @Test
    void tv2ZlibScoreIsTheNegatedReferenceValue() {
        assertThat(Baselines.zlibScore(MinKProbTest.TV1, "The quick brown fox jumps over the lazy dog."))
                .isEqualTo(-0.027549019607843134);
    }

    @Test
    void lowercaseAndReferenceScoresRiseWhenTheTextLooksMemorised() {
        double[] easy = {-0.5, -0.5};
        double[] hard = {-2.0, -2.0};
        assertThat(Baselines.lowercaseScore(easy, hard)).isEqualTo(4.0);
        assertThat(Baselines.lowercaseScore(hard, easy)).isEqualTo(0.25);
        assertThat(Baselines.referenceScore(easy, hard)).isEqualTo(1.5);
        assertThat(Baselines.referenceScore(hard, easy)).isEqualTo(-1.5);
        assertThat(Baselines.referenceScore(easy, new double[] {-2, -2, -2, -2})).isEqualTo(1.5);
    }

    static Stream<Arguments> badInputs() {
        double[] ok = {-1, -2};
        return Stream.of(
                MinKProbTest.bad("loss null", () -> Baselines.loss(null), NullPointerException.class, "tokenLogProbs"),
                MinKProbTest.bad("loss empty", () -> Baselines.loss(new double[0]), IllegalArgumentException.class,
                        "tokenLogProbs must not be empty"),
                MinKProbTest.bad("loss NaN", () -> Baselines.loss(new double[] {Double.NaN}), IllegalArgumentException.class,
                        "tokenLogProbs[0] must be finite and <= 0, got NaN"),
                MinKProbTest.bad("perplexity positive", () -> Baselines.perplexity(new double[] {0.1}),
                        IllegalArgumentException.class, "tokenLogProbs[0]"),
                MinKProbTest.bad("zlib text null", () -> Baselines.zlibScore(ok, null), NullPointerException.class, "text"),
                MinKProbTest.bad("zlibLength null", () -> Baselines.zlibLength(null), NullPointerException.class, "text"),
                MinKProbTest.bad("lowercase null", () -> Baselines.lowercaseScore(ok, null), NullPointerException.class,
                        "lowercaseTokenLogProbs"),
                MinKProbTest.bad("lowercase infinite", () -> Baselines.lowercaseScore(ok, new double[] {Double.NEGATIVE_INFINITY}),
                        IllegalArgumentException.class, "lowercaseTokenLogProbs[0]"),
                MinKProbTest.bad("lowercase zero loss", () -> Baselines.lowercaseScore(new double[] {0, -0.0}, ok),
                        IllegalArgumentException.class, "loss of tokenLogProbs must be > 0 for the lowercase ratio, got 0.0"),
                MinKProbTest.bad("reference empty", () -> Baselines.referenceScore(ok, new double[0]),
                        IllegalArgumentException.class, "referenceTokenLogProbs must not be empty"),
                MinKProbTest.bad("reference null", () -> Baselines.referenceScore(ok, null), NullPointerException.class,
                        "referenceTokenLogProbs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(String name, ThrowingCallable call, Class<? extends Throwable> type,
                                           String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
