package io.github.genailab.collapse.gaussian;

/**
 * How a refit turns a sample's centred scatter into a variance (or covariance) estimate.
 *
 * <pre>
 *   UNBIASED:  sigma^2_hat = sum (x_i - xbar)^2 / (n - 1)     (Theorem 3.1 of Shumailov et al.)
 *   MLE:       sigma^2_hat = sum (x_i - xbar)^2 / n           (np.std / np.cov(bias=True))
 * </pre>
 *
 * <p>The choice changes the theorem's conclusion (docs/collapse-theory.md, 'Pitfalls', item 1): with
 * {@link #UNBIASED}
 * the expected variance stays at the original value and the expected squared Wasserstein-2 distance
 * to the original grows without bound; with {@link #MLE} the expected variance decays geometrically,
 * as {@code ((M-1)/M)^n}, and the expected squared distance tends to {@code 2 sigma0^2}. Both collapse
 * almost surely ({@code sigma_n -> 0}). The paper's theorem assumes {@link #UNBIASED}; the authors'
 * 1-D notebook ({@code Zakahler/curse_recurse@b48c90a:Normals_GMM_experiments.ipynb}) calls
 * {@code np.std}, i.e. {@link #MLE}, as do Kazdan et al. and scikit-learn's mixture M-step.
 *
 * @since 0.1.0
 */
public enum VarianceEstimator {

    /** Divide the scatter by {@code n - 1}: unbiased for the variance (Theorem 3.1). */
    UNBIASED,

    /** Divide the scatter by {@code n}: the maximum-likelihood estimate (the authors' code). */
    MLE;

    /**
     * The divisor applied to the scatter of {@code n} points.
     *
     * @param n the number of points, at least 2
     * @return {@code n - 1} or {@code n}
     */
    public double divisor(long n) {
        return this == UNBIASED ? n - 1 : n;
    }
}
