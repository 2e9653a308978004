package io.github.genailab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalTailTest {

    /** One golden line: z, Q(z) and log Q(z) from mpmath at 60 digits (scipy's columns are not used). */
    private record Golden(double z, double upper, double logUpper) {
    }

    private static List<Golden> golden() throws IOException {
        try (InputStream in = NormalTailTest.class.getResourceAsStream("normal_tail.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#"))
                    .map(l -> l.split(" "))
                    .map(f -> new Golden(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])))
                    .toList();
        }
    }

    private static double relativeError(double actual, double expected) {
        return actual == expected ? 0 : Math.abs(actual - expected) / Math.abs(expected);
    }

    @Test
    void upperMatchesMpmathWithin1e15WhereverTheTailIsANormalDouble() throws IOException {
        double worst = 0;
        int checked = 0;
        for (Golden g : golden()) {
            if (g.upper() >= Double.MIN_NORMAL) {
                worst = Math.max(worst, relativeError(NormalTail.upper(g.z()), g.upper()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(worst).isLessThan(1e-15);
    }

    @Test
    void upperIsWithinOneSubnormalUlpBeyondZ37AndUnderflowsToZero() throws IOException {
        int subnormal = 0;
        for (Golden g : golden()) {
            if (g.upper() < Double.MIN_NORMAL) {
                assertThat(NormalTail.upper(g.z())).as("z = %s", g.z()).isCloseTo(g.upper(), within(Double.MIN_VALUE));
                subnormal++;
            }
        }
        assertThat(subnormal).isGreaterThan(10);
        assertThat(NormalTail.upper(38.0)).isPositive();
        assertThat(NormalTail.upper(39.0)).isZero();
    }

    @Test
    void logUpperMatchesMpmathWithin1e15ForEveryZ() throws IOException {
        double worst = 0;
        for (Golden g : golden()) {
            double actual = NormalTail.logUpper(g.z());
            if (g.logUpper() == 0) {
                assertThat(actual).as("z = %s", g.z()).isCloseTo(0.0, within(1e-300));
            } else {
                worst = Math.max(worst, relativeError(actual, g.logUpper()));
            }
        }
        assertThat(worst).isLessThan(1e-15);
    }

    @Test
    void knownValues() {
        assertThat(NormalTail.upper(0)).isEqualTo(0.5);
        // P(Z > 1.959963984540054) = 0.025 (the two-sided 5% critical value)
        assertThat(NormalTail.upper(1.959963984540054)).isCloseTo(0.025, within(1e-17));
        assertThat(NormalTail.upper(-1.959963984540054)).isCloseTo(0.975, within(1e-16));
        // the watermark paper's z = 4 threshold: 3.167124183311992e-05
        assertThat(NormalTail.upper(4)).isCloseTo(3.167124183311992e-05, within(1e-19));
        assertThat(NormalTail.logUpper(1e200)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void infinitiesGiveTheLimits() {
        assertThat(NormalTail.upper(Double.POSITIVE_INFINITY)).isZero();
        assertThat(NormalTail.upper(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
        assertThat(NormalTail.logUpper(Double.POSITIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalTail.logUpper(Double.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void tailsAreSymmetricAndMonotone() {
        double previous = 1.0;
        double previousLog = 0.0;
        for (double z = -45; z <= 45; z += 0.01) {
            double q = NormalTail.upper(z);
            assertThat(q + NormalTail.upper(-z)).as("z = %s", z).isCloseTo(1.0, within(2.3e-16));
            assertThat(q).as("z = %s", z).isLessThanOrEqualTo(previous);
            double lq = NormalTail.logUpper(z);
            assertThat(lq).as("z = %s", z).isLessThanOrEqualTo(previousLog);
            previous = q;
            previousLog = lq;
        }
    }

    static Stream<Arguments> functions() {
        return Stream.of(Arguments.of("upper", (DoubleUnaryOperator) NormalTail::upper),
                Arguments.of("logUpper", (DoubleUnaryOperator) NormalTail::logUpper));
    }

    @ParameterizedTest(name = "{0}(NaN)")
    @MethodSource("functions")
    void nanIsRejectedWithTheParameterName(String name, DoubleUnaryOperator f) {
        assertThatThrownBy(() -> f.applyAsDouble(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z must not be NaN, got NaN");
    }
}
