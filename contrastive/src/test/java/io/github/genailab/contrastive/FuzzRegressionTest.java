package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Defects the fuzzing pass of issue 19 found in this module, each pinned by the input that showed it. */
class FuzzRegressionTest {

    @Test
    void magnitudesPastTheSupportedRangeAreRefusedInsteadOfGivingNaN() {
        double[][] huge = {{1e300, 0}, {0, 1}};
        double[][] fine = {{1, 0}, {0, 1}};
        assertThatThrownBy(() -> ClipLoss.compute(huge, fine, 1.0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image[0][0] must have magnitude <= 1.0E100");
        assertThatThrownBy(() -> SigLipLoss.compute(fine, huge, 10.0, -10.0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text[0][0] must have magnitude <= 1.0E100");
    }

    @Test
    void theEdgeOfTheRangeGivesFiniteLossesAndGradients() {
        double[][] edge = {{1e100, -1e100}, {3e99, 1e100}};
        double[][] fine = {{1, 0}, {0, 1}};
        for (boolean normalize : new boolean[] {true, false}) {
            ClipLossResult clip = ClipLoss.compute(edge, fine, 1.0, normalize);
            assertThat(clip.loss()).isFinite();
            for (double[] row : clip.gradImage()) {
                assertThat(java.util.Arrays.stream(row).allMatch(Double::isFinite)).isTrue();
            }
            SigLipLossResult sig = SigLipLoss.compute(edge, fine, 10.0, -10.0, normalize);
            assertThat(sig.loss()).isFinite();
            for (double[] row : sig.gradText()) {
                assertThat(java.util.Arrays.stream(row).allMatch(Double::isFinite)).isTrue();
            }
        }
    }
}
