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
        int v = p.length;
        double[] llr = new double[v];
        double[] ratio = new double[v];
        double[] inverse = new double[v];
        long[] keys = new long[v];
        for (int i = 0; i < v; i++) {
            double d = Math.log(q[i]) - Math.log(p[i]);
            llr[i] = Double.isNaN(d) ? 0.0 : d;
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
        double[] out = new double[distP.length];
        for (int j = 0; j < out.length; j++) {
            double max = maxLlr(descending, p, q, ratio, distP[j], distQ[j]);
            double min = -maxLlr(ascending, q, p, inverse, distP[j], distQ[j]);
            out[j] = max < min ? 0.0 : Math.min(max, Math.max(min, llr[token]));
        }
        return out;
    }

    /**
     * The upper bound of one query: tokens in {@code order} (descending {@code ln(top / bottom)}), whose
     * likelihood ratios {@code top / bottom} are {@code ratio}; see the class comment.
     */
    private static double maxLlr(int[] order, double[] bottom, double[] top, double[] ratio,
            double distP, double distQ) {
        double massTop = 0;
        double massBottom = 0;
        for (int k = 0; k < order.length; k++) {
            int id = order[k];
            if (k > 0) {
                double a = massTop - distQ;
                double b = massBottom + distP;
                // llr_k < ln(a) - ln(b), tested as e^{llr_k} b < a: no logarithm per step.
                boolean below = a > 0 && (b == 0 ? ratio[id] < Double.POSITIVE_INFINITY : ratio[id] * b < a);
                if (below) {
                    return bound(massTop, massBottom, distP, distQ);
                }
            }
            massTop += top[id];
            massBottom += bottom[id];
        }
        return bound(massTop, massBottom, distP, distQ);
    }

    private static double bound(double massTop, double massBottom, double distP, double distQ) {
        double a = massTop - distQ;
        return a <= 0 ? Double.NEGATIVE_INFINITY : Math.log(a) - Math.log(massBottom + distP);
    }
}
