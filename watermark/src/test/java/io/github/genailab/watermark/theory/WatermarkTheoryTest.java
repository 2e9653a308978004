package io.github.genailab.watermark.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WatermarkTheoryTest {

    @ParameterizedTest
    @CsvSource({"0.25, 1, 0.475", "0.25, 2, 0.711", "0.25, 5, 0.980", "0.5, 1, 0.731", "0.5, 2, 0.881", "0.5, 5, 0.993"})
    void coefficientTableOfTheReferenceNotes(double gamma, double delta, double c) {
        assertThat(WatermarkTheory.coefficient(gamma, delta)).isCloseTo(c, within(0.0005));
    }

    @Test
    void expectedZAtFullEntropyMatchesThePaperExample() {
        assertThat(WatermarkTheory.bound(0.25, 2, 200, 1.0).expectedZ()).isCloseTo(15.1, within(0.05));
        assertThat(WatermarkTheory.bound(0.5, 2, 200, 1.0).expectedZ()).isCloseTo(10.8, within(0.05));
        TheoremBound b = WatermarkTheory.bound(0.25, 2, 200, 0.8);
        assertThat(b.expectedGreenFraction()).isCloseTo(0.8 * b.coefficient(), within(1e-15));
        assertThat(b.varianceBound()).isCloseTo(200 * b.expectedGreenFraction() * (1 - b.expectedGreenFraction()),
                within(1e-9));
        assertThat(b.toString()).startsWith("TheoremBound[gamma=0.25, delta=2.0, T=200, S*=0.800: c=0.711");
    }

    @Test
    void tokensNeededGoldenValues() {
        assertThat(WatermarkTheory.tokensNeeded(0.25, 0.5, 4)).isEqualTo(48);
        assertThat(WatermarkTheory.tokensNeeded(0.5, 0.6, 4)).isEqualTo(401);
        // fully green: gamma = 0.5 reaches z = 4 at T = 16 (z = sqrt(T)); gamma = 0.25 at T = 6 (z = sqrt(3T))
        assertThat(WatermarkTheory.tokensNeeded(0.5, 1.0, 4)).isEqualTo(16);
        assertThat(WatermarkTheory.tokensNeeded(0.25, 1.0, 4)).isEqualTo(6);
    }

    @Test
    void hardListLimitsAndTheModulusMatchTheReferenceFormula() {
        assertThat(WatermarkTheory.modulus(0.25, Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(WatermarkTheory.coefficient(0.25, Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(WatermarkTheory.coefficient(0.25, 0)).isCloseTo(0.25, within(1e-15));
        double alpha = Math.exp(2.0);
        assertThat(WatermarkTheory.modulus(0.25, 2.0)).isCloseTo(0.75 * (alpha - 1) / (1 + (alpha - 1) * 0.25),
                within(1e-15));
    }

    @Test
    void spikeEntropyLimits() {
        double z = WatermarkTheory.modulus(0.25, 2.0);
        double[] uniform = new double[100_000];
        Arrays.fill(uniform, 1e-5);
        assertThat(WatermarkTheory.spikeEntropy(uniform, z)).isCloseTo(1.0, within(1e-4));
        assertThat(WatermarkTheory.spikeEntropy(new double[] {0, 1, 0}, z)).isCloseTo(1 / (1 + z), within(1e-15));
        double[] logits = {0, 0, 0, 0};
        assertThat(WatermarkTheory.spikeEntropyOfLogits(logits, 0.25, 2.0)).isCloseTo(1 / (1 + z / 4), within(1e-15));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropy(null, 1), NullPointerException.class, "probabilities"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropy(new double[0], 1), IllegalArgumentException.class, "probabilities"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropy(new double[] {0.5, 1.5}, 1), IllegalArgumentException.class, "probabilities[1]"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropy(new double[] {Double.NaN}, 1), IllegalArgumentException.class, "probabilities[0]"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropy(new double[] {1}, -1), IllegalArgumentException.class, "modulus"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropyOfLogits(null, 0.25, 2), NullPointerException.class, "logits"),
                Arguments.of((Runnable) () -> WatermarkTheory.spikeEntropyOfLogits(new double[] {Double.NaN}, 0.25, 2), IllegalArgumentException.class, "logits[0]"),
                Arguments.of((Runnable) () -> WatermarkTheory.modulus(1.5, 2), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkTheory.coefficient(0.25, Double.NaN), IllegalArgumentException.class, "delta"),
                Arguments.of((Runnable) () -> WatermarkTheory.coefficient(0.25, -1), IllegalArgumentException.class, "delta"),
                Arguments.of((Runnable) () -> WatermarkTheory.bound(0.25, 2, 0, 1), IllegalArgumentException.class, "tokens"),
                Arguments.of((Runnable) () -> WatermarkTheory.bound(0.25, 2, 10, 1.5), IllegalArgumentException.class, "meanSpikeEntropy"),
                Arguments.of((Runnable) () -> WatermarkTheory.tokensNeeded(0.25, 0.25, 4), IllegalArgumentException.class, "greenFraction"),
                Arguments.of((Runnable) () -> WatermarkTheory.tokensNeeded(0.25, 1.5, 4), IllegalArgumentException.class, "greenFraction"),
                Arguments.of((Runnable) () -> WatermarkTheory.tokensNeeded(0, 0.5, 4), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkTheory.tokensNeeded(0.25, 0.5, 0), IllegalArgumentException.class, "zThreshold"),
                Arguments.of((Runnable) () -> WatermarkTheory.tokensNeeded(0.25, 0.25 + 1e-12, 4), IllegalArgumentException.class, "greenFraction"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
