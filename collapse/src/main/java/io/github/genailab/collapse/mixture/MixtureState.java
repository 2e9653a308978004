package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.internal.Linalg;
import java.util.Arrays;

/**
 * Mutable flat-array parameters of a Gaussian mixture plus everything the E-step needs: per component
 * the inverse Cholesky factor {@code P = L^-1} of its covariance (scikit-learn's
 * {@code precisions_cholesky_}, transposed) and the constant {@code log w_k - 1/2 (d ln 2pi + ln det S_k)}.
 *
 * <pre>
 *   log w_k N(x | m_k, S_k) = c_k - 1/2 |P_k (x - m_k)|^2
 *   log p(x) = logsumexp_k (...)      responsibilities r_ik = exp(log w_k N(x_i|k) - log p(x_i))
 * </pre>
 * Densities are never formed, so nothing underflows to 0/0. Diagonal and spherical components use
 * an O(d) quadratic form.
 */
final class MixtureState {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final int k;
    final int d;
    final CovarianceType type;
    final double[] weights;
    final double[] means;
    final double[] covariances;
    final double[] precisions;
    final double[] constants;
    private final double[] factor;
    private final double[] scratch;
    private final double[] jitterScratch;
    private final double[] diff;
    private final double[] logJoint;

    MixtureState(int k, int d, CovarianceType type) {
        this.k = k;
        this.d = d;
        this.type = type;
        weights = new double[k];
        means = new double[k * d];
        covariances = new double[k * d * d];
        precisions = new double[k * d * d];
        constants = new double[k];
        factor = new double[d * d];
        scratch = new double[d * d];
        jitterScratch = new double[d * d];
        diff = new double[d];
        logJoint = new double[k];
    }

    static MixtureState of(GaussianMixture m) {
        MixtureState s = new MixtureState(m.components(), m.dimension(), m.covarianceType());
        for (int c = 0; c < s.k; c++) {
            s.weights[c] = m.weightRef(c);
            System.arraycopy(m.meanRef(c), 0, s.means, c * s.d, s.d);
            double[][] cov = m.covarianceRef(c);
            for (int r = 0; r < s.d; r++) {
                System.arraycopy(cov[r], 0, s.covariances, (c * s.d + r) * s.d, s.d);
            }
        }
        s.factorize(0);
        return s;
    }

    /**
     * Factorises every covariance, adding diagonal jitter (from {@code jitterBase}, growing 10x) to
     * any that is not numerically positive definite; the jitter is written into the covariance so the
     * reported model is the one whose densities are computed.
     *
     * @return the number of components that needed jitter
     */
    int factorize(double jitterBase) {
        int events = 0;
        int dd = d * d;
        for (int c = 0; c < k; c++) {
            System.arraycopy(covariances, c * dd, scratch, 0, dd);
            double base = jitterBase > 0 ? jitterBase : 1e-10 * Math.max(Linalg.trace(scratch, d) / d, 1e-300);
            double jitter = Linalg.choleskyWithJitter(scratch, d, factor, base, jitterScratch);
            if (jitter > 0) {
                events++;
                for (int j = 0; j < d; j++) {
                    covariances[c * dd + j * d + j] += jitter;
                }
            }
            Linalg.invertLower(factor, d, scratch);
            System.arraycopy(scratch, 0, precisions, c * dd, dd);
            double logW = Math.log(weights[c]);
            constants[c] = logW - 0.5 * (d * LOG_2PI + Linalg.logDetFromCholesky(factor, d));
        }
        return events;
    }

    /** Fills {@code logJoint[c] = log w_c + log N(x | c)} for the point at {@code x[off..off+d)}. */
    private void logJoint(double[] x, int off) {
        int dd = d * d;
        for (int c = 0; c < k; c++) {
            int mo = c * d;
            int po = c * dd;
            double quad = 0;
            if (type == CovarianceType.FULL) {
                for (int j = 0; j < d; j++) {
                    diff[j] = x[off + j] - means[mo + j];
                }
                for (int i = 0; i < d; i++) {
                    double y = 0;
                    int row = po + i * d;
                    for (int j = 0; j <= i; j++) {
                        y += precisions[row + j] * diff[j];
                    }
                    quad += y * y;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    double y = (x[off + j] - means[mo + j]) * precisions[po + j * d + j];
                    quad += y * y;
                }
            }
            logJoint[c] = constants[c] - 0.5 * quad;
        }
    }

    /**
     * Log-density of one point, {@code log sum_c w_c N(x | c)}, and (if {@code resp} is not null) its
     * responsibilities written at {@code resp[respOff..respOff+k)}.
     */
    double logDensity(double[] x, int off, double[] resp, int respOff) {
        logJoint(x, off);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, logJoint[c]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            if (resp != null) {
                Arrays.fill(resp, respOff, respOff + k, 1.0 / k);
            }
            return max;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(logJoint[c] - max);
            logJoint[c] = e;
            sum += e;
        }
        if (resp != null) {
            double inverse = 1 / sum;
            for (int c = 0; c < k; c++) {
                resp[respOff + c] = logJoint[c] * inverse;
            }
        }
        return max + Math.log(sum);
    }

    /**
     * Adds one point with responsibility {@code r} to component {@code c}'s moments about its current
     * mean {@code m}: {@code N += r}, {@code s += r (x - m)}, {@code S += r (x - m)(x - m)^T} (lower
     * triangle; only the diagonal for DIAGONAL / SPHERICAL). Shifting by the current mean keeps the
     * one-pass scatter as accurate as a centred two-pass one, because the M-step's new mean is close to it.
     */
    void accumulate(double[] x, int xo, int c, double r, Moments moments) {
        int mo = c * d;
        int so = c * d * d;
        moments.nk[c] += r;
        for (int j = 0; j < d; j++) {
            double dj = x[xo + j] - means[mo + j];
            diff[j] = dj;
            moments.sums[mo + j] += r * dj;
        }
        double[] scatter = moments.scatter;
        if (type == CovarianceType.FULL) {
            for (int a = 0; a < d; a++) {
                double ra = r * diff[a];
                int row = so + a * d;
                for (int b = 0; b <= a; b++) {
                    scatter[row + b] += ra * diff[b];
                }
            }
        } else {
            for (int a = 0; a < d; a++) {
                scatter[so + a * d + a] += r * diff[a] * diff[a];
            }
        }
    }

    /** Per-component responsibility sums and moments about the current means (see {@link #accumulate}). */
    static final class Moments {
        final double[] nk;
        final double[] sums;
        final double[] scatter;

        Moments(int k, int d) {
            nk = new double[k];
            sums = new double[k * d];
            scatter = new double[k * d * d];
        }

        void clear() {
            Arrays.fill(nk, 0);
            Arrays.fill(sums, 0);
            Arrays.fill(scatter, 0);
        }
    }

    /** Index of the most responsible component for one point (ties: the lowest index). */
    int predict(double[] x, int off) {
        logJoint(x, off);
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (logJoint[c] > logJoint[best]) {
                best = c;
            }
        }
        return best;
    }

    void copyFrom(MixtureState other) {
        System.arraycopy(other.weights, 0, weights, 0, k);
        System.arraycopy(other.means, 0, means, 0, k * d);
        System.arraycopy(other.covariances, 0, covariances, 0, k * d * d);
        System.arraycopy(other.precisions, 0, precisions, 0, k * d * d);
        System.arraycopy(other.constants, 0, constants, 0, k);
    }

    GaussianMixture toMixture(EmDiagnostics diagnostics) {
        double[][] m = new double[k][];
        double[][][] s = new double[k][][];
        for (int c = 0; c < k; c++) {
            m[c] = Arrays.copyOfRange(means, c * d, c * d + d);
            s[c] = Linalg.square(Arrays.copyOfRange(covariances, c * d * d, (c + 1) * d * d), d);
        }
        return new GaussianMixture(type, weights, m, s, diagnostics);
    }
}
