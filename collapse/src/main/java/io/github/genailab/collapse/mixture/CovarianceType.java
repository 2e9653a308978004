package io.github.genailab.collapse.mixture;

/**
 * Shape of each mixture component's covariance, as scikit-learn's {@code covariance_type}.
 *
 * <p>Every type is reported as full {@code d x d} matrices by {@link GaussianMixture#covariances()}
 * (diagonal, or a multiple of the identity); only the estimate differs:
 * <pre>
 *   FULL       S_k = sum_i r_ik (x_i - m_k)(x_i - m_k)^T / N_k + reg I
 *   DIAGONAL   S_k = diag( sum_i r_ik (x_ij - m_kj)^2 / N_k ) + reg I
 *   SPHERICAL  S_k = ( mean_j of the DIAGONAL variances ) I     (reg included)
 * </pre>
 * scikit-learn's {@code 'tied'} type is not offered.
 *
 * @since 0.1.0
 */
public enum CovarianceType {

    /** Full covariance matrix per component ({@code 'full'}). */
    FULL,

    /** Diagonal covariance per component ({@code 'diag'}). */
    DIAGONAL,

    /** One variance per component ({@code 'spherical'}). */
    SPHERICAL
}
