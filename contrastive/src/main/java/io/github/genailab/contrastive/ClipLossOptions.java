package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;

/**
 * Settings of the CLIP loss: the logit scale, whether inputs are L2-normalised inside, and the tiling.
 *
 * <p><b>Scale, not log-scale.</b> {@code logitScale} is {@code s = exp(theta)}, the factor the cosines
 * are multiplied by (open_clip passes {@code logit_scale.exp()} to its loss; temperature
 * {@code T = 1/s}). The learnable parameter is {@code theta = ln s}; results report
 * {@code dl/dtheta}. {@link #withLogLogitScale(double)} accepts {@code theta} directly.
 *
 * @param logitScale {@code s = exp(theta) > 0}, finite; CLIP initialises {@code 1/0.07 = 14.2857} and
 *                   clamps it to at most 100
 * @param normalize  if true, rows are L2-normalised inside (norm clamped at 1e-12 like
 *                   {@code F.normalize}) and gradients are w.r.t. the raw rows; if false, rows are used
 *                   as given (open_clip's loss expects already-normalised features)
 * @param tileSize   0 for the dense path (one {@code B x B} matrix); otherwise the edge of the tiles the
 *                   tiled path works in (memory {@code O(B D + tileSize^2)}), at most
 *                   {@value #MAX_TILE_SIZE}
 *
 * @since 0.1.0
 */
public record ClipLossOptions(double logitScale, boolean normalize, int tileSize) {

    /** CLIP's initial logit scale, {@code 1/0.07} (temperature 0.07, {@code theta = 2.659260}). */
    public static final double INITIAL_LOGIT_SCALE = 1 / 0.07;

    /** CLIP's upper clamp of the logit scale, 100 ({@code theta = ln 100 = 4.605170}). */
    public static final double MAX_LOGIT_SCALE = 100;

    /** Largest tile edge (a tile of {@code tileSize^2} entries must be addressable by an int). */
    public static final int MAX_TILE_SIZE = PairSweep.MAX_TILE;

    /**
     * Validates the settings.
     *
     * @param logitScale {@code s = exp(theta) > 0}, finite; CLIP initialises {@code 1/0.07 = 14.2857} and clamps it to at most 100
     * @param normalize if true, rows are L2-normalised inside (norm clamped at 1e-12 like {@code F.normalize}) and gradients are w.r.t. the raw rows; if false, rows are used as given (open_clip's loss expects already-normalised features)
     * @param tileSize 0 for the dense path (one {@code B x B} matrix); otherwise the edge of the tiles the tiled path works in (memory {@code O(B D + tileSize^2)}), at most {@value #MAX_TILE_SIZE}
     * @throws IllegalArgumentException if {@code logitScale} is not finite and positive, or
     *                                  {@code tileSize} is outside {@code [0, MAX_TILE_SIZE]}
     */
    public ClipLossOptions {
        Checks.positive(logitScale, "logitScale");
        Checks.inRange(tileSize, 0, MAX_TILE_SIZE, "tileSize");
    }

    /**
     * CLIP's initial setting: {@code s = 1/0.07}, normalise inside, dense.
     *
     * @return the defaults
     */
    public static ClipLossOptions defaults() {
        return new ClipLossOptions(INITIAL_LOGIT_SCALE, true, 0);
    }

    /**
     * The same options with another scale {@code s}.
     *
     * @param scale {@code s = exp(theta)}, finite and {@code > 0}
     * @return new options
     * @throws IllegalArgumentException if {@code scale} is not finite and positive
     */
    public ClipLossOptions withLogitScale(double scale) {
        return new ClipLossOptions(scale, normalize, tileSize);
    }

    /**
     * The same options with the scale given by its logarithm, {@code s = exp(theta)}.
     *
     * @param theta the learnable log-scale (open_clip's {@code logit_scale} parameter), finite
     * @return new options
     * @throws IllegalArgumentException if {@code theta} is not finite or {@code exp(theta)} overflows
     */
    public ClipLossOptions withLogLogitScale(double theta) {
        Checks.inOpenInterval(theta, Double.NEGATIVE_INFINITY, Math.log(Double.MAX_VALUE), "theta");
        return withLogitScale(Math.exp(theta));
    }

    /**
     * The same options with normalisation switched on or off.
     *
     * @param normalizeInside whether rows are L2-normalised inside
     * @return new options
     */
    public ClipLossOptions withNormalize(boolean normalizeInside) {
        return new ClipLossOptions(logitScale, normalizeInside, tileSize);
    }

    /**
     * The same options with another tiling.
     *
     * @param size 0 for dense, otherwise the tile edge in {@code [1, MAX_TILE_SIZE]}
     * @return new options
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public ClipLossOptions withTileSize(int size) {
        return new ClipLossOptions(logitScale, normalize, size);
    }

    /**
     * The log-scale {@code theta = ln s}, the parameter {@link ClipLossResult#gradLogScale()} refers to.
     *
     * @return {@code ln(logitScale)}
     */
    public double logLogitScale() {
        return Math.log(logitScale);
    }
}
