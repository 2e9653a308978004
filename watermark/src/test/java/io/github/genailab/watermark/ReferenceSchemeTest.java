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

class ReferenceSchemeTest {

    @Test
    void lefthashOptGoldenVector() {
        ReferenceScheme s = WatermarkScheme.reference("lefthash", 50265, 0.25, 2.0);
        assertThat(s.seed(new int[] {42})).isEqualTo(650406246L);
        assertThat(s.greenListSize()).isEqualTo(12566);
        int[] green = s.greenList(new int[] {42});
        assertThat(green).hasSize(12566);
        assertThat(Arrays.copyOf(green, 8)).containsExactly(28139, 30042, 3733, 25447, 5442, 7186, 38911, 36959);
        int[] legacy = s.withGreenListSelection(GreenListSelection.LAST_K).greenList(new int[] {42});
        assertThat(legacy).hasSize(12566);
        assertThat(Arrays.copyOf(legacy, 4)).containsExactly(9268, 9470, 44809, 5352);
    }

    @Test
    void lefthashLlamaAndOptLogitWidthGoldenVectors() {
        ReferenceScheme llama = WatermarkScheme.reference("simple_1", 32000, 0.25, 2.0);
        assertThat(llama.seed(new int[] {1000})).isEqualTo(15485863000L);
        assertThat(llama.greenListSize()).isEqualTo(8000);
        assertThat(Arrays.copyOf(llama.greenList(new int[] {1000}), 8))
                .containsExactly(28635, 6489, 10434, 27382, 16910, 19546, 8123, 4224);
        ReferenceScheme optWide = WatermarkScheme.reference("lefthash", 50272, 0.25, 2.0);
        assertThat(optWide.seed(new int[] {2})).isEqualTo(30971726L);
        assertThat(Arrays.copyOf(optWide.greenList(new int[] {2}), 8))
                .containsExactly(12292, 12122, 29842, 21208, 21473, 46279, 45212, 39129);
    }

    @Test
    void selfhashNegativePrfGoldenVector() {
        ReferenceScheme s = WatermarkScheme.reference("selfhash", 50265, 0.25, 2.0);
        int[] window = {20696, 6164, 9327, 13098};
        assertThat(Long.toUnsignedString(s.seed(window))).isEqualTo("11742033814780907582");
        assertThat(Arrays.copyOf(s.greenList(window), 8))
                .containsExactly(4656, 2569, 17212, 32860, 39697, 48107, 44968, 10114);
        // The wrong (unsigned reinterpretation) seed gives another list, starting [30395, 17818, ...].
        int[] wrong = io.github.genailab.watermark.torch.TorchRandperm.of(50265).prefix(-6704710258928644033L, 2);
        assertThat(wrong).containsExactly(30395, 17818);
        assertThat(s.seed(new int[] {464, 3290, 318, 257})).isEqualTo(2378882089459760714L);
    }

    @Test
    void greenListsMatchTorchForEveryNamedScheme() {
        for (String kind : new String[] {"greenlist", "lastk"}) {
            for (String[] f : GoldenVectors.records(kind)) {
                int v = Integer.parseInt(f[1]);
                double gamma = Double.parseDouble(f[2]);
                int h = Integer.parseInt(f[3]);
                int[] window = GoldenVectors.ints(f, 4, h);
                int k = Integer.parseInt(f[4 + h]);
                int[] expected = GoldenVectors.ints(f, 5 + h, f.length - 5 - h);
                ReferenceScheme s = WatermarkScheme.reference(f[0], v, gamma, 2.0);
                if (kind.equals("lastk")) {
                    s = s.withGreenListSelection(GreenListSelection.LAST_K);
                }
                assertThat(s.greenListSize()).isEqualTo(k);
                int[] green = s.greenList(window);
                assertThat(Arrays.copyOf(green, expected.length)).as("%s %s V=%d %s", kind, f[0], v,
                        Arrays.toString(window)).isEqualTo(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(s.isGreen(window, expected[i])).isTrue();
                }
            }
        }
    }

    @Test
    void membershipAgreesWithTheListWithAndWithoutTheMemo() {
        RandomGenerator rng = Rngs.seeded(5);
        for (String name : new String[] {"lefthash", "selfhash", "minhash", "skipgram", "ff-noncomm_prf-2-True-99"}) {
            for (GreenListSelection selection : GreenListSelection.values()) {
                ReferenceScheme cached = WatermarkScheme.reference(name, 997, 0.3, 2.0).withGreenListSelection(selection);
                ReferenceScheme uncached = cached.withCacheCapacity(0);
                for (int trial = 0; trial < 3; trial++) {
                    int[] window = rng.ints(cached.contextWidth(), 0, 997).toArray();
                    boolean[] inList = new boolean[997];
                    for (int t : cached.greenList(window)) {
                        inList[t] = true;
                    }
                    for (int t = 0; t < 997; t++) {
                        assertThat(cached.isGreen(window, t)).isEqualTo(inList[t]);
                        assertThat(uncached.isGreen(window, t)).isEqualTo(inList[t]);
                    }
                }
            }
        }
    }

    @Test
    void longerWindowsUseTheirLastHTokens() {
        ReferenceScheme s = WatermarkScheme.reference("lefthash", 50265, 0.25, 2.0);
        assertThat(s.greenList(new int[] {7, 8, 42})).isEqualTo(s.greenList(new int[] {42}));
        assertThat(s.isGreen(new int[] {9, 42}, 28139)).isTrue();
    }

    @Test
    void namedSchemesHaveTheReferenceParameters() {
        ReferenceScheme self = WatermarkScheme.reference("algorithm-3", 100, 0.25, 2.0);
        assertThat(self.prf()).isEqualTo(Prf.ANCHORED_MINHASH);
        assertThat(self.contextWidth()).isEqualTo(4);
        assertThat(self.selfSalted()).isTrue();
        assertThat(self.ngramLength()).isEqualTo(4);
        ReferenceScheme minhash = WatermarkScheme.reference("minhash", 100, 0.25, 2.0);
        assertThat(minhash.ngramLength()).isEqualTo(5);
        assertThat(WatermarkScheme.reference("skipgram", 100, 0.25, 2.0).contextWidth()).isEqualTo(5);
        ReferenceScheme ff = WatermarkScheme.reference("ff-additive_prf-1-False", 100, 0.25, 2.0);
        assertThat(ff).isEqualTo(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0));
        assertThat(WatermarkScheme.reference("ff-" + Prf.MINHASH.referenceName() + "-4-False-" + ReferenceScheme.DEFAULT_HASH_KEY, 100, 0.25, 2.0))
                .isEqualTo(minhash).hasSameHashCodeAs(minhash);
        assertThat(WatermarkScheme.reference("ff-additive_prf-1-False-7", 100, 0.25, 2.0)).isNotEqualTo(ff);
        assertThat(self.withDelta(5.0).delta()).isEqualTo(5.0);
        assertThat(self.withCacheCapacity(3).cacheCapacity()).isEqualTo(3);
    }

    @Test
    void toStringIsOneLineWithoutTheKey() {
        String s = WatermarkScheme.reference("ff-minhash_prf-4-False-987654321", 50265, 0.25, 2.0).toString();
        assertThat(s).doesNotContain("987654321").doesNotContain("\n").contains("key hidden").contains("k=12566")
                .contains("ff-minhash_prf-4-False-<key>");
        assertThat(WatermarkScheme.reference("lefthash", 10, 0.5, 1.0).withGreenListSelection(GreenListSelection.LAST_K)
                .toString()).contains("legacy");
    }

    static Stream<Arguments> badInputs() {
        ReferenceScheme s = WatermarkScheme.reference("selfhash", 100, 0.25, 2.0);
        return Stream.of(
                Arguments.of((Runnable) () -> WatermarkScheme.reference(null, 100, 0.25, 2.0), NullPointerException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("righthash", 100, 0.25, 2.0), IllegalArgumentException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-additive_prf-x-True", 100, 0.25, 2.0), IllegalArgumentException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-additive_prf-0-True", 100, 0.25, 2.0), IllegalArgumentException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-additive_prf-2-yes", 100, 0.25, 2.0), IllegalArgumentException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-additive_prf-2-True-99999999999999999999", 100, 0.25, 2.0), IllegalArgumentException.class, "name"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-bogus_prf-2-True", 100, 0.25, 2.0), IllegalArgumentException.class, "referenceName"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("ff-minskipgram_prf-1-True", 100, 0.25, 2.0), IllegalArgumentException.class, "contextWidth"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 0, 0.25, 2.0), IllegalArgumentException.class, "vocabularySize"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", -5, 0.25, 2.0), IllegalArgumentException.class, "vocabularySize"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, 1.5, 2.0), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, 0.0, 2.0), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, Double.NaN, 2.0), IllegalArgumentException.class, "gamma"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, 0.001, 2.0), IllegalArgumentException.class, "gamma * vocabularySize"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, 0.25, -1.0), IllegalArgumentException.class, "delta"),
                Arguments.of((Runnable) () -> WatermarkScheme.reference("lefthash", 100, 0.25, Double.POSITIVE_INFINITY), IllegalArgumentException.class, "delta"),
                Arguments.of((Runnable) () -> s.withCacheCapacity(-1), IllegalArgumentException.class, "cacheCapacity"),
                Arguments.of((Runnable) () -> s.withGreenListSelection(null), NullPointerException.class, "selection"),
                Arguments.of((Runnable) () -> s.greenList(null), NullPointerException.class, "seedWindow"),
                Arguments.of((Runnable) () -> s.greenList(new int[] {1, 2, 3}), IllegalArgumentException.class, "seedWindow.length"),
                Arguments.of((Runnable) () -> s.greenList(new int[] {1, 2, 3, 100}), IllegalArgumentException.class, "seedWindow[3]"),
                Arguments.of((Runnable) () -> s.isGreen(new int[] {1, 2, -3, 4}, 4), IllegalArgumentException.class, "seedWindow[2]"),
                Arguments.of((Runnable) () -> s.isGreen(new int[] {1, 2, 3, 4}, 100), IllegalArgumentException.class, "token"),
                Arguments.of((Runnable) () -> s.isGreen(new int[] {1, 2, 3, 4}, -1), IllegalArgumentException.class, "token"),
                Arguments.of((Runnable) () -> s.seed(new int[] {1}), IllegalArgumentException.class, "seedWindow.length"),
                Arguments.of((Runnable) () -> s.seed(null), NullPointerException.class, "seedWindow"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
