package io.github.genailab.collapse.gaussian;

/**
 * The per-generation quantities of a 1-D refit trajectory (generation {@code n}: model
 * {@code N(mu_n, sigma_n^2)}; original {@code N(mu0, sigma0^2)}).
 *
 * <p>Across many runs, report medians as well as means: the mean of several of these is dominated by
 * rare runs once {@code n} is comparable to {@code M} (docs/collapse-theory.md, 'Pitfalls', item 2); the
 * log-variance
 * ratio is the robust long-horizon statistic.
 *
 * @since 0.1.0
 */
public enum GaussianMetric {

    /** {@code mu_n}. */
    MEAN("mean"),

    /** {@code sigma_n^2} (can underflow to 0 after extreme collapse; the log ratio stays exact). */
    VARIANCE("variance"),

    /** {@code ln(sigma_n^2 / sigma0^2)}. */
    LOG_VARIANCE_RATIO("log_variance_ratio"),

    /** {@code (mu_n - mu0)^2}. */
    SQUARED_MEAN_ERROR("squared_mean_error"),

    /**
     * {@code (mu_n - mu0)^2 + sigma_n^2}; its mean over runs is the variance of a sample drawn at
     * generation {@code n} around the original mean (SI §3.1.1: {@code sigma0^2 (1 + n/M)} unbiased,
     * {@code sigma0^2} exactly with the MLE).
     */
    MARGINAL_VARIANCE("marginal_variance"),

    /** {@code W2^2(model_n, original) = (mu_n - mu0)^2 + (sigma_n - sigma0)^2}. */
    W2_SQUARED("w2_squared"),

    /** {@code KL(original || model_n)}: grows without bound as the model's variance collapses. */
    KL_ORIGINAL_TO_MODEL("kl_original_to_model"),

    /** {@code KL(model_n || original)}. */
    KL_MODEL_TO_ORIGINAL("kl_model_to_original"),

    /** Mass of model {@code n} beyond {@code mu0 +- 3 sigma0} (0.0026998 for the original). */
    TAIL_MASS("tail_mass"),

    /** Mean log-likelihood of the run's fixed held-out original data under model {@code n}. */
    HELD_OUT_LOG_LIKELIHOOD("held_out_log_likelihood");

    private final String column;

    GaussianMetric(String column) {
        this.column = column;
    }

    /**
     * The CSV column name, e.g. {@code w2_squared}.
     *
     * @return snake_case name
     */
    public String column() {
        return column;
    }
}
