package io.github.genailab.contrastive;

import io.github.genailab.core.internal.Formats;
import java.util.Arrays;
import java.util.Objects;

/**
 * The components {@link ClipLossResult} and {@link SigLipLossResult} have in common: the gradients w.r.t.
 * both embedding arrays, the precision and the batch (or shard) they belong to. Each result wraps its
 * own (already copied) arrays in one of these to compare, hash and describe them, so the two records
 * differ only in their loss-specific components.
 */
final class BatchGradients {

    private final double[][] gradImage;
    private final double[][] gradText;
    private final Precision precision;
    private final int batchSize;
    private final int dimension;
    private final int shardStart;
    private final int shardSize;

    BatchGradients(double[][] gradImage, double[][] gradText, Precision precision, int batchSize, int dimension,
                   int shardStart, int shardSize) {
        this.gradImage = gradImage;
        this.gradText = gradText;
        this.precision = precision;
        this.batchSize = batchSize;
        this.dimension = dimension;
        this.shardStart = shardStart;
        this.shardSize = shardSize;
    }

    /** Compares the gradients by content and everything else by value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BatchGradients g
                && Arrays.deepEquals(gradImage, g.gradImage) && Arrays.deepEquals(gradText, g.gradText)
                && precision == g.precision && batchSize == g.batchSize && dimension == g.dimension
                && shardStart == g.shardStart && shardSize == g.shardSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(gradImage), Arrays.deepHashCode(gradText), precision, batchSize,
                dimension, shardStart, shardSize);
    }

    /**
     * The tail of a result's one-line {@code toString()}: shape, shard, settings and precision, e.g.
     * {@code ", B=2, D=2, logitScale=1.00000, normalize=true, dense, FLOAT64]"}.
     *
     * @param logitScale    the scale the loss used
     * @param extraSettings settings between the scale and {@code normalize}, each as {@code "name=value, "}
     * @param normalize     whether rows were normalised inside
     * @param tileSize      0 for dense, else the tile edge
     */
    String describe(double logitScale, String extraSettings, boolean normalize, int tileSize) {
        return ", B=" + batchSize + ", D=" + dimension
                + (shardSize == batchSize ? ""
                        : ", shard=[" + shardStart + ", " + (shardStart + shardSize) + ") of " + batchSize)
                + ", logitScale=" + Formats.significant(logitScale, 6) + ", " + extraSettings
                + "normalize=" + normalize + ", " + (tileSize == 0 ? "dense" : "tileSize=" + tileSize)
                + ", " + precision + "]";
    }
}
