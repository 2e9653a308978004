package io.github.genailab.examples;

import java.io.IOException;
import java.io.PrintStream;
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
     * @param topic the lecture's topic (header and default figure directory)
     * @param lecture the lecture to run
     * @throws IOException if a figure cannot be written
     */
    static void launch(String[] commandLine, String topic, Lecture lecture) throws IOException {
        LectureArgs args;
        try {
            args = LectureArgs.parse(commandLine, topic);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: [--seed N] [--out DIR] [--quick]");
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
     * @throws IOException if a figure cannot be written
     */
    static void runTimed(String topic, LectureArgs args, Lecture lecture, PrintStream out) throws IOException {
        out.printf(Locale.ROOT, "=== GenAI Lab lecture: %s (seed %d%s) ===%n", topic, args.seed(),
                args.quick() ? ", quick" : "");
        long start = System.nanoTime();
        lecture.run(args, out);
        out.printf(Locale.ROOT, "--- %s done in %.1f s ---%n%n", topic, (System.nanoTime() - start) / 1e9);
        out.flush();
    }
}
