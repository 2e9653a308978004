package io.github.genailab.contrastive;

import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Value and gradients of the symmetric CLIP loss for one batch (or one shard of it).
 *
 * <p>{@code loss = (imageToText + textToImage) / 2}, each direction the mean cross-entropy of its
 * scored rows. Gradients are w.r.t. the caller's arrays (the raw rows when the loss normalised them)
 * and have their shape; {@link #gradLogScale()} is w.r.t. {@code theta = ln s}, so
 * {@code dl/ds = gradLogScale / s}. For a shard, gradients cover the whole gathered batch (rows of
 * other shards receive the gradient of their role as negatives).
 *
 * <p>Arrays are copied in and out. {@link #toString()} is one line.
 *
 * @param loss         the loss, {@code (imageToText + textToImage) / 2}
 * @param imageToText  mean cross-entropy of the image rows over the texts (open_clip's
 *                     {@code F.cross_entropy(logits_per_image, labels)})
 * @param textToImage  mean cross-entropy of the text rows over the images
 * @param gradImage    {@code dl/d image}, {@code batchSize x dimension}
 * @param gradText     {@code dl/d text}, {@code batchSize x dimension}
 * @param gradLogScale {@code dl/d theta} with {@code theta = ln(logitScale)}
 * @param imageLosses  the cross-entropy of each scored image row (length {@code shardSize})
 * @param textLosses   the cross-entropy of each scored text row (length {@code shardSize})
 * @param options      the options used (scale, normalisation, tiling)
 * @param precision    the precision the matrix products ran in
 * @param batchSize    number of pairs B in the (gathered) batch
 * @param dimension    embedding dimension D
 * @param shardStart   first scored row (0 for the whole batch)
 * @param shardSize    number of scored rows ({@code batchSize} for the whole batch)
 *
 * @since 0.1.0
 */
public record ClipLossResult(double loss, double imageToText, double textToImage,
                             double[][] gradImage, double[][] gradText, double gradLogScale,
                             double[] imageLosses, double[] textLosses,
                             ClipLossOptions options, Precision precision,
                             int batchSize, int dimension, int shardStart, int shardSize) {

    /**
     * Copies the arrays in.
     *
     * @param loss the loss, {@code (imageToText + textToImage) / 2}
     * @param imageToText mean cross-entropy of the image rows over the texts (open_clip's {@code F.cross_entropy(logits_per_image, labels)})
     * @param textToImage mean cross-entropy of the text rows over the images
     * @param gradImage {@code dl/d image}, {@code batchSize x dimension}
     * @param gradText {@code dl/d text}, {@code batchSize x dimension}
     * @param gradLogScale {@code dl/d theta} with {@code theta = ln(logitScale)}
     * @param imageLosses the cross-entropy of each scored image row (length {@code shardSize})
     * @param textLosses the cross-entropy of each scored text row (length {@code shardSize})
     * @param options the options used (scale, normalisation, tiling)
     * @param precision the precision the matrix products ran in
     * @param batchSize number of pairs B in the (gathered) batch
     * @param dimension embedding dimension D
     * @param shardStart first scored row (0 for the whole batch)
     * @param shardSize number of scored rows ({@code batchSize} for the whole batch)
     * @throws NullPointerException if an array, the options or the precision is null
     */
    public ClipLossResult {
        Checks.notNull(options, "options");
        Checks.notNull(precision, "precision");
        gradImage = Copies.deepCopy(gradImage, "gradImage");
        imageLosses = Checks.notNull(imageLosses, "imageLosses").clone();
        gradText = Copies.deepCopy(gradText, "gradText");
        textLosses = Checks.notNull(textLosses, "textLosses").clone();
    }

    /**
     * {@code dl/d image}, a copy.
     *
     * @return a new {@code batchSize x dimension} array
     */
    @Override
    public double[][] gradImage() {
        return Copies.deepCopy(gradImage, "gradImage");
    }

    /**
     * Per-row image-to-text cross-entropies, a copy.
     *
     * @return a new array of length {@code shardSize}
     */
    @Override
    public double[] imageLosses() {
        return imageLosses.clone();
    }

    /**
     * {@code dl/d text}, a copy.
     *
     * @return a new {@code batchSize x dimension} array
     */
    @Override
    public double[][] gradText() {
        return Copies.deepCopy(gradText, "gradText");
    }

    /**
     * Per-row text-to-image cross-entropies, a copy.
     *
     * @return a new array of length {@code shardSize}
     */
    @Override
    public double[] textLosses() {
        return textLosses.clone();
    }

    /**
     * Compares all components, arrays by content.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal result
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClipLossResult r
                && Double.compare(loss, r.loss) == 0
                && Double.compare(imageToText, r.imageToText) == 0
                && Double.compare(textToImage, r.textToImage) == 0
                && Double.compare(gradLogScale, r.gradLogScale) == 0
                && Arrays.equals(imageLosses, r.imageLosses)
                && Arrays.equals(textLosses, r.textLosses)
                && options.equals(r.options)
                && batchGradients().equals(r.batchGradients());
    }

    /**
     * Hash of all components, arrays by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(loss, imageToText, textToImage, gradLogScale, Arrays.hashCode(imageLosses),
                Arrays.hashCode(textLosses), options, batchGradients());
    }

    /**
     * One line: loss, both directions, {@code dl/dtheta}, shape and settings.
     *
     * @return e.g. {@code ClipLossResult[loss=0.448879, imageToText=..., B=2, D=2, logitScale=1.00000, ...]}
     */
    @Override
    public String toString() {
        return "ClipLossResult[loss=" + Formats.significant(loss, 6)
                + ", imageToText=" + Formats.significant(imageToText, 6)
                + ", textToImage=" + Formats.significant(textToImage, 6)
                + ", gradLogScale=" + Formats.significant(gradLogScale, 6)
                + batchGradients().describe(options.logitScale(), "", options.normalize(), options.tileSize());
    }

    private BatchGradients batchGradients() {
        return new BatchGradients(gradImage, gradText, precision, batchSize, dimension, shardStart, shardSize);
    }
}
