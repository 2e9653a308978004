package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairwise sigmoid loss of SigLIP, with analytic gradients w.r.t. the embeddings, the log-scale
 * and the bias.
 *
 * <p>For B image/text pairs (rows i of the two arrays):
 * <pre>
 *   L_ij = t * x_i . y_j + b          t = logitScale = exp(t'), b = logitBias
 *   z_ij = +1 if i == j, else -1
 *   loss = (1/B) sum_i sum_j log(1 + exp(-z_ij L_ij))
 *   dl/dL = (sigmoid(L) - I) / B,  dl/dX = t G Y,  dl/dY = t G^T X,
 *   dl/dt' = sum_ij G_ij (L_ij - b),  dl/db = sum_ij G_ij
 * </pre>
 * Every pair is an independent binary classification; there is no softmax over the batch, so the
 * loss needs no row or column statistics and a tiled evaluation is a single sweep.
 *
 * <p>Conventions that ports get wrong:
 * <ul>
 *   <li>The sum over all {@code B x B} pairs is divided by B (the number of image rows), not by
 *       {@code B^2} and not halved: the loss grows with the batch (at initialisation, cosines 0,
 *       {@code t = 10}, {@code b = -10}: {@code softplus(10) + (B-1) softplus(-10)}).</li>
 *   <li>{@code logitScale} is {@code t}, not {@code t'}; the gradient is w.r.t. {@code t' = ln t}.
 *       SigLIP initialises {@code t' = ln 10}, {@code b = -10} (so the many negatives start near
 *       their optimum).</li>
 *   <li>"Probabilities" of SigLIP are per-pair sigmoids, not a softmax over candidates.</li>
 *   <li>Sharded form: a shard scores its own image rows against all texts; the shards' losses and
 *       gradients, weighted by {@code shardSize / B}, add up to the global ones.</li>
 * </ul>
 *
 * <p>Numerics: {@code softplus(x) = max(x, 0) + log1p(exp(-|x|))} and the sigmoid from the same
 * {@code exp(-|L|)}, in double. Cost: three GEMMs ({@code 6 B^2 D} flops) plus one exponential and
 * one logarithm per pair, dense or tiled alike (tiling changes memory, not work).
 *
 * <p>Reference: X. Zhai, B. Mustafa, A. Kolesnikov, L. Beyer, "Sigmoid Loss for Language Image
 * Pre-Training", Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV 2023),
 * pp. 11975-11986, arXiv:2303.15343. Reference implementation:
 * {@code mlfoundations/open_clip@89fb801:src/open_clip/loss.py} ({@code SigLipLoss}); also
 * {@code google-research/big_vision@0127fb6:big_vision/trainers/proj/image_text/siglip.py}.
 *
 * @since 0.1.0
 */
public final class SigLipLoss {

    private SigLipLoss() {
    }

    /**
     * The SigLIP loss of a float32 batch, dense.
     *
     * @param image      B x D image embeddings (not modified)
     * @param text       B x D text embeddings, row i paired with image row i (not modified)
     * @param logitScale {@code t = exp(t')}, finite and {@code > 0}
     * @param logitBias  {@code b}, finite
     * @param normalize  whether to L2-normalise rows inside (gradients are then w.r.t. the raw rows)
     * @return loss and gradients
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, {@code logitScale} is not finite and positive, or
     *                                  {@code logitBias} is not finite
     */
    public static SigLipLossResult compute(float[][] image, float[][] text, double logitScale, double logitBias,
                                       boolean normalize) {
        return compute(image, text, new SigLipLossOptions(logitScale, logitBias, normalize, 0));
    }

    /**
     * The SigLIP loss of a float64 batch, dense.
     *
     * @param image      B x D image embeddings (not modified)
     * @param text       B x D text embeddings, row i paired with image row i (not modified)
     * @param logitScale {@code t = exp(t')}, finite and {@code > 0}
     * @param logitBias  {@code b}, finite
     * @param normalize  whether to L2-normalise rows inside
     * @return loss and gradients
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, {@code logitScale} is not finite and positive, or
     *                                  {@code logitBias} is not finite
     */
    public static SigLipLossResult compute(double[][] image, double[][] text, double logitScale, double logitBias,
                                       boolean normalize) {
        return compute(image, text, new SigLipLossOptions(logitScale, logitBias, normalize, 0));
    }

    /**
     * The SigLIP loss of a float32 batch with explicit options (e.g. tiled).
     *
     * @param image   B x D image embeddings (not modified)
     * @param text    B x D text embeddings (not modified)
     * @param options scale, bias, normalisation, tiling
     * @return loss and gradients
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or the batch needs tiling (B &gt; 46340) and
     *                                  {@code options.tileSize()} is 0
     */
    public static SigLipLossResult compute(float[][] image, float[][] text, SigLipLossOptions options) {
        RowMatrix x = RowMatrix.of(image, "image");
        return run(x, RowMatrix.of(text, "text"), 0, x.rows(), options);
    }

    /**
     * The SigLIP loss of a float64 batch with explicit options (e.g. tiled).
     *
     * @param image   B x D image embeddings (not modified)
     * @param text    B x D text embeddings (not modified)
     * @param options scale, bias, normalisation, tiling
     * @return loss and gradients
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or the batch needs tiling (B &gt; 46340) and
     *                                  {@code options.tileSize()} is 0
     */
    public static SigLipLossResult compute(double[][] image, double[][] text, SigLipLossOptions options) {
        RowMatrix x = RowMatrix.of(image, "image");
        return run(x, RowMatrix.of(text, "text"), 0, x.rows(), options);
    }

    /**
     * One worker's share of a simulated distributed step: its image rows against all texts.
     *
     * @param image      all B x D image embeddings (not modified)
     * @param text       all B x D text embeddings (not modified)
     * @param shardStart first image row of the shard
     * @param shardSize  number of image rows in the shard, at least 1
     * @param options    scale, bias, normalisation, tiling
     * @return the shard's loss (divided by {@code shardSize}) and its gradients w.r.t. all B rows
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException for bad arrays, or a shard outside {@code [0, B)}
     */
    public static SigLipLossResult computeShard(float[][] image, float[][] text, int shardStart, int shardSize,
                                            SigLipLossOptions options) {
        return run(RowMatrix.of(image, "image"), RowMatrix.of(text, "text"), shardStart, shardSize, options);
    }

    /**
     * One worker's share of a simulated distributed step, float64; see
     * {@link #computeShard(float[][], float[][], int, int, SigLipLossOptions)}.
     *
     * @param image      all B x D image embeddings (not modified)
     * @param text       all B x D text embeddings (not modified)
     * @param shardStart first image row of the shard
     * @param shardSize  number of image rows in the shard, at least 1
     * @param options    scale, bias, normalisation, tiling
     * @return the shard's loss and its gradients w.r.t. all B rows
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException for bad arrays, or a shard outside {@code [0, B)}
     */
    public static SigLipLossResult computeShard(double[][] image, double[][] text, int shardStart, int shardSize,
                                            SigLipLossOptions options) {
        return run(RowMatrix.of(image, "image"), RowMatrix.of(text, "text"), shardStart, shardSize, options);
    }

    /**
     * Combines the results of all shards of one batch into the global result (weights
     * {@code shardSize / B}; per-row losses concatenated).
     *
     * @param shards one result per shard, in row order, covering {@code [0, B)} exactly once, all with
     *               the same options and precision
     * @return the result of the whole batch, up to rounding
     * @throws NullPointerException     if the list or an element is null
     * @throws IllegalArgumentException if the list is empty, the shards do not partition one batch, or
     *                                  options or precision differ
     */
    public static SigLipLossResult combineShards(List<SigLipLossResult> shards) {
        int batchSize = Shards.checkPartition(shards, SigLipLossResult::shardStart, SigLipLossResult::shardSize,
                SigLipLossResult::batchSize);
        SigLipLossResult first = shards.get(0);
        double[][] gradImage = new double[batchSize][first.dimension()];
        double[][] gradText = new double[batchSize][first.dimension()];
        double loss = 0;
        double gradTheta = 0;
        double gradBias = 0;
        List<double[]> rowLosses = new ArrayList<>();
        for (int k = 0; k < shards.size(); k++) {
            SigLipLossResult shard = shards.get(k);
            Shards.requireSameSetting(shard.options().equals(first.options())
                    && shard.precision() == first.precision(), k);
            double weight = (double) shard.shardSize() / batchSize;
            loss += weight * shard.loss();
            gradTheta += weight * shard.gradLogScale();
            gradBias += weight * shard.gradBias();
            Shards.addScaled(gradImage, shard.gradImage(), weight);
            Shards.addScaled(gradText, shard.gradText(), weight);
            rowLosses.add(shard.rowLosses());
        }
        return new SigLipLossResult(loss, gradImage, gradText, gradTheta, gradBias,
                Shards.concat(rowLosses, batchSize), first.options(), first.precision(),
                batchSize, first.dimension(), 0, batchSize);
    }

    private static SigLipLossResult run(RowMatrix image, RowMatrix text, int shardStart, int shardSize,
                                    SigLipLossOptions options) {
        RowMatrix.requirePairs(image, text);
        Checks.notNull(options, "options");
        Shards.checkRange(shardStart, shardSize, image.rows());
        Shards.checkDenseFits(options.tileSize(), image.rows());
        return SigmoidPairs.compute(image, text, shardStart, shardSize, options);
    }
}
