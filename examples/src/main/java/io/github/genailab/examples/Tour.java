package io.github.genailab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The lecture tour: every stop end to end on the bundled data, one after the other, each writing its
 * figures into its own sub-directory. This is what the README's first command runs:
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package
 * </pre>
 */
public final class Tour {

    /** One stop of the tour: a topic and its lecture. */
    private record Stop(String topic, Lecture lecture) {
    }

    private static final List<Stop> STOPS = List.of(
            new Stop("core", CoreLecture::run),
            new Stop("watermark", WatermarkLecture::run),
            new Stop("contrastive", ContrastiveLecture::run),
            new Stop("membership", MembershipLecture::run),
            new Stop("collapse", CollapseLecture::run),
            new Stop("diffusion", DiffusionLecture::run));

    private Tour() {
    }

    /**
     * Runs the tour from the command line.
     *
     * @param args {@code [--seed N] [--out DIR] [--quick]}; figures go to {@code DIR/<topic>}
     *     (default {@code target/figures/<topic>})
     * @throws IOException if a figure cannot be written
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, LectureArgs.FIGURES, "tour", Tour::run);
    }

    /**
     * Runs every stop.
     *
     * @param args the parsed flags
     * @param out where the reports go
     * @throws IOException if a figure cannot be written
     */
    public static void run(LectureArgs args, PrintStream out) throws IOException {
        out.println("stops: " + String.join(", ", STOPS.stream().map(Stop::topic).toList()));
        out.println();
        StringBuilder summary = new StringBuilder("tour summary:");
        for (Stop stop : STOPS) {
            double seconds = Lecture.runTimed(stop.topic(), args.forTopic(stop.topic()), stop.lecture(), out);
            summary.append(String.format(Locale.ROOT, " %s %.1f s;", stop.topic(), seconds));
        }
        out.println(summary);
        out.println("figures: " + args.out().toAbsolutePath().normalize() + "/<topic>/*.png");
    }
}
