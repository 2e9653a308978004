package io.github.genailab.watermark.families.sweet;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SweetWatermarkTest {

    private static final SweetWatermark MARKLLM = SweetWatermark.of(50272, 15485863);

    @Test
    void greenListIsTheReferencesLefthashList() {
        int[] list = MARKLLM.scheme().greenList(new int[] {464});
        assertThat(list).hasSize((int) number("sweet", "greenlist_size"));
        assertThat(Arrays.copyOf(list, 32)).containsExactly(ints("sweet", "greenlist_first32"));
    }

    @Test
    void scoringWithGivenEntropiesEqualsMarkLlmOnW30() {
        int[] w30 = ints("inputs", "W30");
        double[] e30 = doubles("inputs", "E30");
        WatermarkScore s = MARKLLM.withIgnoreRepeatedBigrams(false).detectWithEntropies(w30, e30);
        assertThat(s.tokensScored()).isEqualTo((int) number("sweet", "score_W30_E30", "T"));
        assertThat(s.score()).isCloseTo(number("sweet", "score_W30_E30", "z"), within(1e-12));
        // Each gated position's flag, as the reference reports it (T = 17, G = 8).
        assertThat(Math.round(s.score() * Math.sqrt(17 * 0.25) + 0.5 * 17))
                .isEqualTo((long) number("sweet", "score_W30_E30", "G"));
    }

    @Test
    void deduplicationDropsRepeatedBigramsOnly() {
        int[] w30 = ints("inputs", "W30");
        double[] high = new double[w30.length];
        Arrays.fill(high, 5.0);
        int distinct = (int) java.util.stream.IntStream.range(1, w30.length)
                .mapToLong(t -> ((long) w30[t - 1] << 32) | w30[t]).distinct().count();
        assertThat(MARKLLM.detectWithEntropies(w30, high).tokensScored()).isEqualTo(distinct).isLessThan(29);
        assertThat(MARKLLM.withIgnoreRepeatedBigrams(false).detectWithEntropies(w30, high).tokensScored()).isEqualTo(29);
        // No token above the threshold: nothing scored, nothing claimed.
        WatermarkScore none = MARKLLM.detectWithEntropies(w30, new double[w30.length]);
        assertThat(none.tokensScored()).isZero();
        assertThat(none.pValue()).isEqualTo(1.0);
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> SweetWatermark.of(50272, -1)).hasMessageContaining("key");
        assertThatThrownBy(() -> MARKLLM.withEntropyThreshold(-0.1)).hasMessageContaining("entropyThreshold");
        assertThatThrownBy(() -> MARKLLM.withEntropyThreshold(Double.NaN)).hasMessageContaining("entropyThreshold");
        assertThatThrownBy(() -> MARKLLM.detectWithEntropies(new int[] {1, 2}, new double[3]))
                .hasMessageContaining("entropies");
        assertThatThrownBy(() -> MARKLLM.detectWithEntropies(new int[] {1}, new double[1]))
                .hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> MARKLLM.detect(new int[] {1, 2}, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("model");
        assertThatThrownBy(() -> SweetWatermark.of(io.github.genailab.watermark.WatermarkScheme.reference("selfhash",
                100, 0.5, 2.0), 0.9)).hasMessageContaining("scheme");
    }
}
