/**
 * Contrastive image-text losses with analytic gradients, for batches of any size, and zero-shot
 * classification.
 *
 * <ul>
 *   <li>{@link io.github.genailab.contrastive.ClipLoss}: CLIP's symmetric cross-entropy (Radford et
 *       al. 2021), dense, tiled (the {@code B x B} matrix never formed) or sharded as open_clip's
 *       "local loss"; {@link io.github.genailab.contrastive.ClipLossOptions},
 *       {@link io.github.genailab.contrastive.ClipLossResult}.</li>
 *   <li>{@link io.github.genailab.contrastive.SigLipLoss}: SigLIP's pairwise sigmoid loss (Zhai et
 *       al. 2023) with scale and bias gradients.</li>
 *   <li>{@link io.github.genailab.contrastive.ZeroShotClassifier}: class names x prompt templates,
 *       ensembled in embedding space, evaluated at {@code 100 * cos}.</li>
 * </ul>
 *
 * <p>Conventions: embeddings are plain {@code float[][]} or {@code double[][]} arrays (row i of the
 * image array pairs with row i of the text array), never modified; the matrix products run in the
 * arrays' precision. A logit scale is always the scale {@code s = exp(theta)} itself, and gradients
 * are reported w.r.t. {@code theta}. Gradients come back as {@code double[][]} of the inputs' shape.
 *
 * <p>Engine: ND4J (OpenBLAS) performs the GEMMs; it is loaded on the first loss computation, not
 * when these classes load. {@code ZeroShotClassifier} does not use it.
 */
package io.github.genailab.contrastive;
