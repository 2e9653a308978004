package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.attack.Attack;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Experiments on synthetic texts: random human text, and fully green chains as "watermarked" text. */
class DetectionExperimentTest {

    private static final WatermarkScheme SCHEME = WatermarkScheme.keyed(WatermarkKey.of(7, 8), 1, false, 1000, 0.25, 2.0);
    private static final WatermarkDetector DETECTOR = WatermarkDetector.of(SCHEME);

    private static List<int[]> human(int n, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rng.ints(100, 0, 1000).toArray());
        }
        return out;
    }

    private static List<int[]> marked(int n, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = new int[100];
            t[0] = rng.nextInt(1000);
            for (int j = 1; j < t.length; j++) {
                int[] green = SCHEME.greenList(new int[] {t[j - 1]});
                // half the tokens green, half uniform: z around 10
                t[j] = rng.nextBoolean() ? green[rng.nextInt(green.length)] : rng.nextInt(1000);
            }
            out.add(t);
        }
        return out;
    }

    @Test
    void separatesWatermarkedFromHumanTextAndEchoesItsParameters() {
        List<String> stages = new ArrayList<>();
        DetectionExperimentResult r = DetectionExperiment.run(DETECTOR, human(60, 1), marked(20, 2), 0.05,
                (stage, done, total) -> stages.add(stage + " " + done + "/" + total));
        assertThat(stages).hasSize(80).endsWith("detecting 80/80");
        assertThat(r.humanCount()).isEqualTo(60);
        assertThat(r.watermarkedCount()).isEqualTo(20);
        assertThat(r.truePositiveRate()).isEqualTo(1.0);
        assertThat(r.falsePositiveRate()).isEqualTo(0.0);
        assertThat(r.auc()).isEqualTo(1.0);
        assertThat(r.targetFpr()).isEqualTo(0.05);
        assertThat(r.roc().auc()).isEqualTo(r.auc());
        assertThat(r.humanZ()).hasSize(60);
        r.humanZ()[0] = 1e9;
        assertThat(r.humanZ()[0]).isNotEqualTo(1e9);
        assertThat(r.toString()).startsWith("DetectionExperimentResult[keyed-h1: TPR=1.000 FPR=0.000 at z > 4.0, AUC=1.0000")
                .doesNotContain("\n");
        assertThat(r).isEqualTo(DetectionExperiment.run(DETECTOR, human(60, 1), marked(20, 2), 0.05,
                ProgressListener.none())).hasSameHashCodeAs(r);
    }

    @Test
    void notScorableTextsAreCountedAndLeftOut() {
        List<int[]> human = new ArrayList<>(human(5, 3));
        human.add(new int[] {4});
        DetectionExperimentResult r = DetectionExperiment.run(DETECTOR, human, marked(3, 4));
        assertThat(r.notScorable()).isEqualTo(1);
        assertThat(r.humanCount()).isEqualTo(5);
        assertThat(r.toString()).contains("1 not scorable");
    }

    @Test
    void sweepReportsEveryRateAndProgress() {
        List<String> stages = new ArrayList<>();
        AttackSweepResult s = AttackSweep.run(DETECTOR, human(20, 5), marked(10, 6), Attack.deletion(0.9),
                new double[] {0, 0.5}, Rngs.seeded(1), (stage, done, total) -> stages.add(stage));
        assertThat(s.points()).hasSize(2);
        assertThat(s.attack()).isEqualTo(Attack.deletion(0));
        assertThat(stages).contains("Deletion rate 0.00", "Deletion rate 0.50");
        assertThat(s.points().get(1).result().meanWatermarkedZ()).isLessThan(s.points().get(0).result().meanWatermarkedZ());
        assertThat(s.points().get(0).toString()).startsWith("SweepPoint[rate=0.00: mean z=");
    }

    static Stream<Arguments> badInputs() {
        List<int[]> ok = List.of(new int[] {1, 2, 3});
        List<int[]> withNull = new ArrayList<>();
        withNull.add(null);
        return Stream.of(
                Arguments.of((Runnable) () -> DetectionExperiment.run(null, ok, ok), NullPointerException.class, "detector"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, null, ok), NullPointerException.class, "human"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, List.of(), ok), IllegalArgumentException.class, "human"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, ok, withNull), NullPointerException.class, "watermarked[0]"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, List.of(new int[] {1}), ok), IllegalArgumentException.class, "human"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, ok, List.of(new int[] {1, 5000})), IllegalArgumentException.class, "tokenIds[1]"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, ok, ok, 1.5, ProgressListener.none()), IllegalArgumentException.class, "targetFpr"),
                Arguments.of((Runnable) () -> DetectionExperiment.run(DETECTOR, ok, ok, 0.1, null), NullPointerException.class, "listener"),
                Arguments.of((Runnable) () -> AttackSweep.run(DETECTOR, ok, ok, null, new double[] {0}, Rngs.seeded(1), ProgressListener.none()), NullPointerException.class, "attack"),
                Arguments.of((Runnable) () -> AttackSweep.run(DETECTOR, ok, ok, Attack.deletion(0), new double[0], Rngs.seeded(1), ProgressListener.none()), IllegalArgumentException.class, "rates"),
                Arguments.of((Runnable) () -> AttackSweep.run(DETECTOR, ok, ok, Attack.deletion(0), new double[] {0.1, 2}, Rngs.seeded(1), ProgressListener.none()), IllegalArgumentException.class, "rates[1]"),
                Arguments.of((Runnable) () -> AttackSweep.run(DETECTOR, ok, ok, Attack.deletion(0), new double[] {0.1}, null, ProgressListener.none()), NullPointerException.class, "rng"),
                Arguments.of((Runnable) () -> ShakespeareDemo.prepare(WatermarkLogitsProcessor.of(SCHEME), ShakespeareDemoOptions.defaults(), Rngs.seeded(1), ProgressListener.none()), IllegalArgumentException.class, "scheme.vocabularySize()"),
                Arguments.of((Runnable) () -> ShakespeareDemo.prepare(null, ShakespeareDemoOptions.defaults(), Rngs.seeded(1), ProgressListener.none()), NullPointerException.class, "processor"),
                Arguments.of((Runnable) () -> ShakespeareDemoOptions.defaults().withTexts(0), IllegalArgumentException.class, "texts"),
                Arguments.of((Runnable) () -> ShakespeareDemoOptions.defaults().withTokensPerText(1), IllegalArgumentException.class, "tokensPerText"),
                Arguments.of((Runnable) () -> ShakespeareDemoOptions.defaults().withNgramOrder(6), IllegalArgumentException.class, "ngramOrder"),
                Arguments.of((Runnable) () -> ShakespeareDemoOptions.defaults().withDecoding(null), NullPointerException.class, "decoding"),
                Arguments.of((Runnable) () -> new ShakespeareDemoOptions(1, 10, 0, 3, 0.1, DecodingOptions.defaults()), IllegalArgumentException.class, "promptTokens"),
                Arguments.of((Runnable) () -> new ShakespeareDemoOptions(1, 10, 4, 3, 1.0, DecodingOptions.defaults()), IllegalArgumentException.class, "heldOutFraction"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
