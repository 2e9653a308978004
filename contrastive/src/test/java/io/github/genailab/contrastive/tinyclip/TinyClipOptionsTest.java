package io.github.genailab.contrastive.tinyclip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The options of the tiny CLIP and the arguments of its training (the digits themselves are tested in core). */
class TinyClipOptionsTest {

    private static final Digits DIGITS = Digits.load();

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(IllegalArgumentException.class, "embeddingDimension",
                        () -> TinyClipOptions.defaults().withEmbeddingDimension(0)),
                bad(IllegalArgumentException.class, "hiddenUnits",
                        () -> TinyClipOptions.defaults().withHiddenUnits(-1)),
                bad(IllegalArgumentException.class, "epochs", () -> TinyClipOptions.defaults().withEpochs(0)),
                bad(IllegalArgumentException.class, "batchSize must be >= 2, got 1",
                        () -> TinyClipOptions.defaults().withBatchSize(1)),
                bad(IllegalArgumentException.class, "learningRate",
                        () -> TinyClipOptions.defaults().withLearningRate(Double.NaN)),
                bad(IllegalArgumentException.class, "testFraction",
                        () -> TinyClipOptions.defaults().withTestFraction(0)),
                bad(IllegalArgumentException.class, "initialLogitScale",
                        () -> TinyClipOptions.defaults().withInitialLogitScale(101)),
                bad(IllegalArgumentException.class, "captionTemplates",
                        () -> TinyClipOptions.defaults().withCaptionTemplates(List.of())),
                bad(IllegalArgumentException.class, "promptTemplates[0] must contain {}",
                        () -> TinyClipOptions.defaults().withPromptTemplates(List.of("a photo"))),
                bad(NullPointerException.class, "data",
                        () -> TinyClip.train(null, TinyClipOptions.defaults(), Rngs.seeded(1))),
                bad(NullPointerException.class, "options", () -> TinyClip.train(DIGITS, null, Rngs.seeded(1))),
                bad(NullPointerException.class, "rng", () -> TinyClip.train(DIGITS, TinyClipOptions.defaults(), null)),
                bad(NullPointerException.class, "listener",
                        () -> TinyClip.train(DIGITS, TinyClipOptions.defaults(), Rngs.seeded(1), null)));
    }

    private static Arguments bad(Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(type, message, call);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void rejects(Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void optionsDefaultsAndWithers() {
        TinyClipOptions d = TinyClipOptions.defaults();
        assertThat(d.embeddingDimension()).isEqualTo(32);
        assertThat(d.initialLogitScale()).isEqualTo(1 / 0.07);
        assertThat(d.promptTemplates()).isEqualTo(TinyClipOptions.PROMPT_TEMPLATES);
        TinyClipOptions changed = d.withEmbeddingDimension(8).withHiddenUnits(16).withEpochs(3).withBatchSize(64)
                .withLearningRate(0.01).withTestFraction(0.5).withInitialLogitScale(1)
                .withCaptionTemplates(List.of("{}")).withPromptTemplates(List.of("the {}"));
        assertThat(changed)
                .isEqualTo(new TinyClipOptions(8, 16, 3, 64, 0.01, 0.5, 1, List.of("{}"), List.of("the {}")));
    }
}
