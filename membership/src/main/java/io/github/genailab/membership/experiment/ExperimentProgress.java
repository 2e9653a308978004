package io.github.genailab.membership.experiment;

/**
 * Receives progress reports from {@link NGramMembershipExperiment} (for a progress bar in a notebook
 * or a lecture; the library itself never prints).
 */
@FunctionalInterface
public interface ExperimentProgress {

    /**
     * Called after each step.
     *
     * @param step what was just done, e.g. {@code "trained order-3 model"}
     * @param completed steps done so far (1-based)
     * @param total the number of steps of the run
     */
    void step(String step, int completed, int total);

    /**
     * A listener that ignores every report.
     *
     * @return the silent listener
     */
    static ExperimentProgress none() {
        return (step, completed, total) -> { };
    }
}
