package io.github.genailab.collapse.mixture;

/**
 * How EM chooses its starting responsibilities, as scikit-learn's {@code init_params}.
 *
 * <p>Every method produces responsibilities {@code r_ik}; the first M-step turns them into weights,
 * means and covariances (the same path as scikit-learn's {@code _initialize}).
 *
 * @since 0.1.0
 */
public enum Initialization {

    /**
     * Lloyd's k-means started by greedy k-means++ (2 + floor(ln K) local trials), up to 300 iterations,
     * stopping when labels repeat or the centres move less than 1e-4 times the mean feature variance;
     * one-hot responsibilities from the labels (scikit-learn's default {@code 'kmeans'}).
     */
    KMEANS,

    /**
     * Greedy k-means++ seeding only; each component starts from its seed point alone, so its first
     * covariance is just the regularisation (scikit-learn's {@code 'k-means++'}).
     */
    KMEANS_PLUS_PLUS,

    /** K distinct data points chosen uniformly, each alone in its component ({@code 'random_from_data'}). */
    RANDOM_FROM_DATA,

    /** Independent uniform responsibilities, normalised per point ({@code 'random'}). */
    RANDOM
}
