package io.github.genailab.collapse;

/**
 * How a Gaussian refit simulation draws each generation's synthetic data.
 *
 * <p>For Gaussian data the fitted mean and scatter are sufficient statistics with a known joint law:
 * <pre>
 *   xbar ~ N(mu, Sigma / M)   independent of   scatter ~ Wishart_d(Sigma, M - 1)
 *   (1-D: scatter ~ sigma^2 * chi^2_{M-1})
 * </pre>
 * so drawing the statistics directly is <em>exactly</em> equivalent in distribution to drawing the
 * {@code M} points and fitting them, at O(d^3) instead of O(M d^2) per generation.
 *
 * @since 0.1.0
 */
public enum Sampler {

    /** Draw every one of the {@code M} points and compute the fit from them. */
    FULL,

    /**
     * Draw the sample mean (normal) and scatter (chi-square / Bartlett-Wishart) directly; exactly
     * the same law as {@link #FULL}, independent of {@code M} in cost.
     */
    SUFFICIENT_STATISTICS
}
