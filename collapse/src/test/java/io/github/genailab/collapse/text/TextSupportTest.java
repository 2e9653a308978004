package io.github.genailab.collapse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link TextSupport} against direct counts with strings as keys, and the Zipf fit on exact power laws. */
class TextSupportTest {

    private static List<int[]> randomDocuments(long seed, int docs, int maxLength, int maxId) {
        RandomGenerator rng = Rngs.seeded(seed);
        List<int[]> out = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            int[] doc = new int[rng.nextInt(maxLength + 1)];
            for (int i = 0; i < doc.length; i++) {
                // skewed ids so that n-grams repeat
                doc[i] = (int) Math.min(maxId, Math.floor(Math.pow(rng.nextDouble(), 3) * (maxId + 1)));
            }
            out.add(doc);
        }
        return out;
    }

    @Test
    void distinctCountsAndKeptMassMatchADirectCountForPackedAndUnpackedKeys() {
        // maxId 40: 6 bits per id, packed; maxId 2^20: 21 bits, 4-grams need 84 bits, keyed by arrays.
        for (int maxId : new int[] {40, 1 << 20}) {
            List<int[]> a = randomDocuments(1, 50, 30, maxId);
            List<int[]> b = randomDocuments(2, 50, 30, maxId);
            for (int n = 1; n <= 4; n++) {
                assertThat(TextSupport.distinctNgrams(a, n)).as("n=%d", n)
                        .isEqualTo(LanguageModelCollapseTest.directDistinct(a, n).size());
                assertThat(TextSupport.keptMass(a, b, n)).as("n=%d", n)
                        .isCloseTo(LanguageModelCollapseTest.directKeptMass(a, b, n), within(1e-15));
                assertThat(TextSupport.keptMass(a, a, n)).isEqualTo(1.0);
            }
            assertThat(TextSupport.distinctTokens(a)).isEqualTo(TextSupport.distinctNgrams(a, 1));
        }
    }

    @Test
    void ngramsNeverSpanDocumentsAndShortDocumentsHoldNone() {
        List<int[]> docs = List.of(new int[] {1, 2}, new int[] {3}, new int[] {});
        assertThat(TextSupport.distinctNgrams(docs, 2)).isEqualTo(1); // (1,2) only, not (2,3)
        assertThat(TextSupport.distinctNgrams(docs, 3)).isZero();
        assertThat(TextSupport.distinctTokens(docs)).isEqualTo(3);
        assertThat(TextSupport.keptMass(docs, List.of(new int[] {2, 3}), 1)).isCloseTo(2.0 / 3, within(1e-15));
        assertThatThrownBy(() -> TextSupport.keptMass(List.of(new int[] {1}), docs, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("original must hold at least one 2-gram (a document of at least 2 tokens), got 1 documents");
    }

    @Test
    void zipfExponentRecoversTheSlopeOfAnExactPowerLaw() {
        for (double s : new double[] {0.8, 1.0, 1.5}) {
            List<int[]> docs = new ArrayList<>();
            for (int r = 1; r <= 60; r++) {
                long count = Math.round(1e5 / Math.pow(r, s));
                int[] doc = new int[(int) count];
                java.util.Arrays.fill(doc, r);
                docs.add(doc);
            }
            assertThat(TextSupport.zipfExponent(docs)).as("s=%s", s).isCloseTo(s, within(1e-3));
        }
        // tokens seen once are left out; fewer than two tokens seen twice leave no slope
        assertThat(TextSupport.zipfExponent(List.of(new int[] {1, 1, 1, 1, 2, 2, 3, 4, 5})))
                .isCloseTo(1.0, within(1e-12)); // counts 4, 2: ln 4 - ln 2 over ln 2
        assertThatThrownBy(() -> TextSupport.zipfExponent(List.of(new int[] {1, 1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("documents must hold at least two distinct tokens that occur at least twice");
    }
}
