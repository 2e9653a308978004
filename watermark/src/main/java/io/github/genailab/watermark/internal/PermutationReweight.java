package io.github.genailab.watermark.internal;

/**
 * The distribution-preserving reweight of DiPmark (Wu et al., ICML 2024), of which Hu et al.'s γ-reweight
 * (ICLR 2024) is the case {@code alpha = 1/2}. Lay the tokens on [0, 1] in the order of a keyed
 * permutation {@code pi}, token {@code pi[k]} on the interval {@code [F_{k-1}, F_k)} of length {@code p};
 * the reweighted distribution has the cumulative function
 * <pre>
 *   F'(F) = max(F - alpha, 0) + max(F - (1 - alpha), 0),      alpha in [0, 1/2]
 *   q[pi[k]] = F'(F_k) - F'(F_{k-1}) = p[pi[k]] (r_k(alpha) + r_k(1 - alpha))
 * </pre>
 * where {@code r_k(a)} is the fraction of token {@code pi[k]}'s interval above {@code a}.
 * The first {@code alpha} of the probability mass loses its weight and the last {@code alpha} doubles, so
 * over a uniformly random permutation the expected {@code q} equals {@code p}: unbiased per step.
 * Reference: {@code yihwu/DiPmark@34abbeb}, {@code dipmark/dipmark.py} ({@code Dip_Reweight}), whose
 * {@code (r(alpha) + r(1 - alpha)) / 2} form differs by a factor a softmax removes.
 */
public final class PermutationReweight {

    private PermutationReweight() {
    }

    /**
     * Reweights {@code p} along {@code permutation}.
     *
     * @param p a probability vector (not modified)
     * @param permutation a permutation of {@code [0, p.length)}
     * @param alpha in [0, 1/2]
     * @return a fresh probability vector q
     */
    public static double[] apply(double[] p, int[] permutation, double alpha) {
        double[] q = new double[p.length];
        double before = 0;
        for (int k = 0; k < permutation.length; k++) {
            int v = permutation[k];
            double after = k == permutation.length - 1 ? 1.0 : before + p[v];
            // q = p (r(alpha) + r(1 - alpha)), r(a) = the fraction of the token's interval above a: exactly 0, 1 or
            // 2 times p away from the two boundary tokens, so that equal likelihood ratios stay equal.
            q[v] = p[v] * (above(before, after, p[v], alpha) + above(before, after, p[v], 1 - alpha));
            before = after;
        }
        return q;
    }

    /** The fraction of [before, after) (of length p) that lies above a. */
    private static double above(double before, double after, double p, double a) {
        if (after <= a || p <= 0) {
            return 0;
        }
        if (before >= a) {
            return 1;
        }
        return Math.min(1, (after - a) / p);
    }

    /**
     * Returns the position of {@code token} in {@code permutation}.
     *
     * @param permutation a permutation
     * @param token a value in it
     * @return its index
     */
    public static int positionOf(int[] permutation, int token) {
        for (int k = 0; k < permutation.length; k++) {
            if (permutation[k] == token) {
                return k;
            }
        }
        throw new IllegalArgumentException("token " + token + " is not in the permutation");
    }
}
