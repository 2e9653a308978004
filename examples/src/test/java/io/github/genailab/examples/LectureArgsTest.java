package io.github.genailab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LectureArgsTest {

    @Test
    void defaultsAreSeed42FullSizeAndTheTopicFigureDirectory() {
        LectureArgs args = LectureArgs.parse(new String[0], "watermark");
        assertThat(LectureArgs.parse(new String[0], Path.of("elsewhere")).out()).isEqualTo(Path.of("elsewhere"));

        assertThat(args).isEqualTo(new LectureArgs(42, Path.of("target", "figures", "watermark"), false, Optional.empty()));
        assertThat(args.size(1000, 10)).isEqualTo(1000);
    }

    @Test
    void parsesEveryFlagInAnyOrder() {
        LectureArgs args = LectureArgs.parse(new String[] {"--out", "/tmp/x", "--quick", "--model", "/m/gpt2", "--seed",
            "-7"}, "t");

        assertThat(args).isEqualTo(new LectureArgs(-7, Path.of("/tmp/x"), true, Optional.of(Path.of("/m/gpt2"))));
        assertThat(args.size(1000, 10)).isEqualTo(10);
        assertThat(args.forTopic("core")).isEqualTo(new LectureArgs(-7, Path.of("/tmp/x/core"), true,
                Optional.of(Path.of("/m/gpt2"))));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new String[] {"--sed", "1"}, "args[0]"),
                Arguments.of(new String[] {"--seed"}, "--seed"),
                Arguments.of(new String[] {"--seed", "x1"}, "--seed"),
                Arguments.of(new String[] {"--quick", "--out"}, "--out"),
                Arguments.of(new String[] {"--model"}, "--model"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badFlagsNameTheFlag(String[] args, String name) {
        assertThatThrownBy(() -> LectureArgs.parse(args, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> LectureArgs.parse(null, "t")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("args");
        assertThatThrownBy(() -> LectureArgs.parse(new String[0], (String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("topic");
    }
}
