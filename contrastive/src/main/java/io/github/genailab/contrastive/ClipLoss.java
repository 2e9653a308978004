package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The symmetric contrastive (InfoNCE) loss of CLIP, with analytic gradients, for batches of any size.
 *
 * <p>For B image/text pairs with embeddings {@code u_i}, {@code v_i} (row i of each array):
 * <pre>
 *   x_i = u_i / max(||u_i||, 1e-12),  y_j = v_j / max(||v_j||, 1e-12)     (if normalize)
 *   L_ij = s * x_i . y_j                                   s = logitScale = exp(theta)
 *   imageToText = (1/B) sum_i [ log sum_j exp(L_ij) - L_ii ]   (cross-entropy of row i, label i)
 *   textToImage = (1/B) sum_j [ log sum_i exp(L_ij) - L_jj ]   (cross-entropy of column j, label j)
 *   loss        = (imageToText + textToImage) / 2
 * </pre>
 * Gradients, with {@code P} the row softmax and {@code Q} the column softmax of {@code L}:
 * {@code G = dl/dL = (P + Q - 2I) / (2B)}, {@code dl/dX = s G Y}, {@code dl/dY = s G^T X},
 * {@code dl/dtheta = <G, L>}, then through the normalisation
 * {@code dl/du_i = (g_i - (g_i.x_i) x_i) / ||u_i||}.
 *
 * <p>Conventions that ports get wrong:
 * <ul>
 *   <li>{@code logitScale} is the scale {@code s}, not its logarithm and not a temperature; the
 *       gradient reported is w.r.t. {@code theta = ln s} (open_clip's parameter), so
 *       {@code dl/ds = gradLogScale / s} and {@code dl/dT = -s^2 dl/ds} for a temperature {@code T}.
 *       CLIP starts at {@code s = 1/0.07} and clamps {@code theta} to {@code [0, ln 100]} after each
 *       optimizer step; the clamp is not part of the loss.</li>
 *   <li>Each direction is a mean over rows, the two are averaged (no sum, no label smoothing). The
 *       two directions are the rows and the columns of one matrix; a logit bias would cancel (its
 *       gradient is exactly 0), so there is none.</li>
 *   <li>Normalisation clamps the norm at 1e-12 ({@code F.normalize}); OpenAI's code divides by the
 *       raw norm (NaN for a zero row). An all-zero row is legal here and gets PyTorch's gradient.</li>
 *   <li>B = 1 gives loss 0 and zero gradients. Equal rows give {@code ln B}.</li>
 *   <li>Sharded ("local") loss, as open_clip's {@code local_loss=True}: shard k scores its own image
 *       rows against all texts and its own text rows against all images; these are rows of
 *       {@code L} and columns of {@code L} (not the transpose of a {@code b x B} block). Losses and
 *       gradients of the shards, weighted by {@code shardSize / B}, add up to the global ones
 *       ({@link #combineShards(List)}).</li>
 * </ul>
 *
 * <p>Numerics: exponentials are taken after a shift that rules out overflow and harmful underflow;
 * in float64 with {@link Math#exp}, in float32 with a vectorised float {@code exp} (Cephes' scheme,
 * relative error at most 1.03 ulp; its argument {@code L - c} is rounded to float first, up to
 * {@code ulp(87) / 2 = 3.8e-6} absolute). When {@code 2 s max||x|| max||y|| <= 600} (normalised rows
 * at {@code s <= 300}) one exponential per pair serves both directions, in float32 provided the logits
 * of a strip of rows lie within 172 of each other (always for normalised rows at {@code s <= 87});
 * otherwise that strip's exponentials are taken in double, each direction with its own shift. Row
 * and column sums are carried in double, the per-row loss is
 * {@code log1p(sum_{j != i} exp(L_ij - L_ii))} (no cancellation near zero loss), and the positive
 * logit is computed in double from the inputs. No NaN or infinity at {@code s = 100} in float32, even
 * for nearly identical rows.
 *
 * <p>Engine and cost: the matrix products go through ND4J (OpenBLAS), in the precision of the input
 * arrays. Dense ({@code tileSize = 0}): three GEMMs, {@code 6 B^2 D} flops, the {@code B x B} matrix
 * held once, in tiles of up to 2048 x 2048 of the input's precision (on the Java heap, the last one
 * off-heap). Tiled ({@code tileSize = T > 0}): the {@code B x B} matrix is never formed; a forward
 * sweep accumulates the row and column sums tile by tile, a backward sweep recomputes each tile
 * ({@code 8 B^2 D} flops), memory {@code O(B D + T^2)}, same result up to rounding. Both are
 * deterministic (fixed order, bitwise-equal reruns). Exponentials: {@code B^2} per sweep; the dense
 * backward sweep reuses the forward's. Off-heap memory: one arena of the current blocks and tile per call (under
 * 28 MiB for dense float32, so that the C allocator recycles it). ND4J is loaded on the first call.
 *
 * <p>Reference: A. Radford, J. W. Kim, C. Hallacy, A. Ramesh, G. Goh, S. Agarwal, G. Sastry,
 * A. Askell, P. Mishkin, J. Clark, G. Krueger, I. Sutskever, "Learning Transferable Visual Models From
 * Natural Language Supervision", Proceedings of the 38th International Conference on Machine Learning
 * (ICML 2021), PMLR 139:8748-8763, arXiv:2103.00020. Reference implementation:
 * {@code mlfoundations/open_clip@89fb801:src/open_clip/loss.py} ({@code ClipLoss}). Tiling follows
 * Z. Cheng et al., "Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive
 * Loss", arXiv:2410.17243 (2024).
 *
 * @since 0.1.0
 */
public final class ClipLoss {

    private ClipLoss() {
    }

    /**
     * The CLIP loss of a float32 batch, dense.
     *
     * @param image      B x D image embeddings (not modified)
     * @param text       B x D text embeddings, row i paired with image row i (not modified)
     * @param logitScale {@code s = exp(theta)}, finite and {@code > 0}
     * @param normalize  whether to L2-normalise rows inside (gradients are then w.r.t. the raw rows)
     * @return loss, both directions and gradients
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or {@code logitScale} is not finite and positive
     */
    public static ClipLossResult compute(float[][] image, float[][] text, double logitScale, boolean normalize) {
        return compute(image, text, options(logitScale, normalize));
    }

    /**
     * The CLIP loss of a float64 batch, dense.
     *
     * @param image      B x D image embeddings (not modified)
     * @param text       B x D text embeddings, row i paired with image row i (not modified)
     * @param logitScale {@code s = exp(theta)}, finite and {@code > 0}
     * @param normalize  whether to L2-normalise rows inside (gradients are then w.r.t. the raw rows)
     * @return loss, both directions and gradients
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or {@code logitScale} is not finite and positive
     */
    public static ClipLossResult compute(double[][] image, double[][] text, double logitScale, boolean normalize) {
        return compute(image, text, options(logitScale, normalize));
    }

    /**
     * The CLIP loss of a float32 batch with explicit options (e.g. tiled).
     *
     * @param image   B x D image embeddings (not modified)
     * @param text    B x D text embeddings, row i paired with image row i (not modified)
     * @param options scale, normalisation, tiling
     * @return loss, both directions and gradients
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or the batch needs tiling (B &gt; 46340) and
     *                                  {@code options.tileSize()} is 0
     */
    public static ClipLossResult compute(float[][] image, float[][] text, ClipLossOptions options) {
        RowMatrix x = RowMatrix.of(image, "image");
        return run(x, RowMatrix.of(text, "text"), 0, x.rows(), options);
    }

    /**
     * The CLIP loss of a float64 batch with explicit options (e.g. tiled).
     *
     * @param image   B x D image embeddings (not modified)
     * @param text    B x D text embeddings, row i paired with image row i (not modified)
     * @param options scale, normalisation, tiling
     * @return loss, both directions and gradients
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException if an array is empty, ragged or has a non-finite entry, the
     *                                  shapes differ, or the batch needs tiling (B &gt; 46340) and
     *                                  {@code options.tileSize()} is 0
     */
    public static ClipLossResult compute(double[][] image, double[][] text, ClipLossOptions options) {
        RowMatrix x = RowMatrix.of(image, "image");
        return run(x, RowMatrix.of(text, "text"), 0, x.rows(), options);
    }

    /**
     * One worker's "local" loss in a simulated distributed step: its image rows against all texts
     * and its text rows against all images, with the gathered batch as input.
     *
     * @param image      all B x D image embeddings (the all-gathered batch; not modified)
     * @param text       all B x D text embeddings (not modified)
     * @param shardStart first row of this worker's shard
     * @param shardSize  number of rows in the shard, at least 1
     * @param options    scale, normalisation, tiling
     * @return the shard's loss (means over its {@code shardSize} rows) and its gradients w.r.t. all
     *         B rows of both arrays
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException for bad arrays as in {@link #compute(float[][], float[][], ClipLossOptions)},
     *                                  or a shard outside {@code [0, B)}
     */
    public static ClipLossResult computeShard(float[][] image, float[][] text, int shardStart, int shardSize,
                                              ClipLossOptions options) {
        return run(RowMatrix.of(image, "image"), RowMatrix.of(text, "text"), shardStart, shardSize, options);
    }

    /**
     * One worker's "local" loss of a float64 batch; see
     * {@link #computeShard(float[][], float[][], int, int, ClipLossOptions)}.
     *
     * @param image      all B x D image embeddings (not modified)
     * @param text       all B x D text embeddings (not modified)
     * @param shardStart first row of this worker's shard
     * @param shardSize  number of rows in the shard, at least 1
     * @param options    scale, normalisation, tiling
     * @return the shard's loss and its gradients w.r.t. all B rows of both arrays
     * @throws NullPointerException     if an array, a row or {@code options} is null
     * @throws IllegalArgumentException for bad arrays, or a shard outside {@code [0, B)}
     */
    public static ClipLossResult computeShard(double[][] image, double[][] text, int shardStart, int shardSize,
                                              ClipLossOptions options) {
        return run(RowMatrix.of(image, "image"), RowMatrix.of(text, "text"), shardStart, shardSize, options);
    }

    /**
     * Combines the results of all shards of one batch into the global result: losses, per-direction
     * means and gradients weighted by {@code shardSize / B} (a plain mean for equal shards, which is
     * what averaging over data-parallel workers does), per-row losses concatenated.
     *
     * @param shards one result per shard, in row order, covering {@code [0, B)} exactly once, all with
     *               the same options and precision
     * @return the result {@link #compute(float[][], float[][], ClipLossOptions)} would give, up to rounding
     * @throws NullPointerException     if the list or an element is null
     * @throws IllegalArgumentException if the list is empty, the shards do not partition one batch, or
     *                                  options or precision differ
     */
    public static ClipLossResult combineShards(List<ClipLossResult> shards) {
        int batchSize = Shards.checkPartition(shards, ClipLossResult::shardStart, ClipLossResult::shardSize,
                ClipLossResult::batchSize);
        ClipLossResult first = shards.get(0);
        double[][] gradImage = new double[batchSize][first.dimension()];
        double[][] gradText = new double[batchSize][first.dimension()];
        double loss = 0;
        double imageToText = 0;
        double textToImage = 0;
        double gradTheta = 0;
        List<double[]> imageLosses = new ArrayList<>();
        List<double[]> textLosses = new ArrayList<>();
        for (int k = 0; k < shards.size(); k++) {
            ClipLossResult shard = shards.get(k);
            Shards.requireSameSetting(shard.options().equals(first.options())
                    && shard.precision() == first.precision(), k);
            double weight = (double) shard.shardSize() / batchSize;
            loss += weight * shard.loss();
            imageToText += weight * shard.imageToText();
            textToImage += weight * shard.textToImage();
            gradTheta += weight * shard.gradLogScale();
            Shards.addScaled(gradImage, shard.gradImage(), weight);
            Shards.addScaled(gradText, shard.gradText(), weight);
            imageLosses.add(shard.imageLosses());
            textLosses.add(shard.textLosses());
        }
        return new ClipLossResult(loss, imageToText, textToImage, gradImage, gradText, gradTheta,
                Shards.concat(imageLosses, batchSize), Shards.concat(textLosses, batchSize), first.options(),
                first.precision(), batchSize, first.dimension(), 0, batchSize);
    }

    private static ClipLossOptions options(double logitScale, boolean normalize) {
        return ClipLossOptions.defaults().withLogitScale(logitScale).withNormalize(normalize);
    }

    private static ClipLossResult run(RowMatrix image, RowMatrix text, int shardStart, int shardSize,
                                      ClipLossOptions options) {
        RowMatrix.requirePairs(image, text);
        Checks.notNull(options, "options");
        Shards.checkRange(shardStart, shardSize, image.rows());
        Shards.checkDenseFits(options.tileSize(), image.rows());
        return SoftmaxPairs.compute(image, text, shardStart, shardSize, options);
    }
}
