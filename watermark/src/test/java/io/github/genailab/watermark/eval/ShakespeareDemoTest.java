package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.attack.Attack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end on the bundled corpus: n-gram model, watermarked generation, detection, attacks. */
class ShakespeareDemoTest {

    private static ShakespeareDemoResult demo;
    private static WatermarkDetector detector;

    @BeforeAll
    static void prepare() {
        WatermarkScheme scheme = WatermarkScheme.reference("lefthash", 4096, 0.25, 2.0);
        demo = ShakespeareDemo.prepare(WatermarkLogitsProcessor.of(scheme), ShakespeareDemoOptions.defaults().withTexts(10), Rngs.seeded(42), ProgressListener.none());
        detector = WatermarkDetector.of(scheme);
    }

    @Test
    void watermarkedGenerationsAreDetectedAndHumanTextIsNot() {
        DetectionExperimentResult r = DetectionExperiment.run(detector, demo.human(), demo.watermarked());
        assertThat(r.truePositiveRate()).isEqualTo(1.0);
        assertThat(r.falsePositiveRate()).isEqualTo(0.0);
        assertThat(r.auc()).isEqualTo(1.0);
        assertThat(r.meanTokensScored()).isGreaterThan(150);
        // human z: mean 0, sd 1 under H0; 4 standard errors of the mean
        assertThat(Math.abs(r.meanHumanZ())).isLessThan(4 / Math.sqrt(r.humanCount()));
    }

    @Test
    void plainModelTextIsNotWatermarked() {
        DetectionExperimentResult r = DetectionExperiment.run(detector, demo.human(), demo.unwatermarked());
        assertThat(r.truePositiveRate()).isEqualTo(0.0);
        assertThat(Math.abs(r.meanWatermarkedZ())).isLessThan(4 / Math.sqrt(r.watermarkedCount()));
    }

    @Test
    void falsePositiveRateOnHumanTextMatchesTheNominalRate() {
        // At z > 2 the nominal rate is P(Z > 2) = 2.28%: the count over the human texts stays within 4 standard errors.
        WatermarkDetector two = detector.withZThreshold(2.0);
        int n = demo.human().size();
        int hits = 0;
        for (int[] text : demo.human()) {
            hits += two.detect(text).prediction() ? 1 : 0;
        }
        double p = 0.02275;
        assertThat(n).isGreaterThan(100);
        assertThat(Math.abs(hits - n * p)).isLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }

    @Test
    void attacksLowerTheZScore() {
        AttackSweepResult sweep = AttackSweep.run(detector, demo.human(), demo.watermarked(), Attack.substitution(0, 4096),
                new double[] {0.0, 0.2, 0.5}, Rngs.seeded(7), ProgressListener.none());
        double previous = Double.POSITIVE_INFINITY;
        for (SweepPoint p : sweep.points()) {
            assertThat(p.result().meanWatermarkedZ()).isLessThan(previous);
            previous = p.result().meanWatermarkedZ();
        }
        assertThat(sweep.points().get(0).result().truePositiveRate()).isEqualTo(1.0);
        assertThat(sweep.table().lines()).hasSize(4);
        assertThat(sweep.toString()).startsWith("AttackSweepResult[Substitution, mean z by rate: 0.00->");
    }
}
