package io.github.genailab.watermark.families.unigram;

import static io.github.genailab.watermark.families.FamilyGoldens.at;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnigramWatermarkTest {

    @Test
    void greenListsEqualMarkLlmsForEveryGoldenCase() {
        List<?> cases = (List<?>) at("unigram", "cases");
        assertThat(cases).hasSize(6);
        for (int i = 0; i < cases.size(); i++) {
            String c = Integer.toString(i);
            long key = (long) number("unigram", "cases", c, "key");
            int v = (int) number("unigram", "cases", c, "vocab_size");
            UnigramWatermark w = UnigramWatermark.of(v, key);
            assertThat(UnigramWatermark.seedOf(key)).isEqualTo((long) number("unigram", "cases", c, "seed"));
            int[] green = w.greenList();
            assertThat(green).hasSize((int) number("unigram", "cases", c, "green_count"));
            assertThat(Arrays.copyOf(green, 32)).containsExactly(ints("unigram", "cases", c, "green_first32"));
        }
    }

    @Test
    void everyTokenDetectionEqualsMarkLlmOnW30() {
        int[] w30 = ints("inputs", "W30");
        UnigramWatermark w = UnigramWatermark.of(50272, 15485863).withDistinctTokens(false);
        WatermarkScore s = w.detect(w30, null);
        assertThat(s.tokensScored()).isEqualTo(30);
        assertThat(s.score()).isCloseTo(number("unigram", "detect_W30", "z"), within(1e-12));
        int[] flags = ints("unigram", "detect_W30", "green_flags");
        for (int i = 0; i < w30.length; i++) {
            assertThat(w.isGreen(w30[i])).as("token %d", i).isEqualTo(flags[i] == 1);
        }
    }

    @Test
    void distinctTokenDetectionScoresEachIdOnceWithTheHypergeometricTail() {
        UnigramWatermark w = UnigramWatermark.of(10, 3);
        int[] green = w.greenList();
        assertThat(green).hasSize(5);
        int[] red = java.util.stream.IntStream.range(0, 10).filter(v -> !w.isGreen(v)).toArray();
        // Three distinct green ids, each repeated: T = 3, all green; P(X >= 3) for X ~ Hypergeometric(10, 5, 3)
        // = C(5,3) / C(10,3) = 10 / 120.
        int[] text = {green[0], green[0], green[1], green[2], green[1]};
        WatermarkScore s = w.detect(text, null);
        assertThat(s.tokensScored()).isEqualTo(3);
        assertThat(s.pValue()).isCloseTo(10.0 / 120, within(1e-12));
        // Every token counted: T = 5, all green, binomial tail 0.5^5.
        assertThat(w.withDistinctTokens(false).detect(text, null).pValue()).isCloseTo(1.0 / 32, within(1e-12));
        assertThat(w.detect(new int[] {red[0], red[1]}, null).pValue()).isEqualTo(1.0);
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> UnigramWatermark.of(1, 0)).hasMessageContaining("vocabularySize");
        UnigramWatermark w = UnigramWatermark.of(100, 0);
        assertThatThrownBy(() -> w.withGamma(0.001)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> w.withGamma(Double.NaN)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> w.withDelta(-1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> w.withDelta(Double.POSITIVE_INFINITY)).hasMessageContaining("delta");
        assertThatThrownBy(() -> w.withTemperature(0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> w.isGreen(100)).hasMessageContaining("token");
        assertThatThrownBy(() -> w.detect(new int[0], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> w.detect(new int[] {100}, null)).hasMessageContaining("tokens");
        assertThatThrownBy(() -> w.detect(null, null)).isInstanceOf(NullPointerException.class);
    }
}
