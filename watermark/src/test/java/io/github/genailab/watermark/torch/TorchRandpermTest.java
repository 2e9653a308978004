package io.github.genailab.watermark.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.BitSet;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TorchRandpermTest {

    @Test
    void randpermOfTenWithSeedOneIsTorchs() {
        // torch.randperm(10, generator=torch.Generator().manual_seed(1)) on CPU (torch 2.13 and 1.13).
        assertThat(TorchRandperm.randperm(10, 1)).containsExactly(5, 6, 1, 2, 0, 8, 9, 3, 7, 4);
        assertThat(TorchRandperm.of(10).permutation(1)).containsExactly(5, 6, 1, 2, 0, 8, 9, 3, 7, 4);
    }

    @Test
    void fastRemainderMatchesPlainModuloOnEveryForm() {
        RandomGenerator rng = Rngs.seeded(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rng.nextInt(trial < 20 ? 40 : 70_000);
            long seed = rng.nextLong();
            int[] expected = TorchRandperm.randperm(n, seed);
            TorchRandperm perm = TorchRandperm.of(n);
            assertThat(perm.permutation(seed)).isEqualTo(expected);
            int k = rng.nextInt(n + 1);
            assertThat(perm.prefix(seed, k)).isEqualTo(Arrays.copyOf(expected, k));
            assertThat(perm.suffix(seed, k)).isEqualTo(Arrays.copyOfRange(expected, n - k, n));
            BitSet set = perm.prefixSet(seed, k);
            assertThat(set.cardinality()).isEqualTo(k);
            for (int i = 0; i < k; i++) {
                assertThat(set.get(expected[i])).isTrue();
            }
        }
    }

    @Test
    void membershipWalksAgreeWithThePermutationForEveryValue() {
        RandomGenerator rng = Rngs.seeded(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + rng.nextInt(300);
            long seed = rng.nextLong();
            int k = rng.nextInt(n + 1);
            int[] full = TorchRandperm.randperm(n, seed);
            BitSet first = new BitSet();
            BitSet last = new BitSet();
            for (int i = 0; i < k; i++) {
                first.set(full[i]);
                last.set(full[n - 1 - i]);
            }
            TorchRandperm perm = TorchRandperm.of(n);
            for (int v = 0; v < n; v++) {
                assertThat(perm.inPrefix(seed, k, v)).as("n=%d k=%d v=%d", n, k, v).isEqualTo(first.get(v));
                assertThat(perm.inSuffix(seed, k, v)).as("n=%d k=%d v=%d", n, k, v).isEqualTo(last.get(v));
            }
        }
    }

    @Test
    void membershipWalkAgreesWithThePermutationAcrossManyGeneratorBlocks() {
        // Large n: the walk spans dozens of 624-draw blocks and the division-free screen sees every kind of
        // divisor (odd, even, powers of two near n = 2^16). Values in the prefix and outside it, both ends.
        RandomGenerator rng = Rngs.seeded(13);
        for (int n : new int[] {50_257, 65_536, 65_537, 151_936}) {
            TorchRandperm perm = TorchRandperm.of(n);
            for (int trial = 0; trial < 3; trial++) {
                long seed = rng.nextLong();
                int k = trial == 0 ? n / 4 : 1 + rng.nextInt(n);
                int[] full = TorchRandperm.randperm(n, seed);
                BitSet first = new BitSet(n);
                for (int i = 0; i < k; i++) {
                    first.set(full[i]);
                }
                int[] values = rng.ints(400, 0, n).toArray();
                values[0] = 0;
                values[1] = n - 1;
                values[2] = full[k - 1];
                values[3] = full[Math.min(k, n - 1)];
                for (int v : values) {
                    assertThat(perm.inPrefix(seed, k, v)).as("n=%d k=%d v=%d", n, k, v).isEqualTo(first.get(v));
                }
            }
        }
    }

    @Test
    void remainderIsExactForExtremeDrawsAndDivisors() {
        // Seeds whose permutations of large n exercise draws near 2^32 and divisors near n: compare the
        // magic-constant path with plain modulo on n = 1,000,003 (the hashint table size).
        int n = 1_000_003;
        assertThat(TorchRandperm.of(n).prefix(2_971_215_073L, 6)).containsExactly(250534, 296009, 268311, 356494,
                845733, 336025);
        assertThat(Arrays.copyOf(TorchRandperm.randperm(n, 2_971_215_073L), 6))
                .containsExactly(250534, 296009, 268311, 356494, 845733, 336025);
    }

    static Stream<Arguments> badInputs() {
        TorchRandperm p = TorchRandperm.of(10);
        return Stream.of(
                Arguments.of((Runnable) () -> TorchRandperm.of(0), "n"),
                Arguments.of((Runnable) () -> TorchRandperm.randperm(-3, 1), "n"),
                Arguments.of((Runnable) () -> p.prefix(1, 11), "k"),
                Arguments.of((Runnable) () -> p.prefix(1, -1), "k"),
                Arguments.of((Runnable) () -> p.suffix(1, 11), "k"),
                Arguments.of((Runnable) () -> p.prefixSet(1, 12), "k"),
                Arguments.of((Runnable) () -> p.inPrefix(1, 3, 10), "value"),
                Arguments.of((Runnable) () -> p.inPrefix(1, 3, -1), "value"),
                Arguments.of((Runnable) () -> p.inSuffix(1, 11, 0), "k"),
                Arguments.of((Runnable) () -> p.inSuffix(1, 1, 10), "value"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(parameter + " ");
    }

    @Test
    void printsItsSize() {
        assertThat(TorchRandperm.of(50_265).toString()).isEqualTo("TorchRandperm[n=50265, torch CPU randperm]");
        assertThat(TorchRandperm.of(5).size()).isEqualTo(5);
    }
}
