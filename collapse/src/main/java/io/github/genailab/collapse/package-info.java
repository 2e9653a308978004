/**
 * Model collapse by recursive refitting (Shumailov et al., "AI models collapse when trained on
 * recursively generated data", Nature 631:755-759, 2024; arXiv:2305.17493 "The Curse of Recursion",
 * 2023): fit a model to data, sample the next generation's data from the fit, refit, repeat, and watch
 * the tails vanish.
 *
 * <p>The module's packages show its parts: this package holds what they share (data
 * {@link io.github.genailab.collapse.Workflow}s, the {@link io.github.genailab.collapse.Sampler},
 * {@link io.github.genailab.collapse.IndependentRuns} and the closed-form
 * {@link io.github.genailab.collapse.GaussianMetrics}); {@code gaussian} the 1-D and d-dimensional
 * Gaussian refits and their exact theory; {@code mixture} Gaussian mixtures, their EM fit and k-means++;
 * {@code categorical} Wright-Fisher resampling of categorical distributions; {@code regression} least
 * squares relabelled by its own fit; {@code text} language models trained on the text their predecessor
 * wrote (the paper's main experiment).
 *
 * <p>Simulations (each returns a trajectory record: index 0 = the original distribution, index
 * {@code n} = after {@code n} refits; per-generation metrics, theory curves alongside, CSV export):
 * <ul>
 *   <li>{@link io.github.genailab.collapse.gaussian.RecursiveGaussian}: 1-D ({@link io.github.genailab.collapse.gaussian.RefitOptions})
 *       and d-dimensional ({@link io.github.genailab.collapse.gaussian.MultivariateRefitOptions}) Gaussians, with
 *       the estimator ({@link io.github.genailab.collapse.gaussian.VarianceEstimator}), data
 *       {@link io.github.genailab.collapse.Workflow}, growing sample sizes, sampling bias and the exactly
 *       equivalent sufficient-statistic {@link io.github.genailab.collapse.Sampler};
 *       {@link io.github.genailab.collapse.gaussian.GaussianTheory} gives the exact expectations;</li>
 *   <li>{@link io.github.genailab.collapse.mixture.RecursiveMixture}: Gaussian mixtures refitted by
 *       {@link io.github.genailab.collapse.mixture.GaussianMixtureEm} (the paper's GMM experiment), with
 *       snapshots for plotting;</li>
 *   <li>{@link io.github.genailab.collapse.categorical.RecursiveCategorical}: categorical distributions (Wright-Fisher
 *       resampling: lost categories, Gini-Simpson decay, fixation);</li>
 *   <li>{@link io.github.genailab.collapse.regression.RecursiveRegression}: least squares relabelled by its own fit
 *       (Gerstgrasser et al.'s replace-versus-accumulate contrast);</li>
 *   <li>{@link io.github.genailab.collapse.text.LanguageModelCollapse}: an n-gram language model trained
 *       generation after generation on its predecessor's text (held-out perplexity, per-sequence
 *       perplexities under a fixed judge, lost tokens and n-grams).</li>
 * </ul>
 * Many runs at once: {@code simulateRuns} methods and {@link io.github.genailab.collapse.IndependentRuns}
 * (split generators, optional threads, identical results whatever the thread count), with an optional
 * {@link io.github.genailab.core.ProgressListener}. Closed-form distances (W2, KL, L2, tail mass,
 * held-out log-likelihood) are in {@link io.github.genailab.collapse.GaussianMetrics}.
 */
package io.github.genailab.collapse;
