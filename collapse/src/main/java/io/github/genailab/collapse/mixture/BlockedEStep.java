package io.github.genailab.collapse.mixture;

import java.util.Arrays;

/**
 * The EM E-step over blocks of points, fused with the M-step's moment accumulation.
 *
 * <p>Each block of up to 128 points is transposed to column-major order, so the per-component work
 * (deviations from the mean, the triangular product {@code y = P (x - m)}, the quadratic form, and the
 * weighted sums of the moments) runs as simple loops over the points that the JIT can vectorise. The
 * log-densities are computed exactly as {@link MixtureState#logDensity} does; the moments as
 * {@link MixtureState#accumulate} does, except that sums over a block's points are added in four
 * interleaved partial sums (a fixed order: runs stay bit-for-bit reproducible). Scratch buffers are
 * allocated once per fit.
 */
final class BlockedEStep {

    private static final int BLOCK = 128;

    private final MixtureState s;
    private final int k;
    private final int d;
    private final double[] columns;
    private final double[] deviations;
    private final double[] y;
    private final double[] quad;
    private final double[] joint;
    private final double[] weighted;

    BlockedEStep(MixtureState state) {
        s = state;
        k = state.k;
        d = state.d;
        columns = new double[d * BLOCK];
        deviations = new double[k * d * BLOCK];
        y = new double[BLOCK];
        quad = new double[BLOCK];
        joint = new double[k * BLOCK];
        weighted = new double[BLOCK];
    }

    /**
     * Responsibilities into {@code resp} (n x k), per-point log-likelihoods into {@code rowLogLik},
     * the moments about the current means into {@code moments} (cleared first); returns the mean
     * log-likelihood.
     */
    double run(double[] x, int n, double[] resp, double[] rowLogLik, MixtureState.Moments moments) {
        moments.clear();
        double total = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int b = Math.min(BLOCK, n - start);
            for (int p = 0; p < b; p++) {
                for (int j = 0; j < d; j++) {
                    columns[j * BLOCK + p] = x[(start + p) * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                logJoint(c, b);
            }
            for (int p = 0; p < b; p++) {
                double ll = normalise(p, (start + p) * k, resp);
                rowLogLik[start + p] = ll;
                total += ll;
            }
            for (int c = 0; c < k; c++) {
                accumulate(c, start, b, resp, moments);
            }
        }
        return total / n;
    }

    /** {@code joint[c][p] = log w_c + log N(x_p | c)} for the block, keeping the deviations. */
    private void logJoint(int c, int b) {
        int mo = c * d;
        int po = c * d * d;
        int dev = c * d * BLOCK;
        for (int j = 0; j < d; j++) {
            double m = s.means[mo + j];
            int col = j * BLOCK;
            for (int p = 0; p < b; p++) {
                deviations[dev + col + p] = columns[col + p] - m;
            }
        }
        Arrays.fill(quad, 0, b, 0);
        boolean full = s.type == CovarianceType.FULL;
        for (int i = 0; i < d; i++) {
            if (full) {
                Arrays.fill(y, 0, b, 0);
                for (int j = 0; j <= i; j++) {
                    double pij = s.precisions[po + i * d + j];
                    int col = dev + j * BLOCK;
                    for (int p = 0; p < b; p++) {
                        y[p] += pij * deviations[col + p];
                    }
                }
            } else {
                double pii = s.precisions[po + i * d + i];
                int col = dev + i * BLOCK;
                for (int p = 0; p < b; p++) {
                    y[p] = deviations[col + p] * pii;
                }
            }
            for (int p = 0; p < b; p++) {
                quad[p] += y[p] * y[p];
            }
        }
        double constant = s.constants[c];
        int jo = c * BLOCK;
        for (int p = 0; p < b; p++) {
            joint[jo + p] = constant - 0.5 * quad[p];
        }
    }

    /** Log-sum-exp over components for point {@code p} of the block; writes its responsibilities. */
    private double normalise(int p, int ro, double[] resp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, joint[c * BLOCK + p]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            Arrays.fill(resp, ro, ro + k, 1.0 / k);
            return max;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(joint[c * BLOCK + p] - max);
            resp[ro + c] = e;
            sum += e;
        }
        double inverse = 1 / sum;
        for (int c = 0; c < k; c++) {
            resp[ro + c] *= inverse;
        }
        return max + Math.log(sum);
    }

    /**
     * Adds the block to component {@code c}'s moments. Each sum over the block's points is split into
     * four interleaved partial sums (a fixed order, so results stay deterministic) to give the CPU four
     * independent dependency chains.
     */
    private void accumulate(int c, int start, int b, double[] resp, MixtureState.Moments moments) {
        int mo = c * d;
        int so = c * d * d;
        int dev = c * d * BLOCK;
        for (int p = 0; p < b; p++) {
            y[p] = resp[(start + p) * k + c];
        }
        moments.nk[c] += dot(y, 0, null, 0, b);
        boolean full = s.type == CovarianceType.FULL;
        for (int a = 0; a < d; a++) {
            int colA = dev + a * BLOCK;
            for (int p = 0; p < b; p++) {
                weighted[p] = y[p] * deviations[colA + p];
            }
            moments.sums[mo + a] += dot(weighted, 0, null, 0, b);
            for (int bb = full ? 0 : a; bb <= a; bb++) {
                moments.scatter[so + a * d + bb] += dot(weighted, 0, deviations, dev + bb * BLOCK, b);
            }
        }
    }

    /** {@code sum_p u[p] * v[vo + p]} (or {@code sum_p u[p]} when {@code v} is null), four partial sums. */
    private static double dot(double[] u, int uo, double[] v, int vo, int b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = 0;
        if (v == null) {
            for (; p + 3 < b; p += 4) {
                s0 += u[uo + p];
                s1 += u[uo + p + 1];
                s2 += u[uo + p + 2];
                s3 += u[uo + p + 3];
            }
            for (; p < b; p++) {
                s0 += u[uo + p];
            }
        } else {
            for (; p + 3 < b; p += 4) {
                s0 += u[uo + p] * v[vo + p];
                s1 += u[uo + p + 1] * v[vo + p + 1];
                s2 += u[uo + p + 2] * v[vo + p + 2];
                s3 += u[uo + p + 3] * v[vo + p + 3];
            }
            for (; p < b; p++) {
                s0 += u[uo + p] * v[vo + p];
            }
        }
        return (s0 + s1) + (s2 + s3);
    }
}
