package io.github.genailab.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RandomCheckpointTest {

    @TempDir
    Path dir;

    static Stream<RandomCheckpoint> shapes() {
        return Stream.of(RandomCheckpoint.tinyGpt2(300), new RandomCheckpoint("llama", 97, 24, 2, 6, 2, 40, 64));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void writesADirectoryThatLoadsWithTheShapeItNames(RandomCheckpoint shape) throws Exception {
        Path target = Files.createDirectory(dir.resolve(shape.modelType()));
        long bytes = shape.write(target, 7);
        assertThat(Files.size(target.resolve("model.safetensors"))).isGreaterThan(bytes);
        try (CausalLm lm = CausalLm.load(target)) {
            assertThat(lm.vocabularySize()).isEqualTo(shape.vocabularySize());
            assertThat(lm.config().layers()).isEqualTo(shape.layers());
            float[][] logits = lm.forward(new int[] {1, 2, 3});
            assertThat(logits).hasNumberOfRows(3);
            for (float[] row : logits) {
                assertThat(row).hasSize(shape.vocabularySize());
                for (float v : row) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherWeights() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path c = Files.createDirectory(dir.resolve("c"));
        RandomCheckpoint.tinyGpt2(50).write(a, 1);
        RandomCheckpoint.tinyGpt2(50).write(b, 1);
        RandomCheckpoint.tinyGpt2(50).write(c, 2);
        assertThat(Files.readAllBytes(a.resolve("model.safetensors"))).isEqualTo(Files.readAllBytes(b.resolve("model.safetensors")));
        assertThat(Files.readAllBytes(a.resolve("model.safetensors"))).isNotEqualTo(Files.readAllBytes(c.resolve("model.safetensors")));
    }

    static Stream<Arguments> badShapes() {
        return Stream.of(
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("bert", 10, 8, 1, 2, 2, 8, 8), "modelType must be gpt2 or llama"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint(null, 10, 8, 1, 2, 2, 8, 8), "modelType"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("gpt2", 0, 8, 1, 2, 2, 8, 8), "vocabularySize must be > 0"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("gpt2", 10, 9, 1, 2, 2, 8, 8), "width must be a positive multiple of heads 2"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("gpt2", 10, 8, 1, 2, 1, 8, 8), "keyValueHeads must equal heads 2 for gpt2"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("llama", 10, 16, 1, 4, 3, 8, 8), "keyValueHeads must divide heads 4"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("llama", 10, 12, 1, 4, 4, 8, 8), "width / heads must be even"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("gpt2", 10, 8, 0, 2, 2, 8, 8), "layers must be > 0"),
                Arguments.of((ThrowingCallable) () -> new RandomCheckpoint("gpt2", Integer.MAX_VALUE, 1 << 12, 1, 2, 2, 8, 8), "parameters must be <="),
                Arguments.of((ThrowingCallable) () -> RandomCheckpoint.tinyGpt2(10).write(null, 1), "dir"));
    }

    @ParameterizedTest
    @MethodSource("badShapes")
    void badShapesAreRefusedNamingTheField(ThrowingCallable call, String message) {
        assertThatThrownBy(call).hasMessageContaining(message);
    }
}
