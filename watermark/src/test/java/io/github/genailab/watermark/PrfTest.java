package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.math.BigInteger;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrfTest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    @Test
    void hashintTableStartsAsTheReferences() {
        for (String[] f : GoldenVectors.records("table")) {
            assertThat(HashInt.entry(Integer.parseInt(f[0]))).isEqualTo(Integer.parseInt(f[1]));
        }
        assertThat(HashInt.entry(0)).isEqualTo(250534);
        assertThat(HashInt.of(1_000_003L)).isEqualTo(250535L);
        assertThat(HashInt.of(-1)).isEqualTo(HashInt.entry(1_000_002) + 1L);
    }

    @Test
    void everyPrfSeedMatchesTorchOnGoldenWindows() {
        List<String[]> records = GoldenVectors.records("prf");
        assertThat(records).hasSizeGreaterThan(600);
        for (String[] f : records) {
            Prf prf = Prf.fromReferenceName(f[0]);
            long key = Long.parseLong(f[1]);
            int h = Integer.parseInt(f[2]);
            int[] window = GoldenVectors.ints(f, 3, h);
            long expected = Long.parseUnsignedLong(f[3 + h]);
            assertThat(Long.toUnsignedString(prf.seed(window, key)))
                    .as("%s key=%d window=%s", prf, key, java.util.Arrays.toString(window))
                    .isEqualTo(Long.toUnsignedString(expected));
        }
    }

    @Test
    void selfhashGoldenPrfValuesFromTheReferenceNotes() {
        assertThat(Prf.ANCHORED_MINHASH.seed(new int[] {464, 3290, 318, 257}, 15_485_863L))
                .isEqualTo(2378882089459760714L);
        // PRF -6704710258928644033 is negative: Python's % (2^64 - 1) gives 11742033814780907582, i.e. v - 1.
        long seed = Prf.ANCHORED_MINHASH.seed(new int[] {20696, 6164, 9327, 13098}, 15_485_863L);
        assertThat(Long.toUnsignedString(seed)).isEqualTo("11742033814780907582");
        assertThat(seed).isEqualTo(-6704710258928644033L - 1);
    }

    @Test
    void exactProductModuloAgreesWithBigIntegerArithmetic() {
        RandomGenerator rng = Rngs.seeded(3);
        long[] specials = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 32, -(1L << 40)};
        for (int i = 0; i < 20_000; i++) {
            long key = i < 64 ? (i % 2 == 0 ? Long.MAX_VALUE : 15_485_863L) : rng.nextLong() >>> 1;
            long x = i < 64 ? specials[i % specials.length] : rng.nextLong() >> rng.nextInt(64);
            BigInteger exact = BigInteger.valueOf(key).multiply(BigInteger.valueOf(x)).mod(MODULUS);
            assertThat(Long.toUnsignedString(Prf.exactProductModulo(key, x))).as("key=%d x=%d", key, x)
                    .isEqualTo(exact.toString());
        }
    }

    @Test
    void pythonModuloMapsNegativesToVMinusOne() {
        for (long v : new long[] {0, 5, Long.MAX_VALUE, -1, -2, Long.MIN_VALUE, -6704710258928644033L}) {
            BigInteger expected = BigInteger.valueOf(v).mod(MODULUS);
            assertThat(Long.toUnsignedString(Prf.pythonModulo(v))).isEqualTo(expected.toString());
        }
    }

    @Test
    void namesRoundTrip() {
        for (Prf prf : Prf.values()) {
            assertThat(Prf.fromReferenceName(prf.referenceName())).isSameAs(prf);
            assertThat(prf.toString()).isEqualTo(prf.referenceName());
        }
        assertThat(Prf.MINSKIPGRAM.minimumContextWidth()).isEqualTo(2);
        assertThat(Prf.ADDITIVE.minimumContextWidth()).isEqualTo(1);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Runnable) () -> Prf.fromReferenceName("sha_prf"), IllegalArgumentException.class, "referenceName"),
                Arguments.of((Runnable) () -> Prf.fromReferenceName(null), NullPointerException.class, "referenceName"),
                Arguments.of((Runnable) () -> Prf.ADDITIVE.seed(null, 1), NullPointerException.class, "window"),
                Arguments.of((Runnable) () -> Prf.ADDITIVE.seed(new int[0], 1), IllegalArgumentException.class, "window.length"),
                Arguments.of((Runnable) () -> Prf.MINSKIPGRAM.seed(new int[] {3}, 1), IllegalArgumentException.class, "window.length"),
                Arguments.of((Runnable) () -> Prf.ADDITIVE.seed(new int[] {-4}, 1), IllegalArgumentException.class, "window[0]"),
                Arguments.of((Runnable) () -> Prf.ADDITIVE.seed(new int[] {4}, -1), IllegalArgumentException.class, "key"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
