package io.github.genailab.watermark.families.expedit;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.watermark.WatermarkScore;
import org.junit.jupiter.api.Test;

class ExpEditWatermarkTest {

    @Test
    void keySequenceIsTheReferencesMersenneStreamInFloat32() {
        double[] first = doubles("exp_edit", "key_first8");
        ExpEditWatermark w = ExpEditWatermark.of(16, 42).withKeyLength(8);
        for (int v = 0; v < first.length; v++) {
            assertThat((double) w.key(0, v)).isEqualTo(first[v]);
        }
        for (int row = 0; row < 8; row++) {
            double[] xi = doubles("exp_edit", "small_case", "xi", Integer.toString(row));
            for (int v = 0; v < 16; v++) {
                assertThat((double) w.key(row, v)).isEqualTo(xi[v]);
            }
        }
    }

    @Test
    void levenshteinStatisticEqualsTheCompiledReferenceBitForBit() {
        int[] tokens = ints("exp_edit", "small_case", "tokens");
        for (String gamma : new String[] {"0.0", "0.5"}) {
            ExpEditWatermark w = ExpEditWatermark.of(16, 42).withKeyLength(8).withGapPenalty(Double.parseDouble(gamma));
            assertThat(w.statistic(tokens)).as("gamma %s", gamma)
                    .isEqualTo(number("exp_edit", "small_case", "gamma", gamma, "min"));
        }
    }

    @Test
    void permutationPValueIsExactAndReproducible() {
        ExpEditWatermark w = ExpEditWatermark.of(16, 42).withKeyLength(8).withRuns(9);
        int[] tokens = ints("exp_edit", "small_case", "tokens");
        WatermarkScore s = w.detect(tokens, null);
        // (1 + #null <= observed) / (runs + 1): a multiple of 1/10.
        assertThat(s.pValue() * 10).isEqualTo(Math.rint(s.pValue() * 10));
        assertThat(s.pValue()).isBetween(0.1, 1.0);
        assertThat(w.detect(tokens, null)).isEqualTo(s);
        assertThat(s.score()).isEqualTo(w.statistic(tokens));
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> ExpEditWatermark.of(1, 0)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> ExpEditWatermark.of(10, 1L << 32)).hasMessageContaining("key");
        assertThatThrownBy(() -> ExpEditWatermark.of(10, -1)).hasMessageContaining("key");
        ExpEditWatermark w = ExpEditWatermark.of(10, 1).withKeyLength(4);
        assertThatThrownBy(() -> w.withKeyLength(0)).hasMessageContaining("keyLength");
        assertThatThrownBy(() -> ExpEditWatermark.of(1 << 19, 1)).hasMessageContaining("keyLength * vocabularySize");
        assertThatThrownBy(() -> w.withGapPenalty(-1)).hasMessageContaining("gapPenalty");
        assertThatThrownBy(() -> w.withGapPenalty(Double.NaN)).hasMessageContaining("gapPenalty");
        assertThatThrownBy(() -> w.withRuns(0)).hasMessageContaining("runs");
        assertThatThrownBy(() -> w.key(4, 0)).hasMessageContaining("row");
        assertThatThrownBy(() -> w.key(0, 10)).hasMessageContaining("token");
        assertThatThrownBy(() -> w.statistic(new int[0])).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> w.detect(new int[] {10}, null)).hasMessageContaining("tokens");
    }
}
