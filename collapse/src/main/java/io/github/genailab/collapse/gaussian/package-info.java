/**
 * Recursive refitting of Gaussians (Shumailov et al., Nature 2024, Sec. 3 and the supplement's Gaussian
 * theorems): {@link io.github.genailab.collapse.gaussian.RecursiveGaussian} refits a 1-D
 * ({@link io.github.genailab.collapse.gaussian.RefitOptions}) or d-dimensional
 * ({@link io.github.genailab.collapse.gaussian.MultivariateRefitOptions}) Gaussian to its own samples;
 * {@link io.github.genailab.collapse.gaussian.GaussianTheory} and
 * {@link io.github.genailab.collapse.gaussian.MultivariateGaussianTheory} give the exact expectations the
 * trajectories are compared with; {@link io.github.genailab.collapse.gaussian.GaussianEnsemble} averages
 * many runs.
 */
package io.github.genailab.collapse.gaussian;
