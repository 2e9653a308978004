package io.github.genailab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsFortyMarksOnOneLineWhateverTheStepCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (ProgressBar bar = new ProgressBar(out, "work", 7)) {
            for (int i = 0; i < 7; i++) {
                bar.step();
            }
            bar.stepTo(3); // never moves back
        }

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("work [" + "#".repeat(40) + "] 7/7 in ").endsWith(" s" + System.lineSeparator());
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void closingEarlyFillsTheBarAndReportsTheTrueCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        ProgressBar bar = new ProgressBar(out, "w", 100);
        bar.stepTo(50);
        bar.close();
        bar.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("w [" + "#".repeat(40) + "] 50/100 in ");
    }

    @Test
    void rejectsANonPositiveTotal() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ProgressBar(out, "w", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("total must be > 0");
    }
}
