package io.github.genailab.collapse.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Erf;

/**
 * Closed forms between Gaussians, without argument checks: the kernels behind
 * {@link io.github.genailab.collapse.GaussianMetrics} and the trajectories, which call them once per
 * generation on values they have already validated.
 *
 * @since 0.1.0
 */
public final class GaussianKernels {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianKernels() {
    }

    /** Squared 2-Wasserstein distance between N(mean1, sd1^2) and N(mean2, sd2^2), no validation. */
    public static double w2Squared1d(double mean1, double sd1, double mean2, double sd2) {
        double dm = mean1 - mean2;
        double ds = sd1 - sd2;
        return dm * dm + ds * ds;
    }

    /** KL(N(m0, v0) || N(m1, v1)) with log-variances given separately so that v1 may underflow to 0. */
    public static double kl1d(double m0, double v0, double logV0, double m1, double v1, double logV1) {
        double dm = m1 - m0;
        double ratio = (v0 + dm * dm) / v1;
        return 0.5 * (ratio - 1 + (logV1 - logV0));
    }

    /** Mass of N(m, sd^2) outside {@code m0 +- sigmas * sd0} (1 or 0 when {@code sd == 0}), no validation. */
    public static double tail1d(double m0, double sd0, double m, double sd, double sigmas) {
        double lo = m0 - sigmas * sd0;
        double hi = m0 + sigmas * sd0;
        if (sd == 0) {
            return m < lo || m > hi ? 1 : 0;
        }
        return normalCdf((lo - m) / sd) + normalCdf((m - hi) / sd);
    }

    /** Mean log-density of data with mean {@code ma} and (MLE) variance {@code va} under N(m, v). */
    public static double logLikelihood1d(double ma, double va, double m, double v, double logV) {
        double dm = ma - m;
        double spread = va + dm * dm;
        return -0.5 * (LOG_2PI + logV) - (spread == 0 ? 0 : spread / (2 * v));
    }

    /** {@code Phi(x)} via the complementary error function, accurate in both tails. */
    public static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** {@code tr(S1^-1 Sa) + (ma - m1)^T S1^-1 (ma - m1)} with {@code S1 = l1 l1^T}; {@code sa} any PSD. */
    private static double mahalanobisTerms(double[] ma, double[] sa, double[] m1, double[] l1, int d) {
        double[] inv = new double[d * d];
        Linalg.invertLower(l1, d, inv);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            for (int r = 0; r <= i; r++) {
                double pr = inv[i * d + r];
                if (pr == 0) {
                    continue;
                }
                for (int c = 0; c <= i; c++) {
                    trace += pr * sa[r * d + c] * inv[i * d + c];
                }
            }
        }
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = ma[j] - m1[j];
        }
        return trace + Linalg.inverseQuadratic(l1, delta, d, new double[d]);
    }

    /** KL(N(m0, S0) || N(m1, l1 l1^T)) with {@code s0} flat and the log-determinants given, no validation. */
    public static double klFromFactors(double[] m0, double[] s0, double logDet0, double[] m1, double[] l1, double logDet1,
            int d) {
        return 0.5 * (mahalanobisTerms(m0, s0, m1, l1, d) - d + logDet1 - logDet0);
    }

    /** Mean log-density of data with mean {@code ma}, scatter {@code sa} under N(m1, l1 l1^T), no validation. */
    public static double logLikelihoodFromFactor(double[] ma, double[] sa, double[] m1, double[] l1, double logDet1,
            int d) {
        return -0.5 * (d * LOG_2PI + logDet1 + mahalanobisTerms(ma, sa, m1, l1, d));
    }

    /** Squared 2-Wasserstein distance between N(m1, l1 l1^T) and N(m2, l2 l2^T), no validation. */
    public static double w2SquaredFromFactors(double[] m1, double[] l1, double[] m2, double[] l2, int d) {
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double dj = m1[j] - m2[j];
            meanTerm += dj * dj;
        }
        double[][] c = new double[d][d];
        double trace1 = 0;
        double trace2 = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < d; k++) {
                    s += l1[k * d + i] * l2[k * d + j];
                }
                c[i][j] = s;
                trace1 += l1[i * d + j] * l1[i * d + j];
                trace2 += l2[i * d + j] * l2[i * d + j];
            }
        }
        double nuclear = 0;
        for (double sv : new SingularValueDecomposition(new Array2DRowRealMatrix(c, false)).getSingularValues()) {
            nuclear += sv;
        }
        return Math.max(0, meanTerm + trace1 + trace2 - 2 * nuclear);
    }
}
