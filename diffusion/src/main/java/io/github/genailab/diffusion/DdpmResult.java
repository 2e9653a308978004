package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * A trained model with its training curves.
 *
 * @param model            the model, with the averaged weights
 * @param lossCurve        mean {@code L_simple} over the batches of each epoch
 * @param monitoredEpochs  the epochs (1-based) after which the sample distance was measured
 * @param sampleDistances  energy distance between {@code monitorSamples} model samples and the training
 *                         data after each monitored epoch ({@link io.github.genailab.diffusion.eval.SampleDistance#energy})
 * @param trainingSize     the number of training rows
 *
 * @since 0.1.0
 */
public record DdpmResult(DiffusionModel model, double[] lossCurve, int[] monitoredEpochs, double[] sampleDistances,
                         int trainingSize) {

    /**
     * Validates and copies the curves.
     *
     * @param model           the model
     * @param lossCurve       the loss per epoch, at least one
     * @param monitoredEpochs the monitored epochs
     * @param sampleDistances the distance per monitored epoch, same length
     * @param trainingSize    the number of training rows, {@code >= 1}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the curves are empty or their lengths differ
     */
    public DdpmResult {
        Checks.notNull(model, "model");
        lossCurve = Checks.nonEmpty(lossCurve, "lossCurve").clone();
        monitoredEpochs = Checks.notNull(monitoredEpochs, "monitoredEpochs").clone();
        sampleDistances = Checks.notNull(sampleDistances, "sampleDistances").clone();
        Checks.sameLength(monitoredEpochs.length, sampleDistances.length, "monitoredEpochs", "sampleDistances");
        Checks.positive(trainingSize, "trainingSize");
    }

    /**
     * The loss per epoch, a copy.
     *
     * @return a new array
     */
    @Override
    public double[] lossCurve() {
        return lossCurve.clone();
    }

    /**
     * The monitored epochs, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] monitoredEpochs() {
        return monitoredEpochs.clone();
    }

    /**
     * The sample distance per monitored epoch, a copy.
     *
     * @return a new array
     */
    @Override
    public double[] sampleDistances() {
        return sampleDistances.clone();
    }

    /**
     * Compares by content.
     *
     * @param other the object to compare with
     * @return whether the curves, size and model (by identity) agree
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DdpmResult r && model == r.model && Arrays.equals(lossCurve, r.lossCurve)
                && Arrays.equals(monitoredEpochs, r.monitoredEpochs) && Arrays.equals(sampleDistances, r.sampleDistances)
                && trainingSize == r.trainingSize;
    }

    /**
     * Hash of the curves.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(lossCurve) * 31 + Arrays.hashCode(sampleDistances);
    }

    /**
     * One line: epochs, first and last loss, last distance.
     *
     * @return e.g. {@code DdpmResult[200 epochs on 2000 rows, loss 0.812 -> 0.341, energy distance 0.004 (epoch 200)]}
     */
    @Override
    public String toString() {
        String distance = sampleDistances.length == 0 ? "no sample distance"
                : String.format(Locale.ROOT, "energy distance %.3g (epoch %d)", sampleDistances[sampleDistances.length - 1],
                        monitoredEpochs[monitoredEpochs.length - 1]);
        return String.format(Locale.ROOT, "DdpmResult[%d epochs on %d rows, loss %.3g -> %.3g, %s]", lossCurve.length,
                trainingSize, lossCurve[0], lossCurve[lossCurve.length - 1], distance);
    }
}
