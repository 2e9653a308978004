package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;

/**
 * Settings of the SigLIP loss: logit scale and bias, normalisation inside, tiling.
 *
 * <p>As for {@link ClipLossOptions}, {@code logitScale} is the scale {@code t = exp(t')} itself; the
 * result reports {@code dl/dt'}. SigLIP initialises {@code t' = ln 10} and {@code b = -10}.
 *
 * @param logitScale {@code t = exp(t') > 0}, finite
 * @param logitBias  {@code b}, finite
 * @param normalize  if true, rows are L2-normalised inside (norm clamped at 1e-12) and gradients are
 *                   w.r.t. the raw rows
 * @param tileSize   0 for one dense {@code B x B} matrix, otherwise the tile edge in
 *                   {@code [1, ClipLossOptions.MAX_TILE_SIZE]} (open_clip's chunked SigLIP)
 *
 * @since 0.1.0
 */
public record SigLipLossOptions(double logitScale, double logitBias, boolean normalize, int tileSize) {

    /** SigLIP's initial logit scale, 10 ({@code t' = ln 10}). */
    public static final double INITIAL_LOGIT_SCALE = 10;

    /** SigLIP's initial logit bias, -10. */
    public static final double INITIAL_LOGIT_BIAS = -10;

    /**
     * Validates the settings.
     *
     * @param logitScale {@code t = exp(t') > 0}, finite
     * @param logitBias {@code b}, finite
     * @param normalize if true, rows are L2-normalised inside (norm clamped at 1e-12) and gradients are w.r.t. the raw rows
     * @param tileSize 0 for one dense {@code B x B} matrix, otherwise the tile edge in {@code [1, ClipLossOptions.MAX_TILE_SIZE]} (open_clip's chunked SigLIP)
     * @throws IllegalArgumentException if {@code logitScale} is not finite and positive,
     *                                  {@code logitBias} is not finite, or {@code tileSize} is out of range
     */
    public SigLipLossOptions {
        Checks.positive(logitScale, "logitScale");
        Checks.finite(logitBias, "logitBias");
        Checks.inRange(tileSize, 0, ClipLossOptions.MAX_TILE_SIZE, "tileSize");
    }

    /**
     * SigLIP's initial setting: {@code t = 10}, {@code b = -10}, normalise inside, dense.
     *
     * @return the defaults
     */
    public static SigLipLossOptions defaults() {
        return new SigLipLossOptions(INITIAL_LOGIT_SCALE, INITIAL_LOGIT_BIAS, true, 0);
    }

    /**
     * The same options with another scale.
     *
     * @param scale {@code t = exp(t')}, finite and {@code > 0}
     * @return new options
     * @throws IllegalArgumentException if {@code scale} is not finite and positive
     */
    public SigLipLossOptions withLogitScale(double scale) {
        return new SigLipLossOptions(scale, logitBias, normalize, tileSize);
    }

    /**
     * The same options with another bias.
     *
     * @param bias {@code b}, finite
     * @return new options
     * @throws IllegalArgumentException if {@code bias} is not finite
     */
    public SigLipLossOptions withLogitBias(double bias) {
        return new SigLipLossOptions(logitScale, bias, normalize, tileSize);
    }

    /**
     * The same options with normalisation switched on or off.
     *
     * @param normalizeInside whether rows are L2-normalised inside
     * @return new options
     */
    public SigLipLossOptions withNormalize(boolean normalizeInside) {
        return new SigLipLossOptions(logitScale, logitBias, normalizeInside, tileSize);
    }

    /**
     * The same options with another tiling.
     *
     * @param size 0 for dense, otherwise the tile edge
     * @return new options
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public SigLipLossOptions withTileSize(int size) {
        return new SigLipLossOptions(logitScale, logitBias, normalize, size);
    }
}
