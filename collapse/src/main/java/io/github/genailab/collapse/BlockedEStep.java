package io.github.genailab.collapse;

import java.util.Arrays;

/**
 * The EM E-step over blocks of points, fused with the M-step's moment accumulation.
 *
 * <p>Each block of up to 128 points is transposed to column-major order, so the per-component work
 * (deviations from the mean, the triangular product {@code y = P (x - m)}, the quadratic form, and the
 * weighted sums of the moments) runs as simple loops over the points that the JIT can vectorise. The
 * arithmetic and the order of every floating-point sum are exactly those of the point-by-point form
 * ({@link MixtureState#logDensity} and {@link MixtureState#accumulate}), so results are identical to it;
 * only the loop nesting changes. Scratch buffers are allocated once per fit.
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

    /** Adds the block to component {@code c}'s moments, in point order (as the point-by-point form). */
    private void accumulate(int c, int start, int b, double[] resp, MixtureState.Moments moments) {
        int mo = c * d;
        int so = c * d * d;
        int dev = c * d * BLOCK;
        double nk = moments.nk[c];
        for (int p = 0; p < b; p++) {
            double r = resp[(start + p) * k + c];
            y[p] = r;
            nk += r;
        }
        moments.nk[c] = nk;
        boolean full = s.type == CovarianceType.FULL;
        for (int a = 0; a < d; a++) {
            int colA = dev + a * BLOCK;
            double sum = moments.sums[mo + a];
            for (int p = 0; p < b; p++) {
                double ra = y[p] * deviations[colA + p];
                weighted[p] = ra;
                sum += ra;
            }
            moments.sums[mo + a] = sum;
            for (int bb = full ? 0 : a; bb <= a; bb++) {
                int colB = dev + bb * BLOCK;
                double acc = moments.scatter[so + a * d + bb];
                for (int p = 0; p < b; p++) {
                    acc += weighted[p] * deviations[colB + p];
                }
                moments.scatter[so + a * d + bb] = acc;
            }
        }
    }
}
