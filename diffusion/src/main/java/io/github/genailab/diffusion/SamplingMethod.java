package io.github.genailab.diffusion;

/**
 * How a reverse chain steps from {@code x_t} towards {@code x_0}.
 *
 * <p>Ancestral sampling (Ho et al. 2020, Algorithm 2):
 * {@code x_{t-1} = (x_t - beta_t / sqrt(1 - alphaBar_t) eps) / sqrt(alpha_t) + sigma_t z}, {@code z ~ N(0, I)}
 * for {@code t > 1}, {@code z = 0} at {@code t = 1}, over all {@code T} steps; no clipping unless
 * {@link SamplingOptions#clipDenoised()} asks to clip the predicted clean point, as the reference code does
 * for images. DDIM (Song et al.
 * 2021, eq. 12) on a sub-sequence {@code tau_1 < ... < tau_S = T}:
 * {@code x0hat = (x_t - sqrt(1 - alphaBar_t) eps) / sqrt(alphaBar_t)},
 * {@code x_prev = sqrt(alphaBar_prev) x0hat + sqrt(1 - alphaBar_prev - sigma^2) eps + sigma z},
 * {@code sigma = eta sqrt((1 - alphaBar_prev) / (1 - alphaBar_t)) sqrt(1 - alphaBar_t / alphaBar_prev)}.
 *
 * <p>References: J. Ho, A. Jain, P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020,
 * arXiv:2006.11239; J. Song, C. Meng, S. Ermon, "Denoising Diffusion Implicit Models", ICLR 2021,
 * arXiv:2010.02502.
 *
 * @since 0.1.0
 */
public enum SamplingMethod {
    /** Ancestral sampling with {@code sigma_t^2 = beta_t} (the paper's first choice). */
    ANCESTRAL,
    /** Ancestral sampling with {@code sigma_t^2 = betaTilde_t}, the variance of {@code q(x_{t-1} | x_t, x_0)}. */
    ANCESTRAL_POSTERIOR,
    /** DDIM on {@code S} evenly spaced steps with stochasticity {@code eta} ({@code eta = 0}: deterministic). */
    DDIM
}
