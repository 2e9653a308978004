package io.github.genailab.collapse;

import io.github.genailab.collapse.internal.GaussianKernels;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.core.math.Checks;

/**
 * Closed-form distances and scores between Gaussians (and Gaussian mixtures) used to measure collapse.
 *
 * <pre>
 *   W2^2(N(m1,S1), N(m2,S2)) = |m1 - m2|^2 + tr S1 + tr S2 - 2 tr (S2^(1/2) S1 S2^(1/2))^(1/2)
 *                            1-D: (m1 - m2)^2 + (s1 - s2)^2
 *   KL(N0 || N1)             = 1/2 [ tr(S1^-1 S0) + (m1 - m0)^T S1^-1 (m1 - m0) - d + ln det S1 - ln det S0 ]
 *   tail mass beyond m0 +- z s0 under N(m, s^2)
 *                            = Phi((m0 - z s0 - m) / s) + 1 - Phi((m0 + z s0 - m) / s)   (z = 3: 0.0026998 at N0)
 *   expected log-likelihood of N0 data under N1
 *                            = -1/2 [ d ln 2 pi + ln det S1 + tr(S1^-1 S0) + (m1 - m0)^T S1^-1 (m1 - m0) ]
 *   L2^2(p, q) = int (p - q)^2 = sum_ij a_i a_j N(mu_i - mu_j; 0, S_i + S_j) + (same for b)
 *                               - 2 sum_ij a_i b_j N(mu_i - mu'_j; 0, S_i + S'_j)
 * </pre>
 * Conventions: every function takes <em>variances</em> (covariance matrices), never standard deviations;
 * W2 is returned <em>squared</em>; logarithms are natural. The trace term of W2 is computed as the sum of
 * singular values of {@code L1^T L2} ({@code S = L L^T}), which equals
 * {@code sum_i sqrt(lambda_i(S1 S2))} and avoids matrix square roots. KL is not symmetric: KL(original
 * || model) grows without bound as a collapsing model's variance goes to 0 (the model misses real
 * data), while KL(model || original) grows only like {@code -1/2 ln det}. The L2 distance of the
 * authors' GMM notebook explodes once a component collapses because {@code int q^2} grows like
 * {@code 1/sigma^d} (docs/collapse-theory.md, 'Pitfalls', item 10): pair it with W2.
 *
 * <p>Complexity: O(1) in 1-D; O(d^3) for d-dimensional Gaussians; O(K K' d^3) for mixtures.
 *
 * <p>References: Dowson &amp; Landau, "The Frechet distance between multivariate normal distributions",
 * J. Multivariate Anal. 12(3), 1982; Shumailov et al., "AI models collapse when trained on recursively
 * generated data", Nature 631:755-759, 2024 (L2 metric: {@code Zakahler/curse_recurse@b48c90a}).
 *
 * @since 0.1.0
 */
public final class GaussianMetrics {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianMetrics() {
    }

    /**
     * Squared Wasserstein-2 distance between two 1-D normals, {@code (m1 - m2)^2 + (s1 - s2)^2}.
     *
     * @param mean1 mean of the first, finite
     * @param variance1 variance of the first, finite and &gt; 0
     * @param mean2 mean of the second, finite
     * @param variance2 variance of the second, finite and &gt; 0
     * @return {@code W2^2 >= 0}
     * @throws IllegalArgumentException if a mean is not finite or a variance not finite and positive
     */
    public static double w2Squared(double mean1, double variance1, double mean2, double variance2) {
        checkNormal(mean1, variance1, "mean1", "variance1");
        checkNormal(mean2, variance2, "mean2", "variance2");
        return GaussianKernels.w2Squared1d(mean1, Math.sqrt(variance1), mean2, Math.sqrt(variance2));
    }

    /**
     * Squared Wasserstein-2 (Frechet) distance between two d-dimensional normals.
     *
     * @param mean1 mean of the first, finite
     * @param covariance1 covariance of the first, symmetric positive definite
     * @param mean2 mean of the second, same dimension
     * @param covariance2 covariance of the second, symmetric positive definite
     * @return {@code W2^2 >= 0}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the shapes differ or a value is invalid (the message names it)
     */
    public static double w2Squared(double[] mean1, double[][] covariance1, double[] mean2, double[][] covariance2) {
        int d = checkMean(mean1, "mean1");
        Checks.sameLength(d, checkMean(mean2, "mean2"), "mean1", "mean2");
        double[] l1 = Linalg.covarianceFactor(covariance1, d, "covariance1");
        double[] l2 = Linalg.covarianceFactor(covariance2, d, "covariance2");
        return GaussianKernels.w2SquaredFromFactors(mean1, l1, mean2, l2, d);
    }

    /**
     * Kullback-Leibler divergence {@code KL(N(mean0, variance0) || N(mean1, variance1))} in nats.
     *
     * @param mean0 mean of the first argument ("from"), finite
     * @param variance0 its variance, finite and &gt; 0
     * @param mean1 mean of the second argument ("to"), finite
     * @param variance1 its variance, finite and &gt; 0
     * @return {@code KL >= 0}
     * @throws IllegalArgumentException if a mean is not finite or a variance not finite and positive
     */
    public static double klDivergence(double mean0, double variance0, double mean1, double variance1) {
        checkNormal(mean0, variance0, "mean0", "variance0");
        checkNormal(mean1, variance1, "mean1", "variance1");
        return GaussianKernels.kl1d(mean0, variance0, Math.log(variance0), mean1, variance1, Math.log(variance1));
    }

    /**
     * Kullback-Leibler divergence {@code KL(N(mean0, covariance0) || N(mean1, covariance1))} in nats.
     *
     * @param mean0 mean of the first argument, finite
     * @param covariance0 its covariance, symmetric positive definite
     * @param mean1 mean of the second argument, same dimension
     * @param covariance1 its covariance, symmetric positive definite
     * @return {@code KL >= 0}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the shapes differ or a value is invalid (the message names it)
     */
    public static double klDivergence(double[] mean0, double[][] covariance0, double[] mean1,
            double[][] covariance1) {
        int d = checkMean(mean0, "mean0");
        Checks.sameLength(d, checkMean(mean1, "mean1"), "mean0", "mean1");
        double[] l0 = Linalg.covarianceFactor(covariance0, d, "covariance0");
        double[] l1 = Linalg.covarianceFactor(covariance1, d, "covariance1");
        double[] s0 = Linalg.flatten(covariance0);
        return GaussianKernels.klFromFactors(mean0, s0, Linalg.logDetFromCholesky(l0, d), mean1, l1,
                Linalg.logDetFromCholesky(l1, d), d);
    }

    /**
     * Probability mass that {@code N(mean, variance)} puts beyond the original's {@code +-3} standard
     * deviations, {@code P(|X - originalMean| > 3 sqrt(originalVariance))}; 0.0026998 for the original
     * itself.
     *
     * @param originalMean mean of the original distribution, finite
     * @param originalVariance its variance, finite and &gt; 0
     * @param mean mean of the model, finite
     * @param variance variance of the model, finite and &gt; 0
     * @return the tail mass in [0, 1]
     * @throws IllegalArgumentException if a mean is not finite or a variance not finite and positive
     */
    public static double tailMass(double originalMean, double originalVariance, double mean, double variance) {
        return tailMass(originalMean, originalVariance, mean, variance, 3);
    }

    /**
     * Probability mass that {@code N(mean, variance)} puts beyond the original's {@code +-sigmas}
     * standard deviations.
     *
     * @param originalMean mean of the original distribution, finite
     * @param originalVariance its variance, finite and &gt; 0
     * @param mean mean of the model, finite
     * @param variance variance of the model, finite and &gt; 0
     * @param sigmas the half-width of the central region in original standard deviations, finite, &gt; 0
     * @return the tail mass in [0, 1]
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public static double tailMass(double originalMean, double originalVariance, double mean, double variance,
            double sigmas) {
        checkNormal(originalMean, originalVariance, "originalMean", "originalVariance");
        checkNormal(mean, variance, "mean", "variance");
        Checks.positive(sigmas, "sigmas");
        return GaussianKernels.tail1d(originalMean, Math.sqrt(originalVariance), mean, Math.sqrt(variance), sigmas);
    }

    /**
     * Expected log-likelihood per point of original data {@code N(originalMean, originalVariance)} under
     * the model {@code N(mean, variance)}: {@code -1/2 ln(2 pi v) - (v0 + (m - m0)^2) / (2 v)}; it is
     * what the held-out log-likelihood of an infinite original test set converges to.
     *
     * @param originalMean mean of the original distribution, finite
     * @param originalVariance its variance, finite and &gt; 0
     * @param mean mean of the model, finite
     * @param variance variance of the model, finite and &gt; 0
     * @return the expected log-likelihood in nats
     * @throws IllegalArgumentException if a mean is not finite or a variance not finite and positive
     */
    public static double expectedLogLikelihood(double originalMean, double originalVariance, double mean,
            double variance) {
        checkNormal(originalMean, originalVariance, "originalMean", "originalVariance");
        checkNormal(mean, variance, "mean", "variance");
        return GaussianKernels.logLikelihood1d(originalMean, originalVariance, mean, variance, Math.log(variance));
    }

    /**
     * Expected log-likelihood per point of {@code N(originalMean, originalCovariance)} data under
     * {@code N(mean, covariance)}.
     *
     * @param originalMean mean of the original distribution, finite
     * @param originalCovariance its covariance, symmetric positive definite
     * @param mean mean of the model, same dimension
     * @param covariance covariance of the model, symmetric positive definite
     * @return the expected log-likelihood in nats
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the shapes differ or a value is invalid (the message names it)
     */
    public static double expectedLogLikelihood(double[] originalMean, double[][] originalCovariance, double[] mean,
            double[][] covariance) {
        int d = checkMean(originalMean, "originalMean");
        Checks.sameLength(d, checkMean(mean, "mean"), "originalMean", "mean");
        Linalg.covarianceFactor(originalCovariance, d, "originalCovariance");
        double[] l = Linalg.covarianceFactor(covariance, d, "covariance");
        return GaussianKernels.logLikelihoodFromFactor(originalMean, Linalg.flatten(originalCovariance), mean, l,
                Linalg.logDetFromCholesky(l, d), d);
    }

    /**
     * Mean log-density of {@code data} under {@code N(mean, variance)}.
     *
     * @param data the points, non-empty and finite
     * @param mean the model mean, finite
     * @param variance the model variance, finite and &gt; 0
     * @return {@code (1/n) sum_i log N(x_i; mean, variance)}
     * @throws NullPointerException if {@code data} is null
     * @throws IllegalArgumentException if {@code data} is empty or not finite, or a parameter is invalid
     */
    public static double meanLogLikelihood(double[] data, double mean, double variance) {
        Checks.allFinite(Checks.nonEmpty(data, "data"), "data");
        checkNormal(mean, variance, "mean", "variance");
        double s = 0;
        for (double x : data) {
            double r = x - mean;
            s += r * r;
        }
        return -0.5 * (LOG_2PI + Math.log(variance)) - s / (2 * variance * data.length);
    }

    /**
     * Squared L2 distance {@code int (p(x) - q(x))^2 dx} between two Gaussian mixtures, the distance
     * the authors' GMM notebook plots (in closed form). Rounding can make the exact zero of identical
     * mixtures come out a few ulps negative; the result is clamped at 0.
     *
     * @param p the first mixture
     * @param q the second mixture, same dimension
     * @return {@code L2^2 >= 0}
     * @throws NullPointerException if a mixture is null
     * @throws IllegalArgumentException if the dimensions differ
     */
    public static double l2Squared(GaussianMixture p, GaussianMixture q) {
        Checks.notNull(p, "p");
        Checks.notNull(q, "q");
        Checks.sameLength(p.dimension(), q.dimension(), "p dimension", "q dimension");
        double value = overlap(p, p) + overlap(q, q) - 2 * overlap(p, q);
        return Math.max(0, value);
    }

    /** {@code sum_ij a_i b_j N(mu_i - nu_j; 0, S_i + T_j)}. */
    private static double overlap(GaussianMixture a, GaussianMixture b) {
        int d = a.dimension();
        double[] sum = new double[d * d];
        double[] l = new double[d * d];
        double[] delta = new double[d];
        double[] tmp = new double[d];
        double[] scratch = new double[d * d];
        double total = 0;
        double[] aWeights = a.weights();
        double[] bWeights = b.weights();
        double[][] aMeans = a.means();
        double[][] bMeans = b.means();
        double[][][] aCovariances = a.covariances();
        double[][][] bCovariances = b.covariances();
        for (int i = 0; i < a.components(); i++) {
            double[] mi = aMeans[i];
            double[][] si = aCovariances[i];
            for (int j = 0; j < b.components(); j++) {
                double[] mj = bMeans[j];
                double[][] sj = bCovariances[j];
                for (int r = 0; r < d; r++) {
                    delta[r] = mi[r] - mj[r];
                    for (int c = 0; c < d; c++) {
                        sum[r * d + c] = si[r][c] + sj[r][c];
                    }
                }
                double base = 1e-300;
                Linalg.choleskyWithJitter(sum, d, l, base, scratch);
                double logDensity = -0.5 * (d * LOG_2PI + Linalg.logDetFromCholesky(l, d)
                        + Linalg.inverseQuadratic(l, delta, d, tmp));
                total += aWeights[i] * bWeights[j] * Math.exp(logDensity);
            }
        }
        return total;
    }

    private static void checkNormal(double mean, double variance, String meanName, String varianceName) {
        Checks.finite(mean, meanName);
        Checks.positive(variance, varianceName);
    }

    private static int checkMean(double[] mean, String name) {
        Checks.allFinite(Checks.nonEmpty(mean, name), name);
        return mean.length;
    }
}
