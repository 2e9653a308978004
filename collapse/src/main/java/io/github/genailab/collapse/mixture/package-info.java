/**
 * Gaussian mixtures and their recursive refitting (the GMM experiment of Shumailov et al., Nature 2024):
 * {@link io.github.genailab.collapse.mixture.GaussianMixtureEm} fits a mixture by expectation-maximisation
 * (Dempster, Laird and Rubin 1977) with k-means++ starts (Arthur and Vassilvitskii 2007), compatible with
 * scikit-learn's {@code GaussianMixture}; {@link io.github.genailab.collapse.mixture.RecursiveMixture}
 * refits a mixture to its own samples, generation after generation.
 */
package io.github.genailab.collapse.mixture;
