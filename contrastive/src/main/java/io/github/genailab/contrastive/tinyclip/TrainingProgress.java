package io.github.genailab.contrastive.tinyclip;

import java.util.Locale;

/**
 * Where training stands after an epoch, as reported to a {@link TrainingListener}.
 *
 * @param epoch      the epoch just finished, 1-based
 * @param epochs     the number of epochs in the run
 * @param loss       mean CLIP loss over the epoch's batches
 * @param logitScale the logit scale {@code s = exp(theta)} after the epoch
 */
public record TrainingProgress(int epoch, int epochs, double loss, double logitScale) {

    /**
     * One line, e.g. {@code epoch 3/40: loss 3.84211, logitScale 15.0312}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %d/%d: loss %.6g, logitScale %.6g", epoch, epochs, loss, logitScale);
    }
}
