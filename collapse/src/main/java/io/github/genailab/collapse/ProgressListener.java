package io.github.genailab.collapse;

/**
 * Receives progress of a long simulation (runs or generations completed), e.g. to drive a progress
 * bar in a notebook or lecture program.
 *
 * <p>The library serialises the calls: they never overlap, and {@code completed} strictly increases
 * from 1 to {@code total}. In a parallel run they may come from worker threads, so a listener that
 * touches shared state must publish it safely. A listener must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called after each unit of work.
     *
     * @param completed units done so far, 1 to {@code total}
     * @param total units in all
     */
    void onProgress(long completed, long total);

    /**
     * A listener that ignores every call.
     *
     * @return the no-op listener
     */
    static ProgressListener none() {
        return (completed, total) -> { };
    }
}
