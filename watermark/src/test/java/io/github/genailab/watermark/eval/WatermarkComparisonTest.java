package io.github.genailab.watermark.eval;

import static io.github.genailab.watermark.families.ShakespeareTexts.HUMAN;
import static io.github.genailab.watermark.families.ShakespeareTexts.MODEL;
import static io.github.genailab.watermark.families.ShakespeareTexts.PROMPTS;
import static io.github.genailab.watermark.families.ShakespeareTexts.TOKENIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.Watermark;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WatermarkComparisonTest {

    private static final WatermarkComparisonOptions SMALL = WatermarkComparisonOptions.defaults().withTexts(12)
            .withTokensPerText(100).withLengths(25, 100).withShiftSizes(32, 12);
    private static WatermarkComparisonResult result;

    @BeforeAll
    static void compare() {
        result = WatermarkComparison.run(WatermarkComparison.families(List.of("kgw", "unigram", "dipmark"), 4096),
                MODEL, PROMPTS, HUMAN.subList(0, 60), TOKENIZER, SMALL, Rngs.seeded(3), ProgressListener.none());
    }

    @Test
    void everyFamilyGetsALineAndKgwABeamSearchLine() {
        assertThat(result.rows()).extracting(ComparisonRow::watermark).containsExactly("kgw", "kgw + beam search (4)",
                "unigram", "dipmark");
        assertThat(result.attacks()).containsExactly("delete 10%", "insert 10%", "substitute 10%", "words -10%",
                "words +10%", "copy-paste 25%", "emoji");
        assertThat(result.humanTexts()).isEqualTo(60);
        for (ComparisonRow r : result.rows()) {
            assertThat(r.tprByLength()).hasSize(2);
            assertThat(r.truePositiveRate()).as(r.watermark()).isEqualTo(r.tprByLength()[1]);
            assertThat(r.falsePositiveRate()).as(r.watermark()).isLessThanOrEqualTo(2.0 / 60);
            assertThat(r.auc()).isBetween(0.9, 1.0);
        }
        assertThat(result.row("kgw + beam search (4)").tprUnderAttack()).doesNotContainKey("emoji");
        assertThat(result.table()).contains("Detectability", "Robustness", "Quality", "dipmark");
        assertThat(result.toString()).doesNotContain("\n");
    }

    @Test
    void theEmojiAttackRemovesAContextWatermarkButNotAContextFreeOne() {
        assertThat(result.row("kgw").tprUnderAttack().get("emoji")).isLessThanOrEqualTo(0.25);
        assertThat(result.row("unigram").tprUnderAttack().get("emoji")).isGreaterThanOrEqualTo(0.75);
        assertThat(result.row("kgw").tprUnderAttack().get("delete 10%")).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void distributionPreservationShowsInTheKeyAveragedChiSquare() {
        // DiPmark is unbiased over keys: its estimate is 0 within 4 standard errors; KGW's reweight is not.
        ComparisonRow dip = result.row("dipmark");
        assertThat(Math.abs(dip.keyAveragedChiSquare())).isLessThanOrEqualTo(4 * dip.chiSquareError() + 1e-12);
        ComparisonRow kgw = result.row("kgw");
        assertThat(kgw.keyAveragedChiSquare()).isGreaterThan(4 * kgw.chiSquareError());
        assertThat(kgw.stepKl()).isGreaterThan(0);
        assertThat(result.row("kgw + beam search (4)").stepKl()).isNaN();
    }

    @Test
    void chiSquareEstimateIsUnbiasedOnAKnownCase() {
        // Two draws q1 = (1, 0), q2 = (0, 1) with p = (1/2, 1/2): mean = p, sample variance 1/2 per coordinate:
        // sum_x [(0)^2 - (1/2)/2] / (1/2) = -1; the estimator is unbiased, not non-negative.
        assertThat(WatermarkComparison.chiSquareOfMean(new double[] {1, 1}, new double[] {1, 1}, 2,
                new double[] {0.5, 0.5})).isCloseTo(-1.0, within(1e-15));
        assertThat(WatermarkComparison.kl(new double[] {1, 0}, new double[] {0.5, 0.5})).isCloseTo(Math.log(2),
                within(1e-15));
    }

    @Test
    void badArgumentsAreRefusedByName() {
        List<LongFunction<Watermark>> kgw = WatermarkComparison.families(List.of("kgw"), 4096);
        assertThatThrownBy(() -> WatermarkComparison.families(List.of("nope"), 4096)).hasMessageContaining("name");
        assertThatThrownBy(() -> WatermarkComparison.run(List.of(), MODEL, PROMPTS, HUMAN, TOKENIZER, SMALL,
                Rngs.seeded(1), ProgressListener.none())).hasMessageContaining("families");
        assertThatThrownBy(() -> WatermarkComparison.run(kgw, MODEL, PROMPTS.subList(0, 3), HUMAN, TOKENIZER, SMALL,
                Rngs.seeded(1), ProgressListener.none())).hasMessageContaining("prompts.size()");
        assertThatThrownBy(() -> WatermarkComparison.run(kgw, MODEL, PROMPTS, List.of(), TOKENIZER, SMALL,
                Rngs.seeded(1), ProgressListener.none())).hasMessageContaining("human");
        assertThatThrownBy(() -> WatermarkComparison.run(WatermarkComparison.families(List.of("kgw"), 100), MODEL,
                PROMPTS, HUMAN, TOKENIZER, SMALL, Rngs.seeded(1), ProgressListener.none()))
                .hasMessageContaining("model.vocabularySize()");
        assertThatThrownBy(() -> SMALL.withLengths(0)).hasMessageContaining("lengths[0]");
        assertThatThrownBy(() -> SMALL.withLengths(101)).hasMessageContaining("lengths[0]");
        assertThatThrownBy(() -> SMALL.withAttackRate(1.5)).hasMessageContaining("attackRate");
        assertThatThrownBy(() -> SMALL.withBeams(-1)).hasMessageContaining("beams");
        assertThatThrownBy(() -> SMALL.withShiftSizes(1, 4)).hasMessageContaining("klKeys");
        assertThatThrownBy(() -> SMALL.withTexts(0)).hasMessageContaining("texts");
        assertThatThrownBy(() -> result.row("nope")).hasMessageContaining("watermark");
    }
}
