package io.github.genailab.contrastive.tinyclip;

/**
 * Receives progress while a tiny CLIP trains (e.g. to print a line or update a plot in a notebook).
 * Called on the training thread after every epoch; training waits for it to return.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after each epoch.
     *
     * @param progress the epoch just finished, its mean loss and the logit scale
     */
    void onEpoch(TrainingProgress progress);
}
