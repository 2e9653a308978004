package io.github.genailab.contrastive;

import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Value and gradients of the SigLIP loss for one batch (or one shard of its image rows).
 *
 * <p>{@code loss} is the mean over the scored image rows of each row's summed pairwise log-loss.
 * Gradients have the shape of the caller's arrays (w.r.t. the raw rows when normalised inside);
 * {@link #gradLogScale()} is w.r.t. {@code t' = ln t}. Arrays are copied in and out;
 * {@link #toString()} is one line.
 *
 * @param loss         {@code (1/n) sum_i sum_j softplus(-z_ij L_ij)} over the n scored rows
 * @param gradImage    {@code dl/d image}, {@code batchSize x dimension}
 * @param gradText     {@code dl/d text}, {@code batchSize x dimension}
 * @param gradLogScale {@code dl/dt'} with {@code t' = ln(logitScale)}
 * @param gradBias     {@code dl/db}
 * @param rowLosses    {@code sum_j softplus(-z_ij L_ij)} of each scored image row (length {@code shardSize})
 * @param options      the options used
 * @param precision    the precision the matrix products ran in
 * @param batchSize    number of pairs B
 * @param dimension    embedding dimension D
 * @param shardStart   first scored image row (0 for the whole batch)
 * @param shardSize    number of scored image rows ({@code batchSize} for the whole batch)
 *
 * @since 0.1.0
 */
public record SigLipLossResult(double loss, double[][] gradImage, double[][] gradText, double gradLogScale,
                           double gradBias, double[] rowLosses, SigLipLossOptions options, Precision precision,
                           int batchSize, int dimension, int shardStart, int shardSize) {

    /**
     * Copies the arrays in.
     *
     * @param loss {@code (1/n) sum_i sum_j softplus(-z_ij L_ij)} over the n scored rows
     * @param gradImage {@code dl/d image}, {@code batchSize x dimension}
     * @param gradText {@code dl/d text}, {@code batchSize x dimension}
     * @param gradLogScale {@code dl/dt'} with {@code t' = ln(logitScale)}
     * @param gradBias {@code dl/db}
     * @param rowLosses {@code sum_j softplus(-z_ij L_ij)} of each scored image row (length {@code shardSize})
     * @param options the options used
     * @param precision the precision the matrix products ran in
     * @param batchSize number of pairs B
     * @param dimension embedding dimension D
     * @param shardStart first scored image row (0 for the whole batch)
     * @param shardSize number of scored image rows ({@code batchSize} for the whole batch)
     * @throws NullPointerException if an array, the options or the precision is null
     */
    public SigLipLossResult {
        Checks.notNull(options, "options");
        Checks.notNull(precision, "precision");
        gradImage = Copies.deepCopy(gradImage, "gradImage");
        gradText = Copies.deepCopy(gradText, "gradText");
        rowLosses = Checks.notNull(rowLosses, "rowLosses").clone();
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
     * {@code dl/d text}, a copy.
     *
     * @return a new {@code batchSize x dimension} array
     */
    @Override
    public double[][] gradText() {
        return Copies.deepCopy(gradText, "gradText");
    }

    /**
     * Per-row summed log-losses, a copy.
     *
     * @return a new array of length {@code shardSize}
     */
    @Override
    public double[] rowLosses() {
        return rowLosses.clone();
    }

    /**
     * Compares all components, arrays by content.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal result
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SigLipLossResult r
                && Double.compare(loss, r.loss) == 0
                && Double.compare(gradLogScale, r.gradLogScale) == 0
                && Double.compare(gradBias, r.gradBias) == 0
                && Arrays.equals(rowLosses, r.rowLosses)
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
        return Objects.hash(loss, gradLogScale, gradBias, Arrays.hashCode(rowLosses), options, batchGradients());
    }

    /**
     * One line: loss, scalar gradients, shape and settings.
     *
     * @return e.g. {@code SigLipLossResult[loss=10.0002, gradLogScale=..., gradBias=..., B=4, D=4, ...]}
     */
    @Override
    public String toString() {
        return "SigLipLossResult[loss=" + Formats.significant(loss, 6)
                + ", gradLogScale=" + Formats.significant(gradLogScale, 6)
                + ", gradBias=" + Formats.significant(gradBias, 6)
                + batchGradients().describe(options.logitScale(),
                        "logitBias=" + Formats.significant(options.logitBias(), 6) + ", ", options.normalize(),
                        options.tileSize());
    }

    private BatchGradients batchGradients() {
        return new BatchGradients(gradImage, gradText, precision, batchSize, dimension, shardStart, shardSize);
    }
}
