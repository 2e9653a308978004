package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.watermark.theory.WatermarkTheory;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defects the fuzzing pass of issue 19 found in this module, each pinned by the input that showed it. */
class FuzzRegressionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("randperm of 2^31 - 1 ran out of memory", (ThrowingCallable) () -> TorchRandperm.of(Integer.MAX_VALUE),
                        IllegalArgumentException.class, "n must be <= " + TorchRandperm.MAX_SIZE),
                Arguments.of("randperm(2^31 - 1, seed): OutOfMemoryError (found by WatermarkFuzzTest)",
                        (ThrowingCallable) () -> TorchRandperm.randperm(Integer.MAX_VALUE, 3),
                        IllegalArgumentException.class, "n must be <= " + TorchRandperm.MAX_SIZE),
                Arguments.of("a 2^31 - 1 vocabulary ran out of memory",
                        (ThrowingCallable) () -> WatermarkScheme.reference("lefthash", Integer.MAX_VALUE, 0.25, 2.0),
                        IllegalArgumentException.class, "vocabularySize must be <= " + WatermarkScheme.MAX_VOCABULARY_SIZE),
                Arguments.of("spike entropy named x[0]",
                        (ThrowingCallable) () -> WatermarkTheory.spikeEntropyOfLogits(new double[] {Double.NaN}, 0.25, 2.0),
                        IllegalArgumentException.class, "logits[0] must be finite or -Infinity, got NaN"),
                Arguments.of("spike entropy of an all-masked row",
                        (ThrowingCallable) () -> WatermarkTheory.spikeEntropyOfLogits(new double[] {Double.NEGATIVE_INFINITY}, 0.25, 2.0),
                        IllegalArgumentException.class, "logits must have at least one finite entry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithAMessageNamingTheParameter(String defect, ThrowingCallable call, Class<? extends Throwable> type,
            String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
