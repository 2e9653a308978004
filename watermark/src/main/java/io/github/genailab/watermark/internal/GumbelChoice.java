package io.github.genailab.watermark.internal;

/**
 * The Gumbel-max (exponential-minimum) choice that EXP and EXP-edit put in place of sampling:
 * {@code argmax_v r_v^(1 / p_v) = argmax_v ln(r_v) / p_v}. For uniform r it picks token v with probability
 * {@code p_v} exactly (Aaronson 2022; Kuditipudi et al. 2024, Sec. 2).
 */
public final class GumbelChoice {

    private GumbelChoice() {
    }

    /**
     * Returns {@code argmax_v ln(r[offset + v]) / p[v]} over the tokens with {@code p > 0} (the first on ties).
     *
     * @param p a probability vector of width V with a positive entry
     * @param r uniforms in [0, 1)
     * @param offset where token 0's uniform sits in {@code r}
     * @return the chosen token
     */
    public static int argmax(double[] p, float[] r, int offset) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < p.length; v++) {
            if (p[v] > 0) {
                double score = Math.log(r[offset + v]) / p[v];
                if (best < 0 || score > bestScore) {
                    best = v;
                    bestScore = score;
                }
            }
        }
        return best;
    }
}
