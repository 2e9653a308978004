package io.github.genailab.watermark.eval;

/**
 * Receives progress from a long-running experiment (generation, detection, an attack sweep), e.g. to drive a
 * progress bar in a lecture program. Called on the caller's thread; must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} steps of {@code stage} are finished.
     *
     * @param stage a short description, e.g. {@code "generating"} or {@code "substitution rate 0.2"}
     * @param done steps finished, in {@code [1, total]}
     * @param total steps in this stage
     */
    void progress(String stage, int done, int total);
}
