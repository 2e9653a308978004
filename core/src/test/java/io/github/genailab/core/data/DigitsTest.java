package io.github.genailab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled digits and their split. */
class DigitsTest {

    private static final Digits DIGITS = Digits.load();

    @Test
    void loadsTheBundledFile() {
        assertThat(DIGITS.size()).isEqualTo(1797);
        assertThat(DIGITS.toString())
                .isEqualTo("Digits[1797 images, per digit 0..9: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]]");
        // First row of digits.csv.gz (a 0).
        assertThat(DIGITS.pixels()[0]).startsWith(0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0);
        assertThat(DIGITS.labels()[0]).isZero();
        assertThat(DIGITS.labels()[1796]).isEqualTo(8);
        assertThat(Digits.NAMES).hasSize(10).startsWith("zero").endsWith("nine");
    }

    @Test
    void splitIsASeededPartition() {
        Digits.Split split = DIGITS.split(0.2, Rngs.seeded(1));
        assertThat(split.test().size()).isEqualTo(359);
        assertThat(split.train().size()).isEqualTo(1438);
        assertThat(DIGITS.split(0.2, Rngs.seeded(1))).isEqualTo(split);
        Set<String> rows = new HashSet<>();
        for (Digits part : List.of(split.train(), split.test())) {
            for (float[] row : part.pixels()) {
                rows.add(Arrays.toString(row));
            }
        }
        Set<String> all = new HashSet<>();
        for (float[] row : DIGITS.pixels()) {
            all.add(Arrays.toString(row));
        }
        assertThat(rows).isEqualTo(all);
    }

    @Test
    void arraysAreCopied() {
        float[][] pixels = DIGITS.pixels();
        pixels[0][0] = 16;
        assertThat(DIGITS.pixels()[0][0]).isZero();
        Digits two = DIGITS.subset(new int[] {5, 0});
        assertThat(two.labels()).containsExactly(DIGITS.labels()[5], 0);
        assertThat(two).isEqualTo(DIGITS.subset(new int[] {5, 0})).hasSameHashCodeAs(DIGITS.subset(new int[] {5, 0}));
    }

    static Stream<Arguments> badInputs() {
        float[][] one = {new float[64]};
        return Stream.of(
                bad(NullPointerException.class, "pixels", () -> new Digits(null, new int[1])),
                bad(IllegalArgumentException.class, "labels", () -> new Digits(new float[0][], new int[0])),
                bad(IllegalArgumentException.class, "pixels and labels", () -> new Digits(one, new int[2])),
                bad(IllegalArgumentException.class, "labels[0]", () -> new Digits(one, new int[] {10})),
                bad(IllegalArgumentException.class, "pixels[0]",
                        () -> new Digits(new float[][] {new float[63]}, new int[1])),
                bad(IllegalArgumentException.class, "pixels[0][3]",
                        () -> new Digits(new float[][] {grey(3, 17)}, new int[1])),
                bad(IllegalArgumentException.class, "pixels[0][5]",
                        () -> new Digits(new float[][] {grey(5, Float.NaN)}, new int[1])),
                bad(IllegalArgumentException.class, "indices[1]", () -> DIGITS.subset(new int[] {0, 1797})),
                bad(IllegalArgumentException.class, "indices", () -> DIGITS.subset(new int[0])),
                bad(IllegalArgumentException.class, "testFraction", () -> DIGITS.split(1.0, Rngs.seeded(1))),
                bad(IllegalArgumentException.class, "testFraction",
                        () -> DIGITS.subset(new int[] {0, 1}).split(0.1, Rngs.seeded(1))),
                bad(NullPointerException.class, "rng", () -> DIGITS.split(0.5, null)));
    }

    private static float[] grey(int index, float value) {
        float[] row = new float[64];
        row[index] = value;
        return row;
    }

    private static Arguments bad(Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(type, message, call);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void rejects(Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }
}
