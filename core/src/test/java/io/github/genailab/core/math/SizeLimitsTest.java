package io.github.genailab.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regressions from the fuzzing pass (issue 19): sizes are bounded up front, list elements named. */
class SizeLimitsTest {

    @Test
    void splitRefusesAnAbsurdCountInsteadOfExhaustingMemory() {
        assertThatThrownBy(() -> Rngs.split(Rngs.seeded(1), Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be <= " + Rngs.MAX_SPLITS + ", got " + Integer.MAX_VALUE);
        assertThat(Rngs.split(Rngs.seeded(1), 3)).hasSize(3);
    }

    @Test
    void noNullElementsNamesTheFirstNullAndCopies() {
        assertThatThrownBy(() -> Checks.noNullElements(Arrays.asList("a", null), "texts"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("texts[1]");
        assertThatThrownBy(() -> Checks.noNullElements(null, "texts"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("texts");
        List<String> source = new java.util.ArrayList<>(List.of("a"));
        List<String> copy = Checks.noNullElements(source, "texts");
        source.add("b");
        assertThat(copy).containsExactly("a");
    }

    @Test
    void atMostAcceptsTheBoundAndRefusesPastIt() {
        assertThat(Checks.atMost(5, 5, "n")).isEqualTo(5);
        assertThatThrownBy(() -> Checks.atMost(6, 5, "n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be <= 5, got 6");
    }
}
