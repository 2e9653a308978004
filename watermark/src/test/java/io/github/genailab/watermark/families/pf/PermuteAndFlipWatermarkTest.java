package io.github.genailab.watermark.families.pf;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import org.junit.jupiter.api.Test;

/** Permute-and-Flip against MarkLLM's PF (float32 log: per-token scores to 1e-6, the sum to 1e-5). */
class PermuteAndFlipWatermarkTest {

    private static final PermuteAndFlipWatermark MARKLLM = PermuteAndFlipWatermark.markLlm(32000, 35317);

    @Test
    void uniformsOfTheGoldenWindowEqualTheReferences() {
        int[] window = ints("pf", "window");
        float[] r = MARKLLM.uniforms(window, window.length);
        double[] first = doubles("pf", "rand_first3");
        for (int i = 0; i < first.length; i++) {
            assertThat((double) r[i]).isEqualTo(first[i]);
        }
        assertThat(PermuteAndFlipWatermark.score(r[1000])).isCloseTo(number("pf", "neg_ln_r_1000"), within(1e-7));
        assertThat(PermuteAndFlipWatermark.score(0f)).isCloseTo(-Math.log(1e-4), within(1e-6));
    }

    @Test
    void theDetectorsSumEqualsMarkLlmOnW30() {
        WatermarkScore s = MARKLLM.detect(ints("inputs", "W30"), null);
        assertThat(s.tokensScored()).isEqualTo((int) number("pf", "detect_W30", "scored_tokens"));
        assertThat(s.score()).isCloseTo(number("pf", "detect_W30", "S"), within(1e-5));
        // Our p-value is the exact Gamma(21, 1) tail of S (MarkLLM only compares S with a mis-sized quantile).
        assertThat(s.pValue()).isBetween(0.3, 0.7);
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> PermuteAndFlipWatermark.of(1, 0)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> PermuteAndFlipWatermark.of(10, -1)).hasMessageContaining("key");
        assertThatThrownBy(() -> MARKLLM.withContextWidth(0)).hasMessageContaining("contextWidth");
        assertThatThrownBy(() -> MARKLLM.uniforms(new int[3], 3)).hasMessageContaining("length");
        assertThatThrownBy(() -> MARKLLM.detect(new int[9], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> MARKLLM.uniforms(null, 0)).isInstanceOf(NullPointerException.class);
    }
}
