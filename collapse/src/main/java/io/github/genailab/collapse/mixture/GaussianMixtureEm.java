package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.collapse.internal.Runs;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Expectation-maximisation for Gaussian mixtures, numerically robust and compatible with
 * scikit-learn's {@code GaussianMixture} (same defaults, same iteration and convergence semantics).
 *
 * <pre>
 *   E-step   log r_ik = log w_k + log N(x_i | m_k, S_k) - logsumexp_c(...)      lower bound = mean_i logsumexp
 *            log N(x | m, S) = -1/2 (d ln 2pi + 2 sum_j ln L_jj + |L^-1 (x - m)|^2),  S = L L^T
 *   M-step   N_k = sum_i r_ik + 10 eps,  w_k = N_k / sum_c N_c,  m_k = sum_i r_ik x_i / N_k
 *            S_k = sum_i r_ik (x_i - m_k)(x_i - m_k)^T / N_k + reg I     (DIAGONAL / SPHERICAL: see CovarianceType)
 *   loop     for it = 1..maxIterations: prev = bound; bound = E-step; M-step;
 *            stop (converged) when |bound - prev| &lt; tolerance
 * </pre>
 * As in scikit-learn, the reported lower bound is the one computed by the last E-step, i.e. before the
 * last M-step; {@link GaussianMixture#meanLogLikelihood} of the result on the training data is
 * scikit-learn's {@code score(X)}; restarts keep the best lower bound.
 *
 * <p>What it does that scikit-learn and Commons Math 3.6.1 do not (their behaviour is summarised in
 * docs/collapse-theory.md, 'EM software'):
 * <ul>
 *   <li>never raises on degenerate data: a covariance that will not factorise gets escalating
 *       diagonal jitter (from {@code 1e-10} times the data's mean feature variance, counted in
 *       {@link EmDiagnostics#jitteredCovariances()}), where scikit-learn raises "ill-defined empirical
 *       covariance" and Commons Math a {@code SingularMatrixException};</li>
 *   <li>fits any {@code n >= 1} points with any {@code K >= 1} (Commons Math needs {@code K >= 2},
 *       {@code d >= 2}; scikit-learn needs {@code n >= max(2, K)}); 1-D data are supported;</li>
 *   <li>handles empty components explicitly (responsibilities summing below 1e-10: kept with their
 *       previous parameters, or re-seeded when {@link EmOptions#reseedEmptyComponents()}), where
 *       scikit-learn's formula would move the mean to the origin;</li>
 *   <li>log-space E-step throughout (Commons Math forms densities, so underflow gives 0/0 = NaN).</li>
 * </ul>
 * Covariances come from moments about each component's current mean, accumulated in the same pass
 * as the E-step ({@code S - s delta^T - delta s^T + N delta delta^T}, exact algebra for the centred
 * scatter and as accurate, since the new mean is close to the old; never {@code E[x x^T] - mu mu^T}).
 * The E-step runs over blocks of points in column-major order so the JIT can vectorise it.
 * Non-convergence is a flag, never an exception. The only randomness is the initialisation, drawn from
 * the given generator.
 *
 * <p>Complexity per iteration: one pass over the data, O(n K d^2) time for FULL (O(n K d) otherwise),
 * plus O(K d^3) for the factorisations; memory O(n (d + K)). The data are copied once into a flat array.
 *
 * <p>References: Dempster, Laird &amp; Rubin, "Maximum likelihood from incomplete data via the EM
 * algorithm", JRSS B 39(1), 1977; Arthur &amp; Vassilvitskii, "k-means++: the advantages of careful
 * seeding", SODA 2007; behaviour checked against scikit-learn 1.2.1
 * ({@code scikit-learn/scikit-learn:sklearn/mixture/_gaussian_mixture.py}, {@code _base.py}).
 *
 * @since 0.1.0
 */
public final class GaussianMixtureEm {

    /**
     * The largest magnitude a coordinate may have: squared distances and covariance sums of such data
     * stay far from overflow. Larger (but finite) data are refused rather than fitted to NaN; rescale them.
     */
    public static final double MAX_MAGNITUDE = 1e100;

    /** The most components a mixture may have: 4096, far beyond any mixture fitted by EM in practice. */
    public static final int MAX_COMPONENTS = 1 << 12;

    /** The most responsibilities ({@code n * k}) or covariance entries ({@code k * d * d}) one fit holds. */
    static final long MAX_RESPONSIBILITIES = Integer.MAX_VALUE - 8;

    /** numpy's float64 machine epsilon, as in scikit-learn's {@code 10 * eps} guard. */
    private static final double EPS = Math.ulp(1.0);
    private static final double EMPTY = 1e-10;

    private GaussianMixtureEm() {
    }

    /**
     * Fits a K-component mixture to {@code data}, initialised as {@link EmOptions#initialization()}
     * says, best of {@link EmOptions#initializations()} restarts.
     *
     * @param data the points, {@code n x d}, non-empty, rectangular and finite (not modified)
     * @param k number of components, &gt;= 1
     * @param options the EM settings
     * @param rng the generator for the initialisation
     * @return the fitted mixture with its diagnostics
     * @throws NullPointerException if an argument (or a row) is null
     * @throws IllegalArgumentException if {@code data} is empty, ragged, not finite or beyond
     *     {@link #MAX_MAGNITUDE}, {@code k} outside [1, {@link #MAX_COMPONENTS}], or {@code n * k} too large
     *     to hold
     */
    public static GaussianMixture fit(double[][] data, int k, EmOptions options, RandomGenerator rng) {
        Workspace w = new Workspace(data, k, options);
        Checks.notNull(rng, "rng");
        Fit best = null;
        for (int init = 0; init < options.initializations(); init++) {
            w.initialise(rng);
            Fit f = w.iterate();
            if (best == null || f.lowerBound > best.lowerBound) {
                best = f;
                w.keepBest();
            }
        }
        return w.result(best);
    }

    /**
     * Fits a K-component mixture to 1-D data.
     *
     * @param data the values, non-empty and finite (not modified)
     * @param k number of components, &gt;= 1
     * @param options the EM settings
     * @param rng the generator for the initialisation
     * @return the fitted mixture (d = 1)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code data} is empty or not finite, or {@code k < 1}
     */
    public static GaussianMixture fit(double[] data, int k, EmOptions options, RandomGenerator rng) {
        Checks.allFinite(Checks.nonEmpty(data, "data"), "data");
        double[][] column = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            column[i] = new double[] {data[i]};
        }
        return fit(column, k, options, rng);
    }

    /**
     * Runs EM from a given partition: the first M-step uses one-hot responsibilities from
     * {@code labels} (what scikit-learn does after its k-means). Deterministic; restarts and the
     * initialisation method are ignored. This is the entry point for comparing with another EM started
     * from the same partition.
     *
     * @param data the points, {@code n x d}, non-empty, rectangular and finite (not modified)
     * @param labels the starting component of each point, each in {@code [0, k)}
     * @param k number of components, &gt;= 1
     * @param options the EM settings
     * @return the fitted mixture
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if shapes disagree or a label is out of range
     */
    public static GaussianMixture fitFromLabels(double[][] data, int[] labels, int k, EmOptions options) {
        Workspace w = new Workspace(data, k, options);
        Checks.tokenIds(labels, k, "labels");
        Checks.sameLength(labels.length, w.n, "labels", "data");
        w.initialiseFromLabels(labels);
        Fit f = w.iterate();
        w.keepBest();
        return w.result(f);
    }

    /**
     * Runs EM starting from the parameters of {@code initial} (a warm start: the first step is an
     * E-step under {@code initial}). Deterministic. In a recursive simulation this couples generations
     * (each fit starts where the last ended), which is faster but not what the paper does.
     *
     * @param data the points, {@code n x d}, non-empty, rectangular and finite (not modified)
     * @param initial the starting mixture, of dimension d; its covariance type is kept
     * @param options the EM settings (covariance type, restarts and initialisation are ignored)
     * @return the fitted mixture
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code data} is invalid or the dimensions differ
     */
    public static GaussianMixture fitFrom(double[][] data, GaussianMixture initial, EmOptions options) {
        Checks.notNull(initial, "initial");
        Workspace w = new Workspace(data, initial.components(),
                Checks.notNull(options, "options").withCovarianceType(initial.covarianceType()));
        Checks.sameLength(w.d, initial.dimension(), "data columns", "initial dimension");
        w.state.copyFrom(MixtureState.of(initial));
        Fit f = w.iterate();
        w.keepBest();
        return w.result(f);
    }

    /** Outcome of one EM run. */
    private record Fit(int iterations, boolean converged, double lowerBound) {
    }

    /** Data, scratch buffers and the current/best parameters of one call. */
    private static final class Workspace {
        final EmOptions options;
        final int n;
        final int d;
        final int k;
        final double[] x;
        final double[] resp;
        final double[] rowLogLik;
        final MixtureState.Moments moments;
        final double[] nk;
        final boolean[] empty;
        final double[] delta;
        final MixtureState state;
        final BlockedEStep eStep;
        final MixtureState best;
        final double jitterBase;
        double[] globalMean;
        double[] globalCovariance;
        int jitterEvents;
        int emptyEvents;
        int bestJitterEvents;
        int bestEmptyEvents;
        boolean haveLogLik;

        Workspace(double[][] data, int k, EmOptions options) {
            this.options = Checks.notNull(options, "options");
            x = Linalg.flattenRows(data, "data");
            this.n = data.length;
            this.d = x.length / n;
            this.k = Checks.positive(k, "k");
            Checks.atMost(k, MAX_COMPONENTS, "k");
            if ((long) n * k > MAX_RESPONSIBILITIES || (long) k * d * d > MAX_RESPONSIBILITIES) {
                throw Checks.fail("k", "keep n * k and k * d * d <= " + MAX_RESPONSIBILITIES + " (n = " + n + ", d = "
                        + d + ")", k);
            }
            double maxAbs = 0;
            for (int i = 0; i < x.length; i++) {
                double v = Math.abs(x[i]);
                if (v > MAX_MAGNITUDE) {
                    throw Checks.fail("data[" + i / d + "][" + i % d + "]", "have magnitude <= " + MAX_MAGNITUDE
                            + " (squared distances between points must stay finite; rescale the data)", x[i]);
                }
                maxAbs = Math.max(maxAbs, v);
            }
            resp = new double[n * k];
            rowLogLik = new double[n];
            moments = new MixtureState.Moments(k, d);
            nk = moments.nk;
            empty = new boolean[k];
            delta = new double[d];
            state = new MixtureState(k, d, options.covarianceType());
            eStep = new BlockedEStep(state);
            best = new MixtureState(k, d, options.covarianceType());
            double spread = KMeans.meanFeatureVariance(x, n, d);
            jitterBase = 1e-10 * Math.max(Math.max(spread, EPS * EPS * maxAbs * maxAbs), Double.MIN_NORMAL);
        }

        /** The data's mean and (MLE) covariance, computed on first use (only empty components need them). */
        private void computeGlobal() {
            if (globalMean != null) {
                return;
            }
            globalMean = new double[d];
            globalCovariance = new double[d * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    globalMean[j] += x[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                globalMean[j] /= n;
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    double da = x[i * d + a] - globalMean[a];
                    for (int b = 0; b < d; b++) {
                        globalCovariance[a * d + b] += da * (x[i * d + b] - globalMean[b]) / n;
                    }
                }
            }
        }

        void initialise(RandomGenerator rng) {
            Arrays.fill(resp, 0);
            switch (options.initialization()) {
                case KMEANS: {
                    int[] labels = KMeans.labels(x, n, d, k, rng);
                    for (int i = 0; i < n; i++) {
                        resp[i * k + labels[i]] = 1;
                    }
                    break;
                }
                case KMEANS_PLUS_PLUS:
                    oneHotAt(KMeans.seeds(x, n, d, k, rng));
                    break;
                case RANDOM_FROM_DATA:
                    oneHotAt(distinctIndices(rng));
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int c = 0; c < k; c++) {
                            resp[i * k + c] = rng.nextDouble();
                            s += resp[i * k + c];
                        }
                        for (int c = 0; c < k; c++) {
                            resp[i * k + c] /= s;
                        }
                    }
                    break;
            }
            startFromResponsibilities();
        }

        void initialiseFromLabels(int[] labels) {
            Arrays.fill(resp, 0);
            for (int i = 0; i < n; i++) {
                resp[i * k + labels[i]] = 1;
            }
            startFromResponsibilities();
        }

        private void startFromResponsibilities() {
            jitterEvents = 0;
            emptyEvents = 0;
            haveLogLik = false;
            initialMoments();
            mStep(true);
        }

        private void oneHotAt(int[] indices) {
            for (int c = 0; c < k; c++) {
                resp[indices[c] * k + c] = 1;
            }
        }

        /** k indices, distinct while {@code n >= k} (partial Fisher-Yates); with repetition otherwise. */
        private int[] distinctIndices(RandomGenerator rng) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            int[] out = new int[k];
            for (int c = 0; c < k; c++) {
                int i = c % n;
                int j = i + rng.nextInt(n - i);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                out[c] = perm[i];
            }
            return out;
        }

        Fit iterate() {
            double lowerBound = Double.NEGATIVE_INFINITY;
            boolean converged = false;
            int iterations = 0;
            for (int it = 1; it <= options.maxIterations(); it++) {
                double previous = lowerBound;
                lowerBound = eStep.run(x, n, resp, rowLogLik, moments);
                haveLogLik = true;
                mStep(false);
                iterations = it;
                if (Math.abs(lowerBound - previous) < options.tolerance()) {
                    converged = true;
                    break;
                }
            }
            return new Fit(iterations, converged, lowerBound);
        }

        void keepBest() {
            best.copyFrom(state);
            bestJitterEvents = jitterEvents;
            bestEmptyEvents = emptyEvents;
        }

        /** The best parameters as a mixture (weights renormalised: an initialisation alone may not sum to 1). */
        GaussianMixture result(Fit f) {
            double total = 0;
            for (double w : best.weights) {
                total += w;
            }
            for (int c = 0; c < k; c++) {
                best.weights[c] /= total;
            }
            return best.toMixture(new EmDiagnostics(f.iterations, f.converged, f.lowerBound, bestJitterEvents,
                    bestEmptyEvents, n));
        }

        /**
         * The initial moments from {@code resp}: first the weighted means (written into the state),
         * then the moments about them (the E-step computes its moments itself, in the same pass).
         */
        private void initialMoments() {
            double[] means = state.means;
            Arrays.fill(means, 0);
            Arrays.fill(nk, 0);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    double r = resp[i * k + c];
                    nk[c] += r;
                    for (int j = 0; j < d; j++) {
                        means[c * d + j] += r * x[i * d + j];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    means[c * d + j] /= nk[c] + 10 * EPS;
                }
            }
            moments.clear();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    double r = resp[i * k + c];
                    if (r != 0) {
                        state.accumulate(x, i * d, c, r, moments);
                    }
                }
            }
        }

        /**
         * The M-step from the moments about the current means {@code m} ({@code N}, {@code s}, {@code S}):
         * <pre>
         *   mu = (s + m N) / (N + 10 eps),  delta = mu - m
         *   Sigma = (S - s delta^T - delta s^T + N delta delta^T) / (N + 10 eps) + reg I
         * </pre>
         * which is exactly scikit-learn's {@code sum_i r_i (x_i - mu)(x_i - mu)^T / (N + 10 eps)};
         * {@code initial} uses scikit-learn's initial weights {@code N_k / n}.
         */
        private void mStep(boolean initial) {
            double[] means = state.means;
            double[] covs = state.covariances;
            double[] sums = moments.sums;
            double[] scatter = moments.scatter;
            int dd = d * d;
            for (int c = 0; c < k; c++) {
                empty[c] = nk[c] < EMPTY;
                if (empty[c]) {
                    continue;
                }
                double denom = nk[c] + 10 * EPS;
                int mo = c * d;
                int co = c * dd;
                for (int j = 0; j < d; j++) {
                    double mu = (sums[mo + j] + means[mo + j] * nk[c]) / denom;
                    delta[j] = mu - means[mo + j];
                    means[mo + j] = mu;
                }
                boolean full = options.covarianceType() == CovarianceType.FULL;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        covs[co + a * d + b] = full || a == b
                                ? scatter[co + a * d + b] - sums[mo + a] * delta[b] - delta[a] * sums[mo + b]
                                        + nk[c] * delta[a] * delta[b]
                                : 0;
                    }
                }
                finishCovariance(covs, co, denom);
            }
            handleEmpty(initial);
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += nk[c] + 10 * EPS;
            }
            for (int c = 0; c < k; c++) {
                state.weights[c] = (nk[c] + 10 * EPS) / (initial ? n : total);
            }
            jitterEvents += state.factorize(jitterBase);
        }

        /** Divides the accumulated lower triangle by {@code denom}, mirrors it and adds reg_covar. */
        private void finishCovariance(double[] covs, int co, double denom) {
            double reg = options.regularization();
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = covs[co + a * d + b] / denom;
                    covs[co + a * d + b] = v;
                    covs[co + b * d + a] = v;
                }
                covs[co + a * d + a] += reg;
            }
            if (options.covarianceType() == CovarianceType.SPHERICAL) {
                double mean = 0;
                for (int a = 0; a < d; a++) {
                    mean += covs[co + a * d + a] / d;
                }
                for (int a = 0; a < d; a++) {
                    covs[co + a * d + a] = mean;
                }
            }
        }

        private void handleEmpty(boolean initial) {
            for (int c = 0; c < k; c++) {
                if (!empty[c]) {
                    continue;
                }
                computeGlobal();
                emptyEvents++;
                boolean reseed = options.reseedEmptyComponents() && haveLogLik && !initial;
                if (!initial && !reseed) {
                    continue;
                }
                if (reseed) {
                    int worst = 0;
                    for (int i = 1; i < n; i++) {
                        if (rowLogLik[i] < rowLogLik[worst]) {
                            worst = i;
                        }
                    }
                    rowLogLik[worst] = Double.POSITIVE_INFINITY;
                    System.arraycopy(x, worst * d, state.means, c * d, d);
                    nk[c] = 1;
                } else {
                    System.arraycopy(globalMean, 0, state.means, c * d, d);
                }
                int co = c * d * d;
                System.arraycopy(globalCovariance, 0, state.covariances, co, d * d);
                if (options.covarianceType() != CovarianceType.FULL) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            if (a != b) {
                                state.covariances[co + a * d + b] = 0;
                            }
                        }
                    }
                }
                finishCovariance(state.covariances, co, 1);
            }
        }
    }
}
