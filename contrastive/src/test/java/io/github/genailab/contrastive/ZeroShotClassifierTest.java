package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prompt ensembling and zero-shot predictions (docs/clip-conventions.md, 'Zero-shot classification and
 * prompt ensembling').
 */
class ZeroShotClassifierTest {

    /** A toy text encoder: a fixed vector per prompt. */
    private static final Map<String, float[]> TABLE = Map.of(
            "a cat", new float[] {2, 0, 0},
            "art of a cat", new float[] {0, 3, 0},
            "a dog", new float[] {0, 0, 1},
            "art of a dog", new float[] {0, 0, 5});
    private static final Function<String, float[]> ENCODER = TABLE::get;
    private static final List<String> NAMES = List.of("cat", "dog");

    @Test
    void averagesUnitPromptEmbeddingsAndRenormalises() {
        ZeroShotClassifier c = ZeroShotClassifier.fromPrompts(NAMES, List.of("a {}", "art of a {}"), ENCODER);
        double r = 1 / Math.sqrt(2);
        assertThat(c.weights()[0]).containsExactly(new double[] {r, r, 0}, within(1e-15));
        assertThat(c.weights()[1]).containsExactly(new double[] {0, 0, 1}, within(1e-15));
        assertThat(c.templates()).containsExactly("a {}", "art of a {}");
        assertThat(c.dimension()).isEqualTo(3);
        assertThat(c.toString()).isEqualTo("ZeroShotClassifier[2 classes x 2 templates, D=3, scale=100]");
    }

    @Test
    void repeatingATemplateChangesNothing() {
        ZeroShotClassifier once = ZeroShotClassifier.fromPrompts(NAMES, List.of("art of a {}"), ENCODER);
        ZeroShotClassifier thrice = ZeroShotClassifier.fromPrompts(NAMES,
                List.of("art of a {}", "art of a {}", "art of a {}"), ENCODER);
        assertThat(thrice.weights()).isDeepEqualTo(once.weights());
    }

    @Test
    void logitsAreHundredTimesTheCosine() {
        ZeroShotClassifier c = ZeroShotClassifier.fromPrompts(NAMES, List.of("a {}", "art of a {}"), ENCODER);
        float[] image = {3, 0, 4};
        double[] logits = c.logits(image);
        assertThat(logits[0]).isCloseTo(100 * (3 / 5.0) / Math.sqrt(2), within(1e-12));
        assertThat(logits[1]).isCloseTo(100 * 4 / 5.0, within(1e-12));
        double[] p = c.probabilities(image);
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-15));
        assertThat(p[1]).isCloseTo(1 / (1 + Math.exp(logits[0] - logits[1])), within(1e-15));
        assertThat(c.predict(image)).isEqualTo(1);
        // Scaling the image does not change anything: it is normalised inside.
        assertThat(c.logits(new float[] {30, 0, 40})).containsExactly(logits, within(1e-12));
    }

    @Test
    void fromEmbeddingsMatchesFromPrompts() {
        ZeroShotClassifier a = ZeroShotClassifier.fromPrompts(NAMES, List.of("a {}", "art of a {}"), ENCODER);
        ZeroShotClassifier b = ZeroShotClassifier.fromEmbeddings(NAMES, new float[][][] {
            {TABLE.get("a cat"), TABLE.get("art of a cat")},
            {TABLE.get("a dog"), TABLE.get("art of a dog")},
        });
        assertThat(b.weights()).isDeepEqualTo(a.weights());
        assertThat(b.templates()).containsExactly("template 0", "template 1");
        assertThat(b.classNames()).isEqualTo(NAMES);
    }

    @Test
    void rankingsBreakTiesTowardsTheLowerIndex() {
        ZeroShotClassifier c = ZeroShotClassifier.fromEmbeddings(List.of("a", "b", "c"), new float[][][] {
            {{1, 0}}, {{0, 1}}, {{1, 0}},
        });
        assertThat(c.topK(new float[] {1, 0.5f}, 3)).containsExactly(0, 2, 1);
        assertThat(c.predict(new float[][] {{0, 1}, {1, 0}})).containsExactly(1, 0);
        float[][] images = {{1, 0}, {0, 1}, {1, 0.1f}, {0.1f, 1}};
        assertThat(c.topKAccuracy(images, new int[] {0, 1, 2, 2}, 1)).isEqualTo(0.5);
        assertThat(c.topKAccuracy(images, new int[] {0, 1, 2, 2}, 2)).isEqualTo(0.75);
        assertThat(c.topKAccuracy(images, new int[] {0, 1, 2, 2}, 3)).isEqualTo(1.0);
    }

    @Test
    void promptReplacesThePlaceholder() {
        assertThat(ZeroShotClassifier.prompt("a photo of the number {}.", "seven"))
                .isEqualTo("a photo of the number seven.");
    }

    static Stream<Arguments> badInputs() {
        ZeroShotClassifier c = ZeroShotClassifier.fromPrompts(NAMES, List.of("a {}"), ENCODER);
        return Stream.of(
                bad(NullPointerException.class, "classNames",
                        () -> ZeroShotClassifier.fromPrompts(null, List.of("{}"), ENCODER)),
                bad(IllegalArgumentException.class, "classNames",
                        () -> ZeroShotClassifier.fromPrompts(List.of(), List.of("{}"), ENCODER)),
                bad(IllegalArgumentException.class, "templates",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of(), ENCODER)),
                bad(IllegalArgumentException.class, "templates[0] must contain {}",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of("a"), ENCODER)),
                bad(NullPointerException.class, "textEncoder",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of("{}"), null)),
                bad(NullPointerException.class, "textEncoder output[0][0]",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of("{}"), s -> null)),
                bad(IllegalArgumentException.class, "textEncoder output[1][0]",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of("{}"),
                                s -> s.equals("cat") ? new float[2] : new float[3])),
                bad(IllegalArgumentException.class, "textEncoder output[0][0]",
                        () -> ZeroShotClassifier.fromPrompts(NAMES, List.of("{}"), s -> new float[] {Float.NaN})),
                bad(IllegalArgumentException.class, "promptEmbeddings",
                        () -> ZeroShotClassifier.fromEmbeddings(NAMES, new float[][][] {{{1}}})),
                bad(IllegalArgumentException.class, "promptEmbeddings[1]",
                        () -> ZeroShotClassifier.fromEmbeddings(NAMES, new float[][][] {{{1}}, {{1}, {2}}})),
                bad(NullPointerException.class, "image", () -> c.logits(null)),
                bad(IllegalArgumentException.class, "image", () -> c.logits(new float[2])),
                bad(IllegalArgumentException.class, "image[1]",
                        () -> c.probabilities(new float[] {1, Float.POSITIVE_INFINITY, 0})),
                bad(IllegalArgumentException.class, "k", () -> c.topK(new float[3], 3)),
                bad(IllegalArgumentException.class, "k", () -> c.topK(new float[3], 0)),
                bad(IllegalArgumentException.class, "labels", () -> c.topKAccuracy(new float[0][], new int[0], 1)),
                bad(IllegalArgumentException.class, "images and labels",
                        () -> c.topKAccuracy(new float[1][3], new int[2], 1)),
                bad(IllegalArgumentException.class, "labels[0]",
                        () -> c.topKAccuracy(new float[1][3], new int[] {2}, 1)),
                bad(NullPointerException.class, "images[0]", () -> c.predict(new float[][] {null})),
                bad(NullPointerException.class, "template", () -> ZeroShotClassifier.prompt(null, "x")));
    }

    private static Arguments bad(Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(type, message, call);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void rejects(Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }
}
