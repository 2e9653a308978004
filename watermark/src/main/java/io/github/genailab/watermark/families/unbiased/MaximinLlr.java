package io.github.genailab.watermark.families.unbiased;

import java.util.Arrays;

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
 * One sort serves every query (the order does not depend on d), and the cut test is evaluated without
 * logarithms ({@code e^{llr} (P + d_p) < Q - d_q}), so a token costs one O(V log V) sort and O(V) per
 * query. Reference: {@code xiaoniu-578fa6bff964d005/UnbiasedWatermark@050eee1},
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
        double llr = llr(p[token], q[token]);
        double[] out = new double[distP.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.min(bounds[0][j], Math.max(bounds[1][j], llr));
        }
        return out;
    }

    /** ln q - ln p, with the reference's NaN (0/0) set to 0. */
    static double llr(double p, double q) {
        double d = Math.log(q) - Math.log(p);
        return Double.isNaN(d) ? 0.0 : d;
    }

    /**
     * Returns {max_llr, min_llr} per query, both 0 where {@code max_llr < min_llr}.
     *
     * @param p the model's distribution
     * @param q the reweighted distribution
     * @param distP d_p per query
     * @param distQ d_q per query
     * @return two arrays, one entry per query
     */
    static double[][] bounds(double[] p, double[] q, double[] distP, double[] distQ) {
        int v = p.length;
        double[] llr = new double[v];
        double[] ratio = new double[v];
        double[] inverse = new double[v];
        long[] keys = new long[v];
        for (int i = 0; i < v; i++) {
            llr[i] = llr(p[i], q[i]);
            ratio[i] = Math.exp(llr[i]);
            inverse[i] = Math.exp(-llr[i]);
            // Ascending keys of -llr (float order bits, then the id) = descending llr.
            int bits = Float.floatToIntBits((float) -llr[i]);
            bits ^= (bits >> 31) & 0x7fffffff;
            keys[i] = ((long) bits << 32) | i;
        }
        Arrays.sort(keys);
        int[] descending = new int[v];
        int[] ascending = new int[v];
        for (int k = 0; k < v; k++) {
            descending[k] = (int) keys[k];
            ascending[v - 1 - k] = descending[k];
        }
        double[][] out = new double[2][distP.length];
        for (int j = 0; j < distP.length; j++) {
            double max = maxLlr(descending, p, q, ratio, distP[j], distQ[j]);
            // The lower bound exchanges the roles: p's mass is reduced by d_p, q's increased by d_q.
            double min = -maxLlr(ascending, q, p, inverse, distQ[j], distP[j]);
            boolean trivial = max < min;
            out[0][j] = trivial ? 0.0 : max;
            out[1][j] = trivial ? 0.0 : min;
        }
        return out;
    }

    /**
     * The upper bound of one query: tokens in {@code order} (descending {@code ln(top / bottom)}), whose
     * likelihood ratios {@code top / bottom} are {@code ratio}; {@code distBottom} is added to the bottom
     * mass and {@code distTop} taken from the top mass. See the class comment.
     */
    private static double maxLlr(int[] order, double[] bottom, double[] top, double[] ratio,
            double distBottom, double distTop) {
        double massTop = 0;
        double massBottom = 0;
        for (int k = 0; k < order.length; k++) {
            int id = order[k];
            if (k > 0 && below(ratio[id], massTop - distTop, massBottom + distBottom)) {
                return bound(massTop - distTop, massBottom + distBottom);
            }
            massTop += top[id];
            massBottom += bottom[id];
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
}
