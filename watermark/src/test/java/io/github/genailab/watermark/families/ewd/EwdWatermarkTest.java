package io.github.genailab.watermark.families.ewd;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** EWD against MarkLLM, whose statistic is float32: agreement to about 1e-5 relative. */
class EwdWatermarkTest {

    private static final EwdWatermark MARKLLM = EwdWatermark.of(50272, 15485863);

    @Test
    void spikeEntropyUsesTheFloat32AlphaOfTheReference() {
        double[] p = doubles("ewd", "spike_entropy", "probs_given");
        assertThat(MARKLLM.spikeEntropy(p)).isCloseTo(number("ewd", "spike_entropy", "spike_entropy"), within(1e-7));
        // z_alpha from alpha = float32(e^2): 1 + z_alpha p summed exactly for p = (1).
        double zAlpha = number("ewd", "z_alpha");
        assertThat(MARKLLM.spikeEntropy(new double[] {1.0})).isCloseTo(1 / (1 + zAlpha), within(1e-15));
    }

    @Test
    void toyStatisticEqualsTheReference() {
        double[] se = doubles("ewd", "toy", "spike_entropy");
        int[] flags = ints("ewd", "toy", "green_flags");
        boolean[] green = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            green[i] = flags[i] == 1;
        }
        assertThat(EwdWatermark.zScore(se, green, 0.5)).isCloseTo(number("ewd", "toy", "z"), within(2e-7));
    }

    @Test
    void scoringWithGivenSpikeEntropiesEqualsMarkLlmOnW30() {
        int[] w30 = ints("inputs", "W30");
        double[] e30 = doubles("inputs", "E30");
        double z = MARKLLM.withIgnoreRepeatedBigrams(false).detectWithSpikeEntropies(w30, e30).score();
        assertThat(z).isCloseTo(number("ewd", "score_W30_E30_as_spike_entropy", "z"), within(1e-6));
    }

    @Test
    void equalWeightsClaimNothingInsteadOfNaN() {
        assertThat(EwdWatermark.zScore(new double[] {0.7, 0.7}, new boolean[] {true, true}, 0.5)).isZero();
        assertThat(MARKLLM.detectWithSpikeEntropies(new int[] {1, 2}, new double[] {0, 0.5}).pValue()).isEqualTo(0.5);
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> EwdWatermark.zScore(new double[] {1, Double.NaN}, new boolean[2], 0.5))
                .hasMessageContaining("spikeEntropies");
        assertThatThrownBy(() -> EwdWatermark.zScore(new double[] {1}, new boolean[2], 0.5))
                .hasMessageContaining("spikeEntropies");
        assertThatThrownBy(() -> EwdWatermark.zScore(new double[] {1}, new boolean[1], 1.0))
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> MARKLLM.detectWithSpikeEntropies(new int[] {1, 2}, new double[] {0, Double.NaN}))
                .hasMessageContaining("spikeEntropies");
        assertThatThrownBy(() -> MARKLLM.spikeEntropy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MARKLLM.detect(new int[] {1, 2}, null)).hasMessageContaining("model");
    }
}
