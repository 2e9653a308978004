package io.github.genailab.watermark.families.unbiased;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Hu et al.'s robust ("maximin") per-token log-likelihood-ratio score, for each query {@code (d_p, d_q)}
 * of a grid: the log-likelihood ratio {@code llr = ln q - ln p} clipped to bounds that stay valid when the
 * true distributions lie within distances {@code d_p}, {@code d_q} of the computed ones.
 * <pre>
 *   sort tokens by llr descending; P(k), Q(k) = the p and q masses of the first k + 1 tokens
 *   m(k)    = ln(Q(k) - d_q) - ln(P(k) + d_p)          (-inf when Q(k) &lt;= d_q)
 *   cut     = the first k &gt;= 1 with llr_(k) &lt; m(k - 1), else V;      max_llr = m(cut - 1)
 *   min_llr = -(the same with p and q exchanged);  both 0 when max_llr &lt; min_llr
 *   score   = clamp(llr[token], min_llr, max_llr)
 * </pre>
 * One grouping serves every query (the order does not depend on d), and the cut test is evaluated without
 * logarithms ({@code e^{llr} (P + d_p) < Q - d_q}). Reference: {@code xiaoniu-578fa6bff964d005/UnbiasedWatermark@050eee1},
 * {@code unbiased_watermark/robust_llr_batch.py} ({@code RobustLLR_Score_Batch_v2}); the reference works
 * in float32 and writes -inf as the most negative float32 (-3.4028235e38).
 */
final class MaximinLlr {

    private MaximinLlr() {
    }

    /**
     * Returns the clipped score of {@code token} for each query {@code (distP[j], distQ[j])}.
     *
     * @param p the model's distribution, width V
     * @param q the reweighted distribution, width V
     * @param token the observed token
     * @param distP d_p per query, {@code >= 0}
     * @param distQ d_q per query, {@code >= 0}
     * @return one clipped log-likelihood ratio per query
     */
    static double[] scores(double[] p, double[] q, int token, double[] distP, double[] distQ) {
        double[][] bounds = bounds(p, q, distP, distQ);
        double llr = Math.log(ratio(p[token], q[token]));
        double[] out = new double[distP.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.min(bounds[0][j], Math.max(bounds[1][j], llr));
        }
        return out;
    }

    /** q / p, with the reference's NaN (0/0) llr set to 0, i.e. ratio 1. */
    private static double ratio(double p, double q) {
        double r = q / p;
        return Double.isNaN(r) ? 1.0 : r;
    }

    /**
     * Returns {max_llr, min_llr} per query, both 0 where {@code max_llr < min_llr}.
     *
     * <p>Tokens with equal likelihood ratios are scanned as one group: within a group the cut test's two
     * sides grow by the same amount ({@code q_i = r p_i}), so the cut falls on a group boundary and only the
     * groups' total masses matter. A reweight has a handful of distinct ratios (0, 1, 2 and two boundary
     * tokens for DiPmark), so a token costs O(V) instead of a sort.
     *
     * @param p the model's distribution
     * @param q the reweighted distribution
     * @param distP d_p per query
     * @param distQ d_q per query
     * @return two arrays, one entry per query
     */
    static double[][] bounds(double[] p, double[] q, double[] distP, double[] distQ) {
        Groups groups = new Groups();
        for (int i = 0; i < p.length; i++) {
            groups.add(ratio(p[i], q[i]), p[i], q[i]);
        }
        int[] order = groups.descending();
        int n = order.length;
        double[] ratios = new double[n];
        double[] inverse = new double[n];
        double[] massP = new double[n];
        double[] massQ = new double[n];
        for (int k = 0; k < n; k++) {
            ratios[k] = groups.ratio[order[k]];
            inverse[n - 1 - k] = 1 / ratios[k];
            massP[k] = groups.massP[order[k]];
            massQ[k] = groups.massQ[order[k]];
        }
        double[] reversedP = reversed(massP);
        double[] reversedQ = reversed(massQ);
        double[][] out = new double[2][distP.length];
        for (int j = 0; j < distP.length; j++) {
            double max = maxLlr(massP, massQ, ratios, distP[j], distQ[j]);
            // The lower bound exchanges the roles: p's mass is reduced by d_p, q's increased by d_q.
            double min = -maxLlr(reversedQ, reversedP, inverse, distQ[j], distP[j]);
            boolean trivial = max < min;
            out[0][j] = trivial ? 0.0 : max;
            out[1][j] = trivial ? 0.0 : min;
        }
        return out;
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[a.length - 1 - i] = a[i];
        }
        return r;
    }

    /**
     * The upper bound of one query over groups in descending likelihood ratio {@code top / bottom}, with group
     * masses {@code bottom} and {@code top}; {@code distBottom} is added to the bottom mass and {@code distTop}
     * taken from the top mass. See the class comment.
     */
    private static double maxLlr(double[] bottom, double[] top, double[] ratio, double distBottom, double distTop) {
        double massTop = 0;
        double massBottom = 0;
        for (int k = 0; k < ratio.length; k++) {
            if (k > 0 && below(ratio[k], massTop - distTop, massBottom + distBottom)) {
                return bound(massTop - distTop, massBottom + distBottom);
            }
            massTop += top[k];
            massBottom += bottom[k];
        }
        return bound(massTop - distTop, massBottom + distBottom);
    }

    /**
     * Tells whether {@code ln(ratio) < bound(a, b)}, without a logarithm in the common case
     * ({@code ratio * b < a}).
     */
    private static boolean below(double ratio, double a, double b) {
        if (a <= 0) {
            return b == 0 && ratio < 1; // the bound is 0 (see bound) or -inf
        }
        return b == 0 ? ratio < Double.POSITIVE_INFINITY : ratio * b < a;
    }

    /**
     * ln(a) - ln(b) with the reference's conventions: -inf when {@code a <= 0}, and 0 where that gives
     * -inf - (-inf) (the reference turns that NaN into 0).
     */
    private static double bound(double a, double b) {
        if (a <= 0) {
            return b == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        return Math.log(a) - Math.log(b);
    }

    /** Tokens grouped by exact likelihood ratio: total p and q mass per distinct ratio. */
    private static final class Groups {
        double[] ratio = new double[8];
        double[] massP = new double[8];
        double[] massQ = new double[8];
        int size;
        private final HashMap<Double, Integer> index = new HashMap<>();

        void add(double r, double p, double q) {
            int g = find(r);
            if (g < 0) {
                g = size++;
                if (g == ratio.length) {
                    ratio = Arrays.copyOf(ratio, 2 * g);
                    massP = Arrays.copyOf(massP, 2 * g);
                    massQ = Arrays.copyOf(massQ, 2 * g);
                }
                ratio[g] = r;
                if (size > SCAN_LIMIT) {
                    index.put(r, g);
                }
            }
            massP[g] += p;
            massQ[g] += q;
        }

        /** A linear scan while there are few groups (the common case), a hash map beyond. */
        private int find(double r) {
            if (size <= SCAN_LIMIT) {
                for (int g = 0; g < size; g++) {
                    if (ratio[g] == r) {
                        return g;
                    }
                }
                if (size == SCAN_LIMIT) {
                    for (int g = 0; g < size; g++) {
                        index.put(ratio[g], g);
                    }
                }
                return -1;
            }
            Integer g = index.get(r);
            return g == null ? -1 : g;
        }

        int[] descending() {
            Integer[] order = new Integer[size];
            for (int g = 0; g < size; g++) {
                order[g] = g;
            }
            Arrays.sort(order, (a, b) -> Double.compare(ratio[b], ratio[a]));
            int[] out = new int[size];
            for (int g = 0; g < size; g++) {
                out[g] = order[g];
            }
            return out;
        }
    }

    private static final int SCAN_LIMIT = 16;
}
