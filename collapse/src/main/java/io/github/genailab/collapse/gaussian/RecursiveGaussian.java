package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Checks;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Model collapse by recursive refitting of a Gaussian: fit a normal to data, sample the next
 * generation's data from the fit, refit, repeat (Shumailov et al., Theorem 3.1 and SI §3.1.1).
 *
 * <pre>
 *   D_0 ~ N(mu0, sigma0^2)^M_0                          (the original data)
 *   mu_{t+1} = mean(D_t),  sigma_{t+1}^2 = scatter(D_t) / den,   den = n - 1 (UNBIASED) or n (MLE)
 *   D_t ~ N(mu_t, lambda^2 sigma_t^2)^M_t  (+ original / pooled data, see Workflow)
 * Replace, Gaussian data (exact):
 *   mu_{t+1} = mu_t + lambda sigma_t Z / sqrt(M_t),   sigma_{t+1}^2 = lambda^2 sigma_t^2 S_t / den,   S_t ~ chi^2_{M_t - 1}
 * </pre>
 * Consequences ({@link GaussianTheory}; derivations in docs/collapse-theory.md): {@code sigma_n -> 0}
 * almost surely with either estimator, the median variance halving every {@code ~0.69 M} (unbiased) or {@code ~0.35 M}
 * (MLE) generations; with the unbiased estimator {@code E sigma_n^2 = sigma0^2} and
 * {@code E W2^2 -> infinity}, with the MLE {@code E W2^2 -> 2 sigma0^2}; {@code Var X^n =
 * sigma0^2 (1 + n/M)} (unbiased). Superlinearly growing {@code M_t} keeps W2 bounded ('Growing
 * sample sizes' there); accumulating data, keeping original data or adding fresh data makes the error
 * stationary ('Data workflows').
 *
 * <p>Conventions that ports get wrong: index 0 of a trajectory is the original distribution and index
 * {@code n} the model after {@code n} fits (the paper's {@code R_W2^{n+1}} counts fits differently;
 * that page's 'Pitfalls', item 3); the estimator must be chosen (the theorem is stated for the unbiased
 * one, the authors' notebook uses {@code np.std}, the MLE; item 1); one generator stream per run, never re-seeded per
 * generation (item 7). Sample statistics are computed in standardised coordinates, see
 * {@link Sampler} and the note on floating-point absorption in the module README.
 *
 * <p>Complexity per generation: O(M_t d^2) with {@link Sampler#FULL}, O(d^3) with
 * {@link Sampler#SUFFICIENT_STATISTICS}; pooled workflows add O(pool) memory.
 *
 * <p>References: I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal, "AI models
 * collapse when trained on recursively generated data", Nature 631:755-759, 2024
 * (doi:10.1038/s41586-024-07566-y; arXiv:2305.17493 "The Curse of Recursion: Training on Generated Data
 * Makes Models Forget", 2023); authors' code {@code Zakahler/curse_recurse@b48c90a:Normals_GMM_experiments.ipynb}.
 * Workflows: M. Gerstgrasser et al., "Is Model Collapse Inevitable?", arXiv:2404.01413 (2024); J. Kazdan
 * et al., "Collapse or Thrive?", arXiv:2410.16713 (2024); S. Alemohammad et al., "Self-Consuming
 * Generative Models Go MAD", ICLR 2024.
 *
 * @since 0.1.0
 */
public final class RecursiveGaussian {

    private RecursiveGaussian() {
    }

    /**
     * Simulates one 1-D run.
     *
     * @param options the settings
     * @param rng the run's generator (one stream for the whole run)
     * @return the trajectory: index 0 = the original, {@code n} = after {@code n} refits
     * @throws NullPointerException if an argument is null
     */
    public static GaussianTrajectory simulate(RefitOptions options, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        double sd = Math.sqrt(options.variance());
        GaussianRefitEngine engine = new GaussianRefitEngine(new double[] {options.mean()}, new double[] {sd},
                RefitSettings.sizes(options.samplesPerGeneration(), options.sampleGrowth(), options.generations()),
                options.estimator(), options.workflow(), options.sampler(), options.samplingScale(),
                options.heldOutSamples());
        GaussianRefitEngine.Run run = engine.run(rng);
        double[] variances = new double[run.logDets.length];
        for (int n = 0; n < variances.length; n++) {
            variances[n] = run.factors[n] * run.factors[n];
        }
        return new GaussianTrajectory(options, run.means, variances, run.logDets, run.heldOutMean[0],
                run.heldOutCovariance[0]);
    }

    /**
     * Simulates {@code runs} independent 1-D runs (run {@code i} uses the {@code i}-th generator split
     * off {@code rng}), sequentially or on {@code threads} threads with identical results.
     *
     * @param options the settings
     * @param runs number of runs, &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1
     * @return the ensemble
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1
     */
    public static GaussianEnsemble simulateRuns(RefitOptions options, int runs, RandomGenerator.SplittableGenerator rng,
            int threads) {
        return simulateRuns(options, runs, rng, threads, ProgressListener.none());
    }

    /**
     * As {@link #simulateRuns(RefitOptions, int, RandomGenerator.SplittableGenerator, int)}, reporting
     * each finished run.
     *
     * @param options the settings
     * @param runs number of runs, &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1
     * @param listener receives (runs completed, runs)
     * @return the ensemble
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1
     */
    public static GaussianEnsemble simulateRuns(RefitOptions options, int runs, RandomGenerator.SplittableGenerator rng,
            int threads, ProgressListener listener) {
        Checks.notNull(options, "options");
        List<GaussianTrajectory> list = IndependentRuns.run(runs, rng, threads, g -> simulate(options, g), listener);
        return new GaussianEnsemble(options, list);
    }

    /**
     * Simulates one d-dimensional run.
     *
     * @param options the settings
     * @param rng the run's generator
     * @return the trajectory: index 0 = the original, {@code n} = after {@code n} refits
     * @throws NullPointerException if an argument is null
     */
    public static MultivariateGaussianTrajectory simulate(MultivariateRefitOptions options, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        int d = options.dimension();
        double[] l0 = Linalg.covarianceFactor(options.covariance(), d, "covariance");
        GaussianRefitEngine engine = new GaussianRefitEngine(options.mean(), l0,
                RefitSettings.sizes(options.samplesPerGeneration(), options.sampleGrowth(), options.generations()),
                options.estimator(), options.workflow(), options.sampler(), options.samplingScale(),
                options.heldOutSamples());
        GaussianRefitEngine.Run run = engine.run(rng);
        int length = options.generations() + 1;
        double[][] means = new double[length][];
        double[][][] covariances = new double[length][][];
        double[] factor = new double[d * d];
        double[] cov = new double[d * d];
        for (int n = 0; n < length; n++) {
            means[n] = java.util.Arrays.copyOfRange(run.means, n * d, (n + 1) * d);
            System.arraycopy(run.factors, n * d * d, factor, 0, d * d);
            Linalg.lowerTimesTranspose(factor, d, cov);
            covariances[n] = Linalg.square(cov, d);
        }
        return new MultivariateGaussianTrajectory(options, means, covariances, run.logDets, run.heldOutMean,
                Linalg.square(run.heldOutCovariance, d));
    }
}
