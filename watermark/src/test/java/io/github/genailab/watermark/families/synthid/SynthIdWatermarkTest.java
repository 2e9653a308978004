package io.github.genailab.watermark.families.synthid;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.exactLong;
import static io.github.genailab.watermark.families.FamilyGoldens.exactLongs;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SynthIdWatermarkTest {

    private static final long[] KEYS = exactLongs("synthid", "keys");
    private static final SynthIdWatermark HF = SynthIdWatermark.of(50272, KEYS);

    @Test
    void hashesAndGValuesEqualTheReference() {
        assertThat(KEYS).hasSize(30);
        int[] ngram = ints("synthid", "ngram");
        long hash = SynthIdWatermark.accumulateHash(1, Arrays.stream(ngram).asLongStream().toArray());
        assertThat(hash).isEqualTo(exactLong("synthid", "h_ng"));
        long[] layers = exactLongs("synthid", "layer_keys_first3");
        for (int l = 0; l < 3; l++) {
            assertThat(SynthIdWatermark.accumulateHash(hash, KEYS[l])).isEqualTo(layers[l]);
        }
        assertThat(HF.gValues(ngram)).containsExactly(ints("synthid", "g_values_ngram"));
        assertThat(SynthIdWatermark.nullGProbability()).isEqualTo(number("synthid", "sampling_table_sum") / 65536);
    }

    @Test
    void gValuesOfW30AndTheMeanScoreEqualMarkLlm() {
        int[] w30 = ints("inputs", "W30");
        for (int row = 0; row < 3; row++) {
            assertThat(HF.gValues(Arrays.copyOfRange(w30, row, row + 5)))
                    .containsExactly(ints("synthid", "compute_g_values_W30", "first3_rows", Integer.toString(row)));
        }
        int[] mask = ints("synthid", "context_repetition_mask_W30");
        WatermarkScore s = HF.detect(w30, null);
        assertThat(s.tokensScored()).isEqualTo(Arrays.stream(mask).sum());
        assertThat(s.score()).isCloseTo(number("synthid", "detect_W30", "mean_score"), within(1e-12));
    }

    @Test
    void tournamentEqualsTheReferenceUpdate() {
        int[] context = ints("synthid", "tournament", "context");
        long contextHash = SynthIdWatermark.accumulateHash(1, Arrays.stream(context).asLongStream().toArray());
        assertThat(contextHash).isEqualTo(exactLong("synthid", "context_hash"));
        double[] logits = doubles("synthid", "tournament", "logits");
        double[] p = softmax(logits);
        double[] q = SynthIdWatermark.of(8, KEYS).tournament(p, contextHash);
        double[] expected = doubles("synthid", "tournament", "output_probs");
        for (int v = 0; v < 8; v++) {
            // The reference updates in float32, where 1 - G loses digits as G nears 1: equal to 1e-6 absolute, and
            // to 1e-4 relative where the probability is not negligible.
            assertThat(q[v]).as("token %d", v).isCloseTo(expected[v], within(1e-6));
            if (expected[v] > 1e-4) {
                assertThat(q[v]).as("token %d", v).isCloseTo(expected[v], within(1e-4 * expected[v]));
            }
        }
    }

    @Test
    void tournamentPreservesTheDistributionOnAverageOverGValues() {
        // With one layer, average the update over both values of every candidate's g (all 2^V patterns): the mean
        // of p_v (1 + g_v - sum_u p_u g_u) over independent fair g's is p_v exactly.
        double[] p = {0.1, 0.2, 0.3, 0.4};
        double[] mean = new double[4];
        for (int pattern = 0; pattern < 16; pattern++) {
            double mass = 0;
            for (int v = 0; v < 4; v++) {
                mass += p[v] * ((pattern >> v) & 1);
            }
            double total = 0;
            for (int v = 0; v < 4; v++) {
                double q = p[v] * (1 + ((pattern >> v) & 1) - mass);
                total += q;
                mean[v] += q / 16;
            }
            assertThat(total).isCloseTo(1.0, within(1e-15));
        }
        for (int v = 0; v < 4; v++) {
            assertThat(mean[v]).isCloseTo(p[v], within(1e-15));
        }
        double[] q = HF.withTemperature(1.0).tournament(uniform(50272), 12345L);
        assertThat(Arrays.stream(q).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> SynthIdWatermark.of(1, 0L)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> SynthIdWatermark.of(10, new long[0])).hasMessageContaining("keys.length");
        assertThatThrownBy(() -> SynthIdWatermark.of(10, (long[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HF.gValues(new int[4])).hasMessageContaining("ngram.length");
        assertThatThrownBy(() -> HF.tournament(new double[3], 0)).hasMessageContaining("p");
        assertThatThrownBy(() -> HF.detect(new int[4], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> HF.weightedMeanScore(new int[] {1, 2, 3, 4, -1})).hasMessageContaining("tokens");
    }

    private static double[] uniform(int v) {
        double[] p = new double[v];
        Arrays.fill(p, 1.0 / v);
        return p;
    }

    private static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] e = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
        double sum = Arrays.stream(e).sum();
        return Arrays.stream(e).map(x -> x / sum).toArray();
    }
}
