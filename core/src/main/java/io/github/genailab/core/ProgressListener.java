package io.github.genailab.core;

/**
 * Receives progress from a long-running computation of any GenAI Lab module — generating and
 * detecting texts, an attack sweep, a membership experiment, training a tiny CLIP, collapse runs and
 * generations — e.g. to drive a progress bar in a lecture program or a notebook. The one progress
 * callback of the library.
 *
 * <p>Contract: for one {@code stage}, {@code completed} strictly increases from 1 to {@code total};
 * calls never overlap (the library serialises them), but in a parallel run they may come from worker
 * threads, so a listener that touches shared state must publish it safely. A listener must not throw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Reports that {@code completed} of {@code total} steps of {@code stage} are finished.
     *
     * @param stage a short human-readable description of the work, e.g. {@code "generating"},
     *     {@code "substitution rate 0.2"} or {@code "epoch (loss 2.6004)"}
     * @param completed steps finished, in {@code [1, total]}
     * @param total steps in this stage, at least 1
     */
    void progress(String stage, long completed, long total);

    /**
     * A listener that ignores every report.
     *
     * @return the no-op listener
     */
    static ProgressListener none() {
        return (stage, completed, total) -> { };
    }
}
