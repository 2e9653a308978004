package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.GaussianMetrics;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.collapse.internal.Sampling;
import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Model collapse of a Gaussian mixture: fit a K-component mixture by EM, sample N points from it, fit
 * again, repeat (the GMM experiment of Shumailov et al., SI §4.1, Fig. 6 and 8).
 *
 * <pre>
 *   X_0 ~ N(mu0, Sigma0)^N;   model_n = EM(X_{n-1}, K);   X_n ~ model_n^N       (replace, no real data)
 * </pre>
 * What to expect (docs/collapse-theory.md, 'The GMM experiment' and 'Predictions', items 20-21):
 * within ~50 generations the components'
 * shapes and weights are reshuffled (small L2, W2 up to ~0.7); the variance collapse itself takes
 * O(N) generations: at N = 1000 every component's RMS standard deviation is below 0.1 by generation
 * 2000 (0.010-0.056 observed; the notebook reports 0.0100 / 0.0112) and L2^2 to the first fit explodes
 * (70-536), while at N = 10,000 nothing has collapsed yet (stds 0.35-0.88, L2^2 0.2-0.3). The mixture
 * mean also wanders. EM's {@code reg_covar} (1e-6) is a variance floor that eventually halts the collapse
 * ('Pitfalls', item 5).
 *
 * <p>Each fit re-initialises EM from the run's generator (k-means), as the notebook's
 * {@code GaussianMixture(random_state=None)} does; {@link MixtureRefitOptions#warmStart()} instead starts
 * each fit from the previous mixture. One generator stream per run: a fixed integer seed reused every
 * generation would repeat the same noise (item 7). Sampling draws a component per point, so samples
 * are not grouped by component (item 8).
 *
 * <p>Complexity per generation: EM, O(iterations N K d^2), plus O(N K d^2) to sample and
 * O(K^2 d^3 + heldOut K d^2) for the metrics.
 *
 * <p>References: I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal, "AI models
 * collapse when trained on recursively generated data", Nature 631:755-759, 2024
 * (doi:10.1038/s41586-024-07566-y); authors' code {@code Zakahler/curse_recurse@b48c90a:Normals_GMM_experiments.ipynb}.
 *
 * @since 0.1.0
 */
public final class RecursiveMixture {

    /** Original mass outside the 3-sigma region, {@code 2 Phi(-3)}. */
    private static final double THREE_SIGMA_MASS = 0.0026997960632601866;

    private RecursiveMixture() {
    }

    /**
     * Simulates one run.
     *
     * @param options the settings
     * @param rng the run's generator (EM initialisation and sampling)
     * @return the trajectory
     * @throws NullPointerException if an argument is null
     */
    public static MixtureTrajectory simulate(MixtureRefitOptions options, RandomGenerator rng) {
        return simulate(options, rng, ProgressListener.none());
    }

    /**
     * Simulates one run, reporting each finished generation (a 2000-generation run at N = 10,000 takes
     * minutes).
     *
     * @param options the settings
     * @param rng the run's generator
     * @param listener receives (generations completed, generations)
     * @return the trajectory
     * @throws NullPointerException if an argument is null
     */
    public static MixtureTrajectory simulate(MixtureRefitOptions options, RandomGenerator rng,
            ProgressListener listener) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        int d = options.dimension();
        int g = options.generations();
        int n = options.samplesPerGeneration();
        GaussianMixture original = GaussianMixture.single(options.mean(), options.covariance());
        double[] l0 = Linalg.covarianceFactor(options.covariance(), d, "covariance");
        double radius = d == 2 ? -2 * Math.log(THREE_SIGMA_MASS)
                : new ChiSquaredDistribution(null, d).inverseCumulativeProbability(1 - THREE_SIGMA_MASS);
        double[][] heldOut = original.sample(options.heldOutSamples(), rng);

        double[][] means = new double[g + 1][];
        double[][][] covariances = new double[g + 1][][];
        double[][] weights = new double[g + 1][];
        double[][] stds = new double[g + 1][];
        double[] l2 = new double[g + 1];
        double[] w2 = new double[g + 1];
        double[] heldOutLl = new double[g + 1];
        double[] tail = new double[g + 1];
        int[] iterations = new int[g + 1];
        boolean[] converged = new boolean[g + 1];
        int[] snapshotAt = MixtureTrajectory.snapshotGenerationsUpTo(options);
        List<GaussianMixture> snapshots = new ArrayList<>();

        GaussianMixture model = original;
        GaussianMixture first = null;
        double[][] data = original.sample(n, rng);
        for (int gen = 0; gen <= g; gen++) {
            if (gen > 0) {
                model = options.warmStart() && gen > 1 ? GaussianMixtureEm.fitFrom(data, model, options.em())
                        : GaussianMixtureEm.fit(data, options.components(), options.em(), rng);
                if (gen == 1) {
                    first = model;
                }
                l2[gen] = GaussianMetrics.l2Squared(first, model);
                data = model.sample(n, rng);
                iterations[gen] = model.diagnostics().iterations();
                converged[gen] = model.diagnostics().converged();
                tail[gen] = outsideFraction(data, options.mean(), l0, radius);
                listener.progress("generations", gen, g);
            } else {
                converged[0] = true;
                tail[0] = THREE_SIGMA_MASS;
            }
            means[gen] = model.mean();
            covariances[gen] = model.covariance();
            weights[gen] = model.weights();
            stds[gen] = model.componentStds();
            w2[gen] = GaussianMetrics.w2Squared(means[gen], covariances[gen], options.mean(), options.covariance());
            heldOutLl[gen] = model.meanLogLikelihood(heldOut);
            if (Arrays.binarySearch(snapshotAt, gen) >= 0) {
                snapshots.add(model);
            }
        }
        l2[0] = first == null ? 0 : GaussianMetrics.l2Squared(first, original);
        return new MixtureTrajectory(options, means, covariances, weights, stds, l2, w2, heldOutLl, tail, iterations,
                converged, snapshots);
    }

    private static double outsideFraction(double[][] points, double[] mu0, double[] l0, double radius) {
        int d = mu0.length;
        double[] diff = new double[d];
        double[] tmp = new double[d];
        int outside = 0;
        for (double[] x : points) {
            for (int j = 0; j < d; j++) {
                diff[j] = x[j] - mu0[j];
            }
            if (Linalg.inverseQuadratic(l0, diff, d, tmp) > radius) {
                outside++;
            }
        }
        return (double) outside / points.length;
    }
}
