package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.collapse.internal.Sampling;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A Gaussian mixture {@code p(x) = sum_k w_k N(x | m_k, S_k)}: the result of
 * {@link GaussianMixtureEm#fit}, or built by hand with {@link #of}.
 *
 * <p>Immutable: arrays are copied in and out. Covariances are always reported as full {@code d x d}
 * matrices whatever the {@link CovarianceType}. Log-densities are computed in log space with
 * log-sum-exp over components ({@link GaussianMixtureEm} explains the numerics); each call that
 * evaluates densities or samples factorises the K covariances once, O(K d^3), then costs O(K d^2) per
 * point.
 *
 * <p>Sampling picks a component per point from the weights, so points come out in random order
 * (scikit-learn's {@code sample} draws multinomial counts and returns points grouped by component,
 * which biases any "take the first 10%" step; docs/collapse-theory.md, 'Pitfalls', item 8).
 *
 * @param covarianceType how the covariances were estimated (structure is checked: DIAGONAL and
 *     SPHERICAL covariances must be diagonal, SPHERICAL ones a multiple of the identity)
 * @param weights mixing weights {@code w_k}, finite, &gt;= 0, summing to 1 (within 1e-9)
 * @param means component means, {@code K x d}, finite
 * @param covariances component covariances, {@code K x d x d}, symmetric positive definite
 * @param diagnostics how the fit went ({@link EmDiagnostics#notFitted()} for hand-built mixtures)
 *
 * @since 0.1.0
 */
public record GaussianMixture(CovarianceType covarianceType, double[] weights, double[][] means,
        double[][][] covariances, EmDiagnostics diagnostics) {

    /**
     * Validates and copies the parameters.
     *
     * @param covarianceType how the covariances were estimated (structure is checked: DIAGONAL and
     *     SPHERICAL covariances must be diagonal, SPHERICAL ones a multiple of the identity)
     * @param weights mixing weights {@code w_k}, finite, &gt;= 0, summing to 1 (within 1e-9)
     * @param means component means, {@code K x d}, finite
     * @param covariances component covariances, {@code K x d x d}, symmetric positive definite
     * @param diagnostics how the fit went ({@link EmDiagnostics#notFitted()} for hand-built mixtures)
     * @throws NullPointerException if an argument (or a row) is null
     * @throws IllegalArgumentException if shapes disagree, weights are not a distribution, a value is
     *     not finite, or a covariance is not symmetric positive definite of the declared structure
     */
    public GaussianMixture {
        Checks.notNull(covarianceType, "covarianceType");
        Checks.notNull(diagnostics, "diagnostics");
        Checks.allFinite(Checks.nonEmpty(weights, "weights"), "weights");
        int k = weights.length;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] >= 0)) {
                throw Checks.fail("weights[" + c + "]", "be >= 0", weights[c]);
            }
            sum += weights[c];
        }
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw Checks.fail("weights", "sum to 1", sum);
        }
        int d = Checks.finiteMatrix(Checks.notNull(means, "means"), "means");
        Checks.sameLength(means.length, k, "means", "weights");
        Checks.sameLength(Checks.notNull(covariances, "covariances").length, k, "covariances", "weights");
        for (int c = 0; c < k; c++) {
            String name = "covariances[" + c + "]";
            Linalg.covarianceFactor(covariances[c], d, name);
            checkStructure(covarianceType, covariances[c], name);
        }
        weights = weights.clone();
        means = Copies.deepCopy(means, "means");
        covariances = Copies.deepCopy(covariances, "covariances");
    }

    private static void checkStructure(CovarianceType type, double[][] s, String name) {
        if (type == CovarianceType.FULL) {
            return;
        }
        for (int r = 0; r < s.length; r++) {
            for (int c = 0; c < s.length; c++) {
                if (r != c && s[r][c] != 0) {
                    throw Checks.fail(name + "[" + r + "][" + c + "]", "be 0 for covariance type " + type, s[r][c]);
                }
            }
            if (type == CovarianceType.SPHERICAL && s[r][r] != s[0][0]) {
                throw Checks.fail(name + "[" + r + "][" + r + "]", "equal " + name + "[0][0] for covariance type "
                        + type, s[r][r]);
            }
        }
    }

    /**
     * A hand-built mixture with full covariances and {@link EmDiagnostics#notFitted()}.
     *
     * @param weights mixing weights, &gt;= 0, summing to 1
     * @param means component means, {@code K x d}
     * @param covariances component covariances, {@code K x d x d}, symmetric positive definite
     * @return the mixture
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the parameters are invalid (the message names them)
     */
    public static GaussianMixture of(double[] weights, double[][] means, double[][][] covariances) {
        return new GaussianMixture(CovarianceType.FULL, weights, means, covariances, EmDiagnostics.notFitted());
    }

    /**
     * A single Gaussian {@code N(mean, covariance)} as a one-component mixture.
     *
     * @param mean the mean, finite
     * @param covariance the covariance, symmetric positive definite
     * @return the mixture
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the parameters are invalid
     */
    public static GaussianMixture single(double[] mean, double[][] covariance) {
        Checks.notNull(mean, "mean");
        return of(new double[] {1}, new double[][] {mean}, new double[][][] {covariance});
    }

    /**
     * Number of components K.
     *
     * @return K
     */
    public int components() {
        return weights.length;
    }

    /**
     * Dimension d of the data.
     *
     * @return d
     */
    public int dimension() {
        return means[0].length;
    }

    /**
     * The mixing weights (a copy).
     *
     * @return {@code w}, length K
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The component means (a copy).
     *
     * @return {@code K x d}
     */
    @Override
    public double[][] means() {
        return Copies.deepCopy(means, "means");
    }

    /**
     * The component covariances as full matrices (a copy).
     *
     * @return {@code K x d x d}
     */
    @Override
    public double[][][] covariances() {
        return Copies.deepCopy(covariances, "covariances");
    }

    double weightRef(int c) {
        return weights[c];
    }

    double[] meanRef(int c) {
        return means[c];
    }

    double[][] covarianceRef(int c) {
        return covariances[c];
    }

    /**
     * Log-density {@code log p(x)}.
     *
     * @param x a point of dimension d, finite
     * @return the log-density in nats
     * @throws NullPointerException if {@code x} is null
     * @throws IllegalArgumentException if {@code x} has the wrong length or is not finite
     */
    public double logDensity(double[] x) {
        Checks.allFinite(Checks.notNull(x, "x"), "x");
        Checks.sameLength(x.length, dimension(), "x", "mixture dimension");
        return MixtureState.of(this).logDensity(x, 0, null, 0);
    }

    /**
     * Mean log-likelihood per point, {@code (1/n) sum_i log p(x_i)} (scikit-learn's {@code score}).
     *
     * @param x the points, {@code n x d}, non-empty and finite
     * @return the mean log-likelihood in nats
     * @throws NullPointerException if {@code x} or a row is null
     * @throws IllegalArgumentException if empty, ragged, not finite or of the wrong dimension
     */
    public double meanLogLikelihood(double[][] x) {
        double[] flat = flatten(x);
        MixtureState state = MixtureState.of(this);
        int d = dimension();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += state.logDensity(flat, i * d, null, 0);
        }
        return total / x.length;
    }

    /**
     * The most responsible component of each point (scikit-learn's {@code predict}).
     *
     * @param x the points, {@code n x d}, non-empty and finite
     * @return labels in {@code [0, K)}
     * @throws NullPointerException if {@code x} or a row is null
     * @throws IllegalArgumentException if empty, ragged, not finite or of the wrong dimension
     */
    public int[] predict(double[][] x) {
        double[] flat = flatten(x);
        MixtureState state = MixtureState.of(this);
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            labels[i] = state.predict(flat, i * dimension());
        }
        return labels;
    }

    /**
     * Draws {@code n} independent points: a component per point from the weights, then
     * {@code m_k + L_k z} with {@code z ~ N(0, I)} and {@code S_k = L_k L_k^T}.
     *
     * @param n number of points, &gt;= 0
     * @param rng the random generator
     * @return {@code n x d} points, in random component order
     * @throws NullPointerException if {@code rng} is null
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public double[][] sample(int n, RandomGenerator rng) {
        Checks.nonNegative(n, "n");
        Checks.notNull(rng, "rng");
        int k = components();
        int d = dimension();
        Checks.atMost((long) n * d, Integer.MAX_VALUE - 8, "n * dimension");
        double[][] factors = new double[k][];
        for (int c = 0; c < k; c++) {
            factors[c] = Linalg.covarianceFactor(covariances[c], d, "covariances[" + c + "]");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] z = new double[d];
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            int c = pick(rng.nextDouble() * total);
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
            }
            Linalg.lowerTimesVector(factors[c], z, d, out[i]);
            for (int j = 0; j < d; j++) {
                out[i][j] += means[c][j];
            }
        }
        return out;
    }

    private int pick(double u) {
        double cumulative = 0;
        int last = 0;
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                cumulative += weights[c];
                last = c;
                if (u < cumulative) {
                    return c;
                }
            }
        }
        return last;
    }

    /**
     * The mixture's mean {@code sum_k w_k m_k}.
     *
     * @return the mean, length d
     */
    public double[] mean() {
        int d = dimension();
        double[] m = new double[d];
        for (int c = 0; c < components(); c++) {
            for (int j = 0; j < d; j++) {
                m[j] += weights[c] * means[c][j];
            }
        }
        return m;
    }

    /**
     * The mixture's covariance {@code sum_k w_k (S_k + m_k m_k^T) - m m^T}, i.e. the covariance of the
     * moment-matched Gaussian.
     *
     * @return the covariance, {@code d x d}
     */
    public double[][] covariance() {
        int d = dimension();
        double[] m = mean();
        double[][] s = new double[d][d];
        for (int c = 0; c < components(); c++) {
            for (int r = 0; r < d; r++) {
                for (int q = 0; q < d; q++) {
                    s[r][q] += weights[c] * (covariances[c][r][q] + (means[c][r] - m[r]) * (means[c][q] - m[q]));
                }
            }
        }
        return s;
    }

    /**
     * Each component's root-mean-square standard deviation per axis, {@code sqrt(tr S_k / d)}. The
     * authors' notebook prints {@code sqrt(tr S_k / K)}, which is the same only because its
     * {@code K = d = 2} (docs/collapse-theory.md, 'Pitfalls', item 4).
     *
     * @return length K
     */
    public double[] componentStds() {
        int d = dimension();
        double[] out = new double[components()];
        for (int c = 0; c < out.length; c++) {
            double t = 0;
            for (int j = 0; j < d; j++) {
                t += covariances[c][j][j];
            }
            out[c] = Math.sqrt(t / d);
        }
        return out;
    }

    private double[] flatten(double[][] x) {
        double[] flat = Linalg.flattenRows(x, "x");
        Checks.sameLength(flat.length / x.length, dimension(), "x columns", "mixture dimension");
        return flat;
    }

    /**
     * Equality by value (type, weights, means, covariances, diagnostics).
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianMixture g && covarianceType == g.covarianceType
                && Arrays.equals(weights, g.weights) && Arrays.deepEquals(means, g.means)
                && Arrays.deepEquals(covariances, g.covariances) && diagnostics.equals(g.diagnostics);
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * covarianceType.hashCode() + Arrays.hashCode(weights)) + Arrays.deepHashCode(means))
                + Arrays.deepHashCode(covariances);
    }

    /**
     * One line: K, d, type, weights, means, per-component RMS std and the fit diagnostics, e.g.
     * {@code GaussianMixture[K=2, d=2, FULL, weights=(0.48, 0.52), means=((-0.53, 0.01), (0.63, 0.02)),
     * stds=(0.72, 0.73), iterations=12, converged=true, lowerBound=-2.83]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("GaussianMixture[K=").append(components()).append(", d=")
                .append(dimension()).append(", ").append(covarianceType).append(", weights=")
                .append(Formats.tuple(weights, 4))
                .append(", means=(");
        for (int c = 0; c < components(); c++) {
            s.append(c == 0 ? "" : ", ").append(Formats.tuple(means[c], 4));
        }
        s.append("), stds=").append(Formats.tuple(componentStds(), 4));
        return s.append(", ").append(diagnostics).append(']').toString();
    }
}
