package io.github.genailab.membership;

/**
 * What Min-K%++ does at a token whose next-token distribution has {@code sigma = 0}.
 *
 * <p>The standard deviation of log p under the model's own distribution is zero exactly when that
 * distribution is uniform over its support (every possible token equally likely); then
 * {@code log p(x_t) = mu} as well and the reference formula {@code (log p - mu) / sigma} is
 * {@code 0 / 0 = NaN} (zjysteven/mink-plus-plus and MIMIR divide without an epsilon).
 *
 * @since 0.1.0
 */
public enum ZeroSigma {

    /**
     * The token's standardized score is 0: it is exactly as likely as the model's average token,
     * which is what a uniform distribution says. The token still counts towards N and can be among
     * the k% lowest. Default.
     */
    NEUTRAL,

    /** Reject the input with an {@link IllegalArgumentException} naming the first such token. */
    REJECT
}
