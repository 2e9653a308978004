package io.github.genailab.examples;

import io.github.genailab.core.math.Checks;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A plain-text progress bar that only ever appends to one line, so it reads the same on a terminal, in a
 * CI log and in a Maven build:
 *
 * <pre>
 * refitting 2000 generations [########################################] 2000/2000 in 3.1 s
 * </pre>
 *
 * <p>The library never prints; lectures pass {@link #stepTo(long)} (or {@link #step()}) to the kernels'
 * optional progress listeners.
 */
public final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final long total;
    private final long start = System.nanoTime();
    private long done;
    private int drawn;
    private boolean closed;

    /**
     * Starts a bar and prints its label.
     *
     * @param out where the bar is drawn
     * @param label what is being done
     * @param total the number of steps at 100%
     * @throws IllegalArgumentException if {@code total} is not positive
     * @throws NullPointerException if {@code out} or {@code label} is null
     */
    public ProgressBar(PrintStream out, String label, long total) {
        this.out = Checks.notNull(out, "out");
        Checks.notNull(label, "label");
        if (total <= 0) {
            throw Checks.fail("total", "be > 0", total);
        }
        this.total = total;
        out.print(label + " [");
        out.flush();
    }

    /** Advances the bar by one step. */
    public void step() {
        stepTo(done + 1);
    }

    /**
     * Moves the bar to {@code steps} completed steps (clamped to {@code [0, total]}; never moves back).
     *
     * @param steps steps completed so far
     */
    public void stepTo(long steps) {
        done = Math.max(done, Math.min(steps, total));
        int target = (int) (WIDTH * done / total);
        if (target > drawn && !closed) {
            out.print("#".repeat(target - drawn));
            out.flush();
            drawn = target;
        }
    }

    /** Completes the bar (whatever the count reached) and ends its line with the step count and time. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        out.print("#".repeat(WIDTH - drawn));
        out.printf(Locale.ROOT, "] %d/%d in %.1f s%n", done, total, (System.nanoTime() - start) / 1e9);
        out.flush();
        closed = true;
    }
}
