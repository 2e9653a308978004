package io.github.genailab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One lecture program: prints its report to {@code out} and writes its figures under {@code args.out()}.
 *
 * <p>Every lecture's {@code main} is one line, {@code Lecture.launch(args, "topic", X::run)}, so the flag
 * handling, the header and the timing line are written once.
 */
@FunctionalInterface
public interface Lecture {

    /**
     * Runs the lecture.
     *
     * @param args the parsed flags
     * @param out where the report goes
     * @throws IOException if a figure cannot be written
     */
    void run(LectureArgs args, PrintStream out) throws IOException;

    /**
     * Parses the command line, runs the lecture on standard output and prints how long it took. Bad flags
     * print the usage and exit with status 2.
     *
     * @param commandLine the arguments of {@code main}
     * @param topic the lecture's topic (header and default figure directory {@code target/figures/<topic>})
     * @param lecture the lecture to run
     * @throws IOException if a figure cannot be written
     */
    static void launch(String[] commandLine, String topic, Lecture lecture) throws IOException {
        launch(commandLine, LectureArgs.FIGURES.resolve(topic), topic, lecture);
    }

    /**
     * Like {@link #launch(String[], String, Lecture)} with an explicit default figure directory.
     *
     * @param commandLine the arguments of {@code main}
     * @param defaultOut the figure directory when {@code --out} is absent
     * @param topic the lecture's topic, printed in the header
     * @param lecture the lecture to run
     * @throws IOException if a figure cannot be written
     */
    static void launch(String[] commandLine, Path defaultOut, String topic, Lecture lecture) throws IOException {
        LectureArgs args;
        try {
            args = LectureArgs.parse(commandLine, defaultOut);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: [--seed N] [--out DIR] [--quick] [--model DIR]");
            System.exit(2);
            return;
        }
        runTimed(topic, args, lecture, System.out);
    }

    /**
     * Runs a lecture between a header line and a timing line.
     *
     * @param topic the lecture's topic
     * @param args the parsed flags
     * @param lecture the lecture to run
     * @param out where the report goes
     * @return the lecture's wall-clock time in seconds
     * @throws IOException if a figure cannot be written
     */
    static double runTimed(String topic, LectureArgs args, Lecture lecture, PrintStream out) throws IOException {
        out.printf(Locale.ROOT, "=== GenAI Lab: %s (seed %d%s%s) ===%n", topic, args.seed(),
                args.quick() ? ", quick" : "", args.model().map(m -> ", model " + m).orElse(""));
        long start = System.nanoTime();
        lecture.run(args, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "--- %s done in %.1f s ---%n%n", topic, seconds);
        out.flush();
        return seconds;
    }
}
