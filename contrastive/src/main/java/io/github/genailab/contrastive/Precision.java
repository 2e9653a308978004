package io.github.genailab.contrastive;

/**
 * Floating-point precision a loss was computed in: that of the caller's arrays.
 *
 * <p>{@code float[][]} inputs run the matrix products in float32 (as open_clip does in fp32),
 * {@code double[][]} inputs in float64 (the reference precision used by the finite-difference tests).
 * Sums, losses and the positive logits are always carried in double; the per-pair exponentials of the
 * CLIP loss are taken in the input's precision (float32: a vectorised float {@code exp}, see
 * {@link ClipLoss}); SigLIP's per-pair sigmoid arithmetic is in double.
 *
 * @since 0.1.0
 */
public enum Precision {
    /** IEEE-754 binary32: {@code float[][]} inputs. */
    FLOAT32,
    /** IEEE-754 binary64: {@code double[][]} inputs. */
    FLOAT64
}
