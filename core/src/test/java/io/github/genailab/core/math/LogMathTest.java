package io.github.genailab.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogMathTest {

    @Test
    void smallValuesMatchTheDefinition() {
        double[] x = {0.5, -1.25, 2, 0};
        double direct = Math.log(Arrays.stream(x).map(Math::exp).sum());
        assertThat(LogMath.logSumExp(x)).isCloseTo(direct, within(1e-15));
        assertThat(LogMath.logSumExp(new double[] {3})).isEqualTo(3);
        assertThat(LogMath.logSumExp(new double[] {0, 0})).isEqualTo(Math.log(2));
    }

    @Test
    void hugeAndTinyLogitsDoNotOverflowOrUnderflow() {
        assertThat(LogMath.logSumExp(new double[] {1e308, 1e308})).isEqualTo(1e308); // + log 2 is below one ulp
        assertThat(LogMath.logSumExp(new double[] {1000, 1000})).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogMath.logSumExp(new double[] {-1000, -1000})).isCloseTo(-1000 + Math.log(2), within(1e-12));
        assertThat(LogMath.logSumExp(new double[] {-1e308, 0})).isZero();
        assertThat(LogMath.logSumExp(new double[] {1e308, -1e308})).isEqualTo(1e308);
        double[] p = LogMath.softmax(new double[] {1e308, 1e308 - 1e292, -1e308});
        assertThat(p[0]).isCloseTo(1, within(1e-15));
        assertThat(p[2]).isZero();
    }

    @Test
    void negativeInfinityEntriesContributeNothing() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertThat(LogMath.logSumExp(new double[] {ninf, 0, ninf})).isZero();
        double[] lp = LogMath.logSoftmax(new double[] {ninf, 1, 1});
        assertThat(lp[0]).isEqualTo(ninf);
        assertThat(lp[1]).isEqualTo(lp[2]).isCloseTo(-Math.log(2), within(1e-15));
        assertThat(LogMath.softmax(new double[] {ninf, 2, 2})).containsExactly(0, 0.5, 0.5);
    }

    @Test
    void softmaxSumsToOneAndLogSoftmaxIsItsLogarithmAndShiftInvariant() {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i) * 30;
        }
        double[] p = LogMath.softmax(x);
        double[] lp = LogMath.logSoftmax(x);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-13));
        double[] shifted = Arrays.stream(x).map(v -> v + 1e6).toArray();
        double[] lpShifted = LogMath.logSoftmax(shifted);
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.log(p[i])).isCloseTo(lp[i], within(1e-12));
            assertThat(lpShifted[i]).isCloseTo(lp[i], within(1e-8)); // 1e6 + x loses ~1e-10 of x
        }
        assertThat(x[1]).isEqualTo(Math.sin(1) * 30); // input untouched
    }

    @Test
    void rangeVersionReadsOnlyTheRange() {
        double[] x = {Double.NaN, 1, 2, Double.POSITIVE_INFINITY};
        assertThat(LogMath.logSumExp(x, 1, 2)).isEqualTo(LogMath.logSumExp(new double[] {1, 2}));
    }

    static Stream<Arguments> badInputs() {
        double ninf = Double.NEGATIVE_INFINITY;
        return Stream.of(
                Arguments.of("null", (Runnable) () -> LogMath.logSumExp(null), NullPointerException.class, "x"),
                Arguments.of("null range", (Runnable) () -> LogMath.logSumExp(null, 0, 1), NullPointerException.class, "x"),
                Arguments.of("empty", (Runnable) () -> LogMath.logSumExp(new double[0]), IllegalArgumentException.class,
                        "x must not be empty"),
                Arguments.of("NaN", (Runnable) () -> LogMath.logSumExp(new double[] {0, Double.NaN}),
                        IllegalArgumentException.class, "x[1] must be finite or -Infinity, got NaN"),
                Arguments.of("+Infinity", (Runnable) () -> LogMath.softmax(new double[] {Double.POSITIVE_INFINITY}),
                        IllegalArgumentException.class, "x[0] must be finite or -Infinity, got Infinity"),
                Arguments.of("all -Infinity", (Runnable) () -> LogMath.logSoftmax(new double[] {ninf, ninf}),
                        IllegalArgumentException.class, "x must have at least one finite entry, got all -Infinity"),
                Arguments.of("empty range", (Runnable) () -> LogMath.logSumExp(new double[] {1}, 0, 0),
                        IllegalArgumentException.class, "got from=0, length=0"),
                Arguments.of("range past end", (Runnable) () -> LogMath.logSumExp(new double[] {1}, 1, 1),
                        IllegalArgumentException.class, "within x (length 1), got from=1, length=1"),
                Arguments.of("negative from", (Runnable) () -> LogMath.logSumExp(new double[] {1}, -1, 1),
                        IllegalArgumentException.class, "got from=-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
