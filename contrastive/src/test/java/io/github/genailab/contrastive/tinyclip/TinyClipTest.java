package io.github.genailab.contrastive.tinyclip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training the tiny CLIP on the digits: zero-shot accuracy far above chance, reproducibly. */
class TinyClipTest {

    private static TinyClipResult result;
    private static final List<String> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void trainOnce() {
        result = TinyClip.train(Digits.load(), TinyClipOptions.defaults(), Rngs.seeded(42), (stage, epoch, epochs) -> PROGRESS.add(stage + " " + epoch + "/" + epochs));
    }

    @Test
    void zeroShotAccuracyIsFarAboveChance() {
        // Seeded and deterministic; observed 0.958 / 0.953 / 0.036 (seed 42). Chance is 0.1: with 359
        // held-out images its standard error is 0.016, so 0.8 is beyond 40 standard errors.
        assertThat(result.testSize()).isEqualTo(359);
        assertThat(result.trainSize()).isEqualTo(1438);
        assertThat(result.chance()).isEqualTo(0.1);
        assertThat(result.zeroShotAccuracy()).isGreaterThan(0.8);
        assertThat(result.zeroShotAccuracyEnsemble()).isGreaterThan(0.8);
        assertThat(result.zeroShotAccuracyBefore()).isLessThan(0.3);
    }

    @Test
    void lossFallsTowardsTheFalseNegativeFloor() {
        double[] loss = result.lossCurve();
        assertThat(loss).hasSize(30);
        // Untrained: about ln 128 = 4.85. A batch of 128 holds ~13 captions per digit, so even a
        // perfect class-level alignment leaves about ln 13 = 2.56.
        assertThat(loss[0]).isBetween(4.0, 6.0);
        assertThat(loss[29]).isBetween(2.3, 3.2).isLessThan(loss[0] - 1.5);
        for (double s : result.logitScaleCurve()) {
            assertThat(s).isBetween(1.0, 100.0);
        }
    }

    @Test
    void trainingLightsUpTheDiagonalOfTheSimilarityMatrix() {
        double[][] after = result.similarityAfter();
        double[][] before = result.similarityBefore();
        assertThat(after).hasDimensions(10, 10);
        assertThat(diagonalMargin(after)).isGreaterThan(0.3);
        assertThat(diagonalMargin(after)).isGreaterThan(diagonalMargin(before) + 0.3);
    }

    @Test
    void listenerHearsEveryEpoch() {
        assertThat(PROGRESS).hasSize(30);
        assertThat(PROGRESS.get(0)).endsWith(" 1/30");
        assertThat(PROGRESS.get(29)).isEqualTo(String.format(java.util.Locale.ROOT, "epoch (loss %.6g, logitScale %.6g) 30/30",
                result.lossCurve()[29], result.model().logitScale()));
    }

    @Test
    void modelEmbedsImagesAndTextsIntoOneSpace() {
        TinyClipModel model = result.model();
        assertThat(model.dimension()).isEqualTo(32);
        assertThat(model.vocabulary()).startsWith("<unk>").contains("seven", "7", "handwritten");
        Digits digits = Digits.load();
        assertThat(model.encodeImage(digits.pixels()[0])).hasSize(32);
        assertThat(model.encodeText("a photo of the number seven.")).hasSize(32);
        // Unknown words count as <unk>: the same embedding.
        assertThat(model.encodeText("zebra")).containsExactly(model.encodeText("quokka"));
        assertThat(model.toString()).matches("TinyClipModel\\[D=32, vocabulary=\\d+ words, logitScale=.*\\]");
        assertThat(result.toString()).startsWith("TinyClipResult[30 epochs, loss ").doesNotContain("\n")
                .contains("zero-shot accuracy on 359 held-out digits");
    }

    @Test
    void sameSeedSameResult() {
        TinyClipOptions quick = TinyClipOptions.defaults().withEpochs(2);
        TinyClipResult a = TinyClip.train(Digits.load(), quick, Rngs.seeded(7));
        TinyClipResult b = TinyClip.train(Digits.load(), quick, Rngs.seeded(7));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TinyClip.train(Digits.load(), quick, Rngs.seeded(8)));
    }

    /** Mean diagonal minus mean off-diagonal cosine. */
    private static double diagonalMargin(double[][] s) {
        double diagonal = 0;
        double off = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (i == j) {
                    diagonal += s[i][j] / s.length;
                } else {
                    off += s[i][j] / (s.length * (s.length - 1.0));
                }
            }
        }
        return diagonal - off;
    }
}
