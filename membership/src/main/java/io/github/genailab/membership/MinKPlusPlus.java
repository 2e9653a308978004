package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * Min-K%++: Min-K% applied to per-token log-probabilities standardized by the model's own
 * next-token distribution.
 *
 * <p>For each scored position t with next token x_t, prefix x_&lt;t and the model's full next-token
 * distribution p(.|x_&lt;t) over the vocabulary V:
 * <pre>
 *   l_t   = log p(x_t | x_&lt;t)
 *   mu_t  = sum_z p(z|x_&lt;t) log p(z|x_&lt;t)                  (minus the entropy)
 *   sigma_t^2 = sum_z p(z|x_&lt;t) (log p(z|x_&lt;t) - mu_t)^2   (variance of log p under p)
 *   s_t   = (l_t - mu_t) / sigma_t
 *   MinK++(k) = mean of the m = int(N * k) smallest s_t     (ascending, numpy pairwise sum)
 * </pre>
 * Higher means more likely a member (a training text's tokens sit at local maxima of the
 * likelihood). The reference (zjysteven/mink-plus-plus) stores this value un-negated; MIMIR stores
 * its negation.
 *
 * <p><b>Conventions ports get wrong.</b>
 * <ul>
 *   <li>{@code sigma} is the <em>standard deviation</em>. In the reference {@code run.py} the variable
 *       named {@code sigma} holds the variance and the score divides by {@code sigma.sqrt()}.</li>
 *   <li>mu and sigma need the full distribution over V; the top-5 or top-20 log-probabilities an API
 *       returns cannot give them. {@link TokenStatistics} computes all three from logits or a
 *       {@code LanguageModel}.</li>
 *   <li>sigma = 0 (a uniform distribution over its support) makes the reference formula 0/0 = NaN;
 *       here {@link ZeroSigma#NEUTRAL} (default) gives the token the score 0 and
 *       {@link ZeroSigma#REJECT} rejects the input. The rounding of m follows {@link KRounding} as in
 *       {@link MinKProb}.</li>
 *   <li>The reference computes in float32 (or bf16 with {@code --half}); this double-precision
 *       version agrees with it to about 1e-7 relative, not bit for bit.</li>
 *   <li>For a unigram (context-free) model mu and sigma are the same at every position, so s_t is an
 *       increasing affine function of l_t and Min-K%++ ranks texts of equal length exactly as Min-K%.</li>
 * </ul>
 *
 * <p>Complexity: O(N + m log m) time, O(N) memory (as {@link MinKProb}).
 *
 * <p>Reference: J. Zhang, J. Sun, E. Yeats, Y. Ouyang, M. Kuo, J. Zhang, H. F. Yang, H. Li,
 * "Min-K%++: Improved Baseline for Detecting Pre-Training Data from Large Language Models",
 * ICLR 2025, arXiv:2404.02936. Reference implementation:
 * {@code zjysteven/mink-plus-plus@5596c65:run.py}; also {@code iamgroot42/mimir@1b6fd64:mimir/attacks/min_k_plus_plus.py}.
 *
 * @since 0.1.0
 */
public final class MinKPlusPlus {

    private MinKPlusPlus() {
    }

    /**
     * Min-K%++ with the default options ({@link KRounding#AT_LEAST_ONE}, {@link ZeroSigma#NEUTRAL}).
     *
     * @param tokenLogProbs log p of each of the N scored tokens, finite and {@code <= 0}
     * @param mu the mean of log p under each position's distribution, finite and {@code <= 0}
     * @param sigma the standard deviation of log p under each position's distribution, finite and
     *     {@code >= 0}
     * @param k the fraction of tokens to average, in (0, 1]
     * @return the mean of the lowest standardized scores (higher means more likely a member)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, hold an
     *     invalid value (naming the index), or k is outside (0, 1]
     */
    public static double score(double[] tokenLogProbs, double[] mu, double[] sigma, double k) {
        return compute(tokenLogProbs, mu, sigma, k, MinKOptions.defaults()).score();
    }

    /**
     * Min-K%++ with explicit options, returning the score with its token counts.
     *
     * @param tokenLogProbs log p of each of the N scored tokens, finite and {@code <= 0}
     * @param mu the mean of log p under each position's distribution, finite and {@code <= 0}
     * @param sigma the standard deviation of log p under each position's distribution, finite and
     *     {@code >= 0}
     * @param k the fraction of tokens to average, in (0, 1]
     * @param options rounding rule and zero-sigma policy
     * @return the score and how it was obtained
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #score}, or if {@link KRounding#STRICT} finds
     *     {@code int(N * k) = 0}, or {@link ZeroSigma#REJECT} finds {@code sigma = 0}
     */
    public static MinKScore compute(double[] tokenLogProbs, double[] mu, double[] sigma, double k,
                                    MinKOptions options) {
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        Checks.notNull(options, "options");
        double[] z = standardized(tokenLogProbs, mu, sigma, options.zeroSigma());
        int zeroSigmaTokens = 0;
        for (double s : sigma) {
            if (s == 0) {
                zeroSigmaTokens++;
            }
        }
        return MinKScore.ofLowest("Min-K%++", z, k, options.rounding(), zeroSigmaTokens);
    }

    /**
     * The per-token standardized scores {@code s_t = (l_t - mu_t) / sigma_t}.
     *
     * @param tokenLogProbs log p of each scored token, finite and {@code <= 0}
     * @param mu the mean of log p per position, finite and {@code <= 0}
     * @param sigma the standard deviation of log p per position, finite and {@code >= 0}
     * @param zeroSigma what to do where {@code sigma = 0}
     * @return a new array of N finite scores
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the arrays are empty, of different lengths or hold an
     *     invalid value, if {@link ZeroSigma#REJECT} finds {@code sigma = 0}, or if a sigma is so
     *     small (subnormal) that the quotient overflows
     */
    public static double[] standardized(double[] tokenLogProbs, double[] mu, double[] sigma, ZeroSigma zeroSigma) {
        Checks.nonEmpty(tokenLogProbs, "tokenLogProbs");
        Checks.notNull(mu, "mu");
        Checks.notNull(sigma, "sigma");
        Checks.notNull(zeroSigma, "zeroSigma");
        Checks.sameLength(tokenLogProbs.length, mu.length, "tokenLogProbs", "mu");
        Checks.sameLength(tokenLogProbs.length, sigma.length, "tokenLogProbs", "sigma");
        Checks.logProbabilities(tokenLogProbs, "tokenLogProbs");
        Checks.logProbabilities(mu, "mu");
        for (int i = 0; i < sigma.length; i++) {
            Checks.nonNegative(sigma[i], "sigma[" + i + "]");
        }
        double[] z = new double[tokenLogProbs.length];
        for (int i = 0; i < z.length; i++) {
            if (sigma[i] == 0) {
                if (zeroSigma == ZeroSigma.REJECT) {
                    throw Checks.fail("sigma[" + i + "]", "be > 0 (ZeroSigma.REJECT)", sigma[i]);
                }
                z[i] = 0;
            } else {
                z[i] = (tokenLogProbs[i] - mu[i]) / sigma[i];
                if (!Double.isFinite(z[i])) {
                    throw Checks.fail("sigma[" + i + "]", "be 0 or large enough that (logProb - mu) / sigma is finite",
                            sigma[i]);
                }
            }
        }
        return z;
    }
}
