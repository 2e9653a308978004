package io.github.genailab.benchmarks.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The reference cost model (one full randperm per token) must count the same green tokens as the detector. */
class BaselinesTest {

    @Test
    void fullPermutationBaselineCountsTheDetectorsGreenTokens() {
        int vocabularySize = 1000;
        double gamma = 0.25;
        RandomGenerator rng = Rngs.seeded(5);
        int[] text = new int[120];
        for (int i = 0; i < text.length; i++) {
            text[i] = rng.nextInt(vocabularySize);
        }
        WatermarkScheme scheme = WatermarkScheme.reference("lefthash", vocabularySize, gamma, 2.0);
        Detection d = WatermarkDetector.of(scheme).withIgnoreRepeatedNgrams(false).detect(text);
        int k = (int) (gamma * vocabularySize);
        assertThat(d.numTokensScored()).isEqualTo(text.length - 1);
        assertThat(Baselines.greenByFullPermutation(text, text.length, vocabularySize, k))
                .isEqualTo(d.numGreenTokens());
    }
}
