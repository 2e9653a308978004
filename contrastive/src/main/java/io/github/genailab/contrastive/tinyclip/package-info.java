/**
 * A tiny CLIP trained from scratch, live, on 1,797 handwritten 8x8 digits: two small towers, the
 * {@link io.github.genailab.contrastive.ClipLoss} gradients, Adam, and zero-shot classification of
 * held-out digits from prompts such as "a photo of the number seven."
 *
 * <p>Entry point {@link io.github.genailab.contrastive.tinyclip.TinyClip#train}; data
 * {@link io.github.genailab.core.data.Digits} (UCI, CC BY 4.0, bundled in core); options
 * {@link io.github.genailab.contrastive.tinyclip.TinyClipOptions}; result
 * {@link io.github.genailab.contrastive.tinyclip.TinyClipResult} with the loss curve, similarity
 * matrices before and after, and zero-shot accuracy with and without prompt ensembling.
 */
package io.github.genailab.contrastive.tinyclip;
