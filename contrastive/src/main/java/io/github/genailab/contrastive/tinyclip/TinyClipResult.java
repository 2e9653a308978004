package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What training a tiny CLIP produced: the model, its curves, before/after similarity matrices and
 * zero-shot accuracies on the held-out digits.
 *
 * <p>The similarity matrices are {@code 10 x 10} cosines: row {@code d} is one held-out image of
 * digit {@code d}, column {@code c} the first prompt template filled with the name of digit
 * {@code c} ("a photo of the number seven."). Training should light up the diagonal. Arrays are
 * copied in and out; {@link #toString()} is one line.
 *
 * @param model                    the trained model
 * @param lossCurve                mean CLIP loss of each epoch
 * @param logitScaleCurve          the logit scale {@code s} after each epoch
 * @param similarityBefore         image/prompt cosines of the untrained model
 * @param similarityAfter          the same after training
 * @param zeroShotAccuracyBefore   top-1 zero-shot accuracy of the untrained model (single prompt)
 * @param zeroShotAccuracy         top-1 zero-shot accuracy with the first prompt template only
 * @param zeroShotAccuracyEnsemble top-1 zero-shot accuracy with all prompt templates averaged
 * @param trainSize                number of training images
 * @param testSize                 number of held-out images the accuracies are measured on
 * @param options                  the options used
 *
 * @since 0.1.0
 */
public record TinyClipResult(TinyClipModel model, double[] lossCurve, double[] logitScaleCurve,
                             double[][] similarityBefore, double[][] similarityAfter,
                             double zeroShotAccuracyBefore, double zeroShotAccuracy,
                             double zeroShotAccuracyEnsemble, int trainSize, int testSize,
                             TinyClipOptions options) {

    /**
     * Copies the arrays in.
     *
     * @param model the trained model
     * @param lossCurve mean CLIP loss of each epoch
     * @param logitScaleCurve the logit scale {@code s} after each epoch
     * @param similarityBefore image/prompt cosines of the untrained model
     * @param similarityAfter the same after training
     * @param zeroShotAccuracyBefore top-1 zero-shot accuracy of the untrained model (single prompt)
     * @param zeroShotAccuracy top-1 zero-shot accuracy with the first prompt template only
     * @param zeroShotAccuracyEnsemble top-1 zero-shot accuracy with all prompt templates averaged
     * @param trainSize number of training images
     * @param testSize number of held-out images the accuracies are measured on
     * @param options the options used
     * @throws NullPointerException if a component is null
     */
    public TinyClipResult {
        Checks.notNull(model, "model");
        lossCurve = Checks.notNull(lossCurve, "lossCurve").clone();
        logitScaleCurve = Checks.notNull(logitScaleCurve, "logitScaleCurve").clone();
        similarityBefore = Copies.deepCopy(similarityBefore, "similarityBefore");
        similarityAfter = Copies.deepCopy(similarityAfter, "similarityAfter");
        Checks.notNull(options, "options");
    }

    /**
     * Chance level of the zero-shot task, 1/10.
     *
     * @return 0.1
     */
    public double chance() {
        return 1.0 / Digits.CLASSES;
    }

    /**
     * Mean loss per epoch, a copy.
     *
     * @return a new array of length {@code options.epochs()}
     */
    @Override
    public double[] lossCurve() {
        return lossCurve.clone();
    }

    /**
     * Logit scale per epoch, a copy.
     *
     * @return a new array of length {@code options.epochs()}
     */
    @Override
    public double[] logitScaleCurve() {
        return logitScaleCurve.clone();
    }

    /**
     * Cosines before training, a copy.
     *
     * @return a new {@code 10 x 10} array
     */
    @Override
    public double[][] similarityBefore() {
        return Copies.deepCopy(similarityBefore, "similarityBefore");
    }

    /**
     * Cosines after training, a copy.
     *
     * @return a new {@code 10 x 10} array
     */
    @Override
    public double[][] similarityAfter() {
        return Copies.deepCopy(similarityAfter, "similarityAfter");
    }

    /**
     * Compares all components, arrays by content.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal result
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TinyClipResult r && model.equals(r.model)
                && Arrays.equals(lossCurve, r.lossCurve) && Arrays.equals(logitScaleCurve, r.logitScaleCurve)
                && Arrays.deepEquals(similarityBefore, r.similarityBefore)
                && Arrays.deepEquals(similarityAfter, r.similarityAfter)
                && Double.compare(zeroShotAccuracyBefore, r.zeroShotAccuracyBefore) == 0
                && Double.compare(zeroShotAccuracy, r.zeroShotAccuracy) == 0
                && Double.compare(zeroShotAccuracyEnsemble, r.zeroShotAccuracyEnsemble) == 0
                && trainSize == r.trainSize && testSize == r.testSize && options.equals(r.options);
    }

    /**
     * Hash of all components, arrays by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(model, Arrays.hashCode(lossCurve), Arrays.hashCode(logitScaleCurve),
                Arrays.deepHashCode(similarityBefore), Arrays.deepHashCode(similarityAfter),
                zeroShotAccuracyBefore, zeroShotAccuracy, zeroShotAccuracyEnsemble, trainSize, testSize, options);
    }

    /**
     * One line: loss and scale, then the zero-shot accuracies against chance.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int last = lossCurve.length - 1;
        return String.format(Locale.ROOT,
                "TinyClipResult[%d epochs, loss %.4f -> %.4f, logitScale %.2f; zero-shot accuracy on %d held-out "
                        + "digits: %.3f (1 prompt), %.3f (%d-prompt ensemble), %.3f before training, chance %.3f]",
                lossCurve.length, lossCurve[0], lossCurve[last], logitScaleCurve[last], testSize, zeroShotAccuracy,
                zeroShotAccuracyEnsemble, options.promptTemplates().size(), zeroShotAccuracyBefore, chance());
    }
}
