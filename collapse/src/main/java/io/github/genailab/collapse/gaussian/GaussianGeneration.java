package io.github.genailab.collapse.gaussian;

/**
 * One generation of a 1-D refit trajectory, with the theory's expectations alongside: a row of
 * {@link GaussianTrajectory#rows()} (and of its CSV).
 *
 * @param generation {@code n}: 0 = the original distribution, {@code n} = after {@code n} refits
 * @param sampleSize points in the data the model was fitted to (0 for generation 0)
 * @param mean {@code mu_n}
 * @param variance {@code sigma_n^2}
 * @param logVarianceRatio {@code ln(sigma_n^2 / sigma0^2)}
 * @param squaredMeanError {@code (mu_n - mu0)^2}
 * @param w2Squared squared Wasserstein-2 distance to the original
 * @param klOriginalToModel {@code KL(original || model_n)}
 * @param klModelToOriginal {@code KL(model_n || original)}
 * @param tailMass mass of the model beyond {@code mu0 +- 3 sigma0}
 * @param heldOutLogLikelihood mean log-likelihood of the held-out original data
 * @param theoryVariance {@code E sigma_n^2} (NaN if no closed form; see {@link GaussianTheory})
 * @param theoryLogVarianceRatio {@code E ln(sigma_n^2 / sigma0^2)}
 * @param theorySquaredMeanError {@code E (mu_n - mu0)^2}
 * @param theoryW2Squared {@code E W2^2}
 *
 * @since 0.1.0
 */
public record GaussianGeneration(int generation, long sampleSize, double mean, double variance,
        double logVarianceRatio, double squaredMeanError, double w2Squared, double klOriginalToModel,
        double klModelToOriginal, double tailMass, double heldOutLogLikelihood, double theoryVariance,
        double theoryLogVarianceRatio, double theorySquaredMeanError, double theoryW2Squared) {
}
