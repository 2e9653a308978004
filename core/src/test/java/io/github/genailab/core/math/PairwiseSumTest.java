package io.github.genailab.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PairwiseSumTest {

    /** The LCG stream of golden_core.py: {@code x = (u - 1/2) 2^e}, exact in Java and Python. */
    static double[] lcgValues(long seed, int count) {
        long state = seed;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u = (state >>> 11) * 0x1.0p-53;
            int e = (int) ((state >>> 58) & 15) - 8;
            out[i] = Math.scalb(u - 0.5, e);
        }
        return out;
    }

    @Test
    void tv3PairwiseMeanIsExactWhereNaiveSummationIsNot() {
        // TV3 of docs/membership-conventions.md: the 10 lowest of 20 log-probs; numpy's mean gives 1.55
        double[] logProbs = {-0.9, -0.2, -1.3, -0.7, -0.1, -4.2, -0.7, -0.05, -1.1, -0.3, -0.05, -0.3, -0.2, -0.3,
            -1.3, -1.3, -3.7, -0.3, -0.3, -0.1};
        double[] lowest = Arrays.copyOf(logProbs.clone(), logProbs.length);
        Arrays.sort(lowest);
        lowest = Arrays.copyOf(lowest, 10);
        double naive = 0;
        for (double v : lowest) {
            naive += v;
        }
        assertThat(-PairwiseSum.mean(lowest)).isEqualTo(1.55);
        assertThat(-naive / lowest.length).isEqualTo(1.5500000000000003);
    }

    @Test
    void sumsAndMeansEqualNumpyBitForBitForEveryLengthUpTo1000AndLargeOnes() throws IOException {
        List<String[]> golden;
        try (InputStream in = PairwiseSumTest.class.getResourceAsStream("pairwise_sums.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).map(l -> l.split(" ")).toList();
        }
        double[] a = lcgValues(42, 1_000_000);
        assertThat(golden).hasSize(1010);
        for (String[] g : golden) {
            int n = Integer.parseInt(g[0]);
            double[] prefix = Arrays.copyOf(a, n);
            assertThat(PairwiseSum.sum(prefix)).as("sum n=%d", n).isEqualTo(Double.parseDouble(g[1]));
            assertThat(PairwiseSum.sum(a, 0, n)).as("range sum n=%d", n).isEqualTo(Double.parseDouble(g[1]));
            assertThat(PairwiseSum.mean(prefix)).as("mean n=%d", n).isEqualTo(Double.parseDouble(g[2]));
        }
    }

    @Test
    void rangeSumsDoNotDependOnTheOffset() {
        double[] a = lcgValues(7, 300);
        double[] shifted = new double[305];
        System.arraycopy(a, 0, shifted, 5, 300);
        assertThat(PairwiseSum.sum(shifted, 5, 300)).isEqualTo(PairwiseSum.sum(a));
    }

    @Test
    void zeroSumsArePositiveZeroAsInNumpyAndInputIsNotModified() {
        assertThat(Double.doubleToRawLongBits(PairwiseSum.sum(new double[0]))).isZero();
        assertThat(Double.doubleToRawLongBits(PairwiseSum.sum(new double[] {-0.0, -0.0}))).isZero();
        double[] a = {3, 1, 2};
        PairwiseSum.sum(a);
        assertThat(a).containsExactly(3, 1, 2);
    }

    static Stream<Arguments> badInputs() {
        double[] a = {1, 2, 3};
        return Stream.of(
                Arguments.of("sum null", (Runnable) () -> PairwiseSum.sum(null), NullPointerException.class, "values"),
                Arguments.of("range null", (Runnable) () -> PairwiseSum.sum(null, 0, 0), NullPointerException.class,
                        "values"),
                Arguments.of("mean null", (Runnable) () -> PairwiseSum.mean(null), NullPointerException.class, "values"),
                Arguments.of("mean empty", (Runnable) () -> PairwiseSum.mean(new double[0]),
                        IllegalArgumentException.class, "values must not be empty"),
                Arguments.of("negative from", (Runnable) () -> PairwiseSum.sum(a, -1, 1),
                        IllegalArgumentException.class, "from=-1"),
                Arguments.of("negative length", (Runnable) () -> PairwiseSum.sum(a, 0, -1),
                        IllegalArgumentException.class, "length=-1"),
                Arguments.of("past the end", (Runnable) () -> PairwiseSum.sum(a, 2, 2),
                        IllegalArgumentException.class, "must lie within values (length 3), got from=2, length=2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
