package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyedSchemeTest {

    private static final WatermarkKey KEY = WatermarkKey.of(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    @Test
    void sipHashMatchesTheReferenceVectors() {
        // vectors_sip64 of the SipHash reference code, key 00..0f, message 00 01 .. (n-1): n = 0, 4, 8, 12, 16, 24.
        int[] message = {0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c, 0x13121110, 0x17161514};
        long[] expected = {0x726fdb47dd0e0e31L, 0xcf2794e0277187b7L, 0x93f5f5799a932462L, 0x751e8fbc860ee5fbL,
            0x3f2acc7f57c29bdbL, 0xb8ad50c6f649af94L};
        int[] counts = {0, 1, 2, 3, 4, 6};
        for (int i = 0; i < counts.length; i++) {
            assertThat(SipHash.hash(KEY.k0(), KEY.k1(), message, 0, counts[i])).as("n=%d bytes", 4 * counts[i])
                    .isEqualTo(expected[i]);
        }
        int[] shifted = {99, 0x03020100, 0x07060504};
        assertThat(SipHash.hash(KEY.k0(), KEY.k1(), shifted, 1, 2)).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void plainGreenFractionIsGammaWithinFourStandardErrors() {
        KeyedScheme s = WatermarkScheme.keyed(KEY, 1, false, 50_000, 0.25, 2.0);
        RandomGenerator rng = Rngs.seeded(1);
        long green = 0;
        int contexts = 20;
        for (int c = 0; c < contexts; c++) {
            green += s.greenList(new int[] {rng.nextInt(50_000)}).length;
        }
        double n = contexts * 50_000.0;
        double se = Math.sqrt(n * 0.25 * 0.75);
        assertThat(Math.abs(green - 0.25 * n)).isLessThan(4 * se);
    }

    @Test
    void exactSizeListsHaveExactlyKDistinctMembers() {
        for (int v : new int[] {2, 3, 100, 1000, 50_257, 65_536, 65_537}) {
            KeyedScheme s = WatermarkScheme.keyedExactSize(KEY, 2, false, v, 0.5, 2.0);
            int[] green = s.greenList(new int[] {1 % v, 0});
            assertThat(green).hasSize(v / 2).doesNotHaveDuplicates();
            assertThat(Arrays.stream(green).allMatch(t -> t >= 0 && t < v)).isTrue();
        }
    }

    @Test
    void membershipAgreesWithTheListForBothVariants() {
        RandomGenerator rng = Rngs.seeded(2);
        for (boolean exact : new boolean[] {false, true}) {
            for (boolean salted : new boolean[] {false, true}) {
                KeyedScheme s = exact ? WatermarkScheme.keyedExactSize(KEY, 3, salted, 3001, 0.3, 2.0)
                        : WatermarkScheme.keyed(KEY, 3, salted, 3001, 0.3, 2.0);
                for (int trial = 0; trial < 5; trial++) {
                    int[] window = rng.ints(3, 0, 3001).toArray();
                    boolean[] inList = new boolean[3001];
                    for (int t : s.greenList(window)) {
                        inList[t] = true;
                    }
                    for (int t = 0; t < 3001; t++) {
                        assertThat(s.isGreen(window, t)).isEqualTo(inList[t]);
                    }
                }
            }
        }
    }

    @Test
    void anotherKeyOrContextGivesAnotherList() {
        KeyedScheme a = WatermarkScheme.keyed(KEY, 1, false, 1000, 0.25, 2.0);
        KeyedScheme b = WatermarkScheme.keyed(WatermarkKey.of(1, 2), 1, false, 1000, 0.25, 2.0);
        assertThat(a.greenList(new int[] {5})).isNotEqualTo(b.greenList(new int[] {5}));
        assertThat(a.greenList(new int[] {5})).isNotEqualTo(a.greenList(new int[] {6}));
        assertThat(a.greenList(new int[] {5})).isEqualTo(a.greenList(new int[] {9, 5}));
    }

    @Test
    void keyNeverPrinted() {
        WatermarkKey key = WatermarkKey.random(Rngs.seeded(9));
        KeyedScheme s = WatermarkScheme.keyedExactSize(key, 4, true, 4096, 0.25, 2.0);
        String text = s.toString() + key + WatermarkDetector.of(s).detect(new int[] {1, 2, 3, 4, 5, 6});
        assertThat(text).doesNotContain(Long.toString(key.k0())).doesNotContain(Long.toHexString(key.k0()))
                .doesNotContain(Long.toString(key.k1())).contains("hidden");
        assertThat(s.name()).isEqualTo("keyed-exact-h4-selfsalt");
        assertThat(s.exactSize()).isTrue();
        assertThat(s.toString()).isEqualTo("KeyedScheme[keyed-exact-h4-selfsalt: V=4096, gamma=0.25 (k=1024), "
                + "delta=2.0, h=4, self-salted, |G| = k exactly, key hidden]");
        assertThat(s.withDelta(1.0)).isNotEqualTo(s);
        assertThat(s.withDelta(2.0)).isEqualTo(s).hasSameHashCodeAs(s);
    }

    @Test
    void underTheNullHypothesisDetectionIsCalibrated() {
        // Random text against a keyed scheme: z has mean 0 and variance 1 (each token green w.p. gamma).
        WatermarkDetector d = WatermarkDetector.of(WatermarkScheme.keyed(KEY, 1, false, 50_000, 0.25, 2.0));
        RandomGenerator rng = Rngs.seeded(4);
        int n = 400;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double z = d.detect(rng.ints(200, 0, 50_000).toArray()).zScore();
            sum += z;
            sumSq += z * z;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertThat(Math.abs(mean)).isLessThan(4 / Math.sqrt(n));
        assertThat(Math.abs(variance - 1)).isLessThan(4 * Math.sqrt(2.0 / n));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Runnable) () -> WatermarkScheme.keyed(null, 1, false, 100, 0.25, 2.0), NullPointerException.class, "key"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyed(KEY, 0, false, 100, 0.25, 2.0), IllegalArgumentException.class, "contextWidth"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyed(KEY, 1, false, 0, 0.25, 2.0), IllegalArgumentException.class, "vocabularySize"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyedExactSize(KEY, 1, false, 100, 1.0, 2.0), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyedExactSize(KEY, 1, false, 100, 0.25, Double.NaN), IllegalArgumentException.class, "delta"),
                Arguments.of((Runnable) () -> WatermarkKey.random(null), NullPointerException.class, "rng"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyed(KEY, 2, false, 100, 0.25, 2.0).isGreen(new int[] {1}, 1), IllegalArgumentException.class, "seedWindow.length"),
                Arguments.of((Runnable) () -> WatermarkScheme.keyed(KEY, 1, false, 100, 0.25, 2.0).withDelta(-2), IllegalArgumentException.class, "delta"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
