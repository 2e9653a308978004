package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.data.PointClouds;
import org.junit.jupiter.api.Test;

/** The trigger watermark: absent before, present after, ordinary classes barely moved; its fate under clean fine-tuning. */
class TriggerWatermarkTest {

    static final double[][] PATTERN = PointClouds.letter('W', 300, 0.02, Rngs.seeded(8)).points();

    static final TriggerWatermarkOptions OPTIONS = TriggerWatermarkOptions.defaults().withEpochs(40, 20, 10)
            .withSamples(150);

    @Test
    void watermarkIsVerifiedOnTheTriggerAndAbsentOnOrdinaryConditions() {
        TriggerWatermarkResult report = TriggerWatermark.study(TestModels.CONDITIONAL, TestModels.MIXTURE.points(),
                TestModels.MIXTURE.labels(), PATTERN, OPTIONS, Rngs.seeded(11));
        System.out.println("watermark: " + report);
        assertThat(report.before().verified()).isFalse();
        assertThat(report.after().verified()).isTrue();
        assertThat(report.after().ratio()).isLessThan(report.before().ratio() / 4);
        // ordinary classes still far from the pattern, and still near their own data
        assertThat(report.after().ordinaryDistance()).isGreaterThan(0.2);
        assertThat(report.fidelityAfter()).isLessThan(0.05);
        assertThat(report.cleanEpochs()).containsExactly(10, 20);
        assertThat(report.survival()).hasSize(2);
        assertThat(report.fidelitySurvival()).hasSize(2);
        assertThat(report.survivedEpochs()).isBetween(0, 20);
    }

    @Test
    void verifyQueriesTheLastClassAndTheWatermarkedModelDiffersFromTheBase() {
        DiffusionModel marked = TriggerWatermark.embed(TestModels.CONDITIONAL, TestModels.MIXTURE.points(),
                TestModels.MIXTURE.labels(), PATTERN, OPTIONS, Rngs.seeded(12));
        WatermarkVerification on = TriggerWatermark.verify(marked, PATTERN, OPTIONS, Rngs.seeded(13));
        WatermarkVerification off = TriggerWatermark.verify(TestModels.CONDITIONAL, PATTERN, OPTIONS, Rngs.seeded(13));
        assertThat(on.verified()).isTrue();
        assertThat(off.verified()).isFalse();
        assertThat(on.toString()).startsWith("WatermarkVerification[present: trigger ");
        assertThat(off.toString()).startsWith("WatermarkVerification[absent: trigger ");
        assertThat(marked.classes()).isEqualTo(4);
        assertThat(marked.options()).isEqualTo(TestModels.CONDITIONAL.options());
    }
}
