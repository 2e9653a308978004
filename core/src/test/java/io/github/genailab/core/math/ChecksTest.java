package io.github.genailab.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksTest {

    @Test
    void failBuildsTheLibraryMessageShape() {
        assertThat(Checks.fail("gamma", "be in (0, 1)", 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gamma must be in (0, 1), got 1.5");
        assertThat(Checks.fail("tokenLogProbs[17]", "be finite and <= 0", Double.NaN))
                .hasMessage("tokenLogProbs[17] must be finite and <= 0, got NaN");
        assertThat(Checks.fail("k", "be > 0", -3)).hasMessage("k must be > 0, got -3");
        assertThat(Checks.fail("x", "be small", Float.POSITIVE_INFINITY)).hasMessage("x must be small, got Infinity");
    }

    @Test
    void validValuesPassThroughUnchanged() {
        double[] d = {0.5, -1};
        int[] ids = {0, 2};
        assertThat(Checks.notNull("s", "s")).isEqualTo("s");
        assertThat(Checks.positive(3, "n")).isEqualTo(3);
        assertThat(Checks.positive(0.25, "x")).isEqualTo(0.25);
        assertThat(Checks.nonNegative(0, "n")).isZero();
        assertThat(Checks.nonNegative(0.0, "x")).isZero();
        assertThat(Checks.finite(-7.5, "x")).isEqualTo(-7.5);
        assertThat(Checks.inOpenInterval(0.5, 0, 1, "x")).isEqualTo(0.5);
        assertThat(Checks.inLeftOpenInterval(1, 0, 1, "x")).isEqualTo(1);
        assertThat(Checks.inClosedInterval(0, 0, 1, "x")).isZero();
        assertThat(Checks.inRange(5, 1, 5, "n")).isEqualTo(5);
        assertThat(Checks.nonEmpty(d, "d")).isSameAs(d);
        assertThat(Checks.nonEmpty(ids, "ids")).isSameAs(ids);
        assertThat(Checks.allFinite(d, "d")).isSameAs(d);
        assertThat(Checks.allFinite(new float[] {1f}, "f")).containsExactly(1f);
        assertThat(Checks.logProbabilities(new double[] {0, -0.0, -3}, "lp")).hasSize(3);
        assertThat(Checks.tokenIds(ids, 3, "ids")).isSameAs(ids);
        assertThat(Checks.finiteMatrix(new double[][] {{1, 2}, {3, 4}}, "m")).isEqualTo(2);
        assertThat(Checks.finiteMatrix(new float[][] {{1, 2, 3}}, "m")).isEqualTo(3);
        Checks.sameLength(2, 2, "a", "b");
    }

    static Stream<Arguments> numericChecks() {
        return Stream.of(
                Arguments.of("positive", (DoubleConsumer) v -> Checks.positive(v, "x")),
                Arguments.of("nonNegative", (DoubleConsumer) v -> Checks.nonNegative(v, "x")),
                Arguments.of("finite", (DoubleConsumer) v -> Checks.finite(v, "x")),
                Arguments.of("inOpenInterval", (DoubleConsumer) v -> Checks.inOpenInterval(v, 0, 1, "x")),
                Arguments.of("inLeftOpenInterval", (DoubleConsumer) v -> Checks.inLeftOpenInterval(v, 0, 1, "x")),
                Arguments.of("inClosedInterval", (DoubleConsumer) v -> Checks.inClosedInterval(v, 0, 1, "x")),
                Arguments.of("allFinite", (DoubleConsumer) v -> Checks.allFinite(new double[] {v}, "x")),
                Arguments.of("allFinite float", (DoubleConsumer) v -> Checks.allFinite(new float[] {(float) v}, "x")),
                Arguments.of("logProbabilities", (DoubleConsumer) v -> Checks.logProbabilities(new double[] {v}, "x")),
                Arguments.of("finiteMatrix", (DoubleConsumer) v -> Checks.finiteMatrix(new double[][] {{v}}, "x")),
                Arguments.of("finiteMatrix float",
                        (DoubleConsumer) v -> Checks.finiteMatrix(new float[][] {{(float) v}}, "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericChecks")
    void nanFailsEveryNumericCheckAndTheMessageNamesTheParameterAndValue(String name, DoubleConsumer check) {
        assertThatThrownBy(() -> check.accept(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x").hasMessageContaining(" must ").hasMessageEndingWith("got NaN");
        assertThatThrownBy(() -> check.accept(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x").hasMessageEndingWith("got Infinity");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of((Runnable) () -> Checks.notNull(null, "model"), NullPointerException.class,
                        "model must not be null"),
                Arguments.of((Runnable) () -> Checks.positive(0, "n"), IllegalArgumentException.class, "n must be > 0, got 0"),
                Arguments.of((Runnable) () -> Checks.positive(-0.0, "t"), IllegalArgumentException.class,
                        "t must be finite and > 0, got -0.0"),
                Arguments.of((Runnable) () -> Checks.nonNegative(-1, "k"), IllegalArgumentException.class,
                        "k must be >= 0, got -1"),
                Arguments.of((Runnable) () -> Checks.nonNegative(-1e-300, "x"), IllegalArgumentException.class,
                        "x must be finite and >= 0, got -1.0E-300"),
                Arguments.of((Runnable) () -> Checks.inOpenInterval(1, 0, 1, "gamma"), IllegalArgumentException.class,
                        "gamma must be in (0.0, 1.0), got 1.0"),
                Arguments.of((Runnable) () -> Checks.inLeftOpenInterval(0, 0, 1, "p"), IllegalArgumentException.class,
                        "p must be in (0.0, 1.0], got 0.0"),
                Arguments.of((Runnable) () -> Checks.inClosedInterval(1.5, 0, 1, "q"), IllegalArgumentException.class,
                        "q must be in [0.0, 1.0], got 1.5"),
                Arguments.of((Runnable) () -> Checks.inRange(6, 1, 5, "order"), IllegalArgumentException.class,
                        "order must be in [1, 5], got 6"),
                Arguments.of((Runnable) () -> Checks.nonEmpty(new double[0], "d"), IllegalArgumentException.class,
                        "d must not be empty, got length 0"),
                Arguments.of((Runnable) () -> Checks.nonEmpty((double[]) null, "d"), NullPointerException.class,
                        "d must not be null"),
                Arguments.of((Runnable) () -> Checks.nonEmpty(new int[0], "ids"), IllegalArgumentException.class,
                        "ids must not be empty, got length 0"),
                Arguments.of((Runnable) () -> Checks.allFinite(new double[] {1, Double.NEGATIVE_INFINITY}, "v"),
                        IllegalArgumentException.class, "v[1] must be finite, got -Infinity"),
                Arguments.of((Runnable) () -> Checks.logProbabilities(new double[] {-1, 0.5}, "tokenLogProbs"),
                        IllegalArgumentException.class, "tokenLogProbs[1] must be finite and <= 0, got 0.5"),
                Arguments.of((Runnable) () -> Checks.logProbabilities(new double[] {Double.NEGATIVE_INFINITY}, "lp"),
                        IllegalArgumentException.class, "lp[0] must be finite and <= 0, got -Infinity"),
                Arguments.of((Runnable) () -> Checks.tokenIds(new int[] {0, 5}, 5, "ids"), IllegalArgumentException.class,
                        "ids[1] must be a token id in [0, 5), got 5"),
                Arguments.of((Runnable) () -> Checks.tokenIds(new int[] {-1}, 5, "ids"), IllegalArgumentException.class,
                        "ids[0] must be a token id in [0, 5), got -1"),
                Arguments.of((Runnable) () -> Checks.tokenIds(null, 5, "ids"), NullPointerException.class, "ids"),
                Arguments.of((Runnable) () -> Checks.sameLength(2, 3, "a", "b"), IllegalArgumentException.class,
                        "a and b must have the same length, got 2 and 3"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new double[0][], "m"), IllegalArgumentException.class,
                        "m must have at least one row, got 0 rows"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new double[][] {{}}, "m"), IllegalArgumentException.class,
                        "m must have at least one column, got 0 columns"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new double[][] {{1, 2}, {3}}, "m"),
                        IllegalArgumentException.class, "m[1] must have 2 columns like row 0, got 1"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new double[][] {{1}, null}, "m"),
                        NullPointerException.class, "m[1]"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new double[][] {{1, 2}, {3, Double.NaN}}, "m"),
                        IllegalArgumentException.class, "m[1][1] must be finite, got NaN"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new float[0][], "f"), IllegalArgumentException.class,
                        "f must have at least one row, got 0 rows"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new float[][] {{}}, "f"), IllegalArgumentException.class,
                        "f must have at least one column, got 0 columns"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix(new float[][] {{1}, {2, 3}}, "f"),
                        IllegalArgumentException.class, "f[1] must have 1 columns like row 0, got 2"),
                Arguments.of((Runnable) () -> Checks.finiteMatrix((float[][]) null, "f"), NullPointerException.class, "f"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("failures")
    void failuresHaveTheExactMessage(Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
