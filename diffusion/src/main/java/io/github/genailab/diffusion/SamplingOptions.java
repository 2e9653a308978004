package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;

/**
 * How {@link DiffusionModel} draws samples.
 *
 * <p>DDIM's sub-sequence is {@code tau_i = floor(i T / S)} for {@code i = 1..S} (so {@code tau_S = T}),
 * then {@code x_0}. With a conditional model the noise prediction is classifier-free guided (Ho &amp;
 * Salimans, "Classifier-Free Diffusion Guidance", NeurIPS 2021 workshop, arXiv:2207.12598):
 * {@code eps = eps(x, none) + s (eps(x, c) - eps(x, none))}; {@code s = 1} is the plain conditional model,
 * {@code s > 1} sharpens the classes (the paper's {@code w} is {@code s - 1}).
 *
 * @param sampler       ancestral ({@code sigma^2 = beta} or {@code betaTilde}) or DDIM
 * @param ddimSteps     {@code S}, DDIM's number of steps, in {@code [1, 100000]}, at most {@code T} when used
 * @param eta           DDIM's stochasticity, in {@code [0, 1]}
 * @param guidanceScale {@code s}, finite and {@code >= 0}
 * @param clipDenoised  if {@code > 0}, each step clips the predicted clean point
 *                      {@code x0hat = (x_t - sqrt(1 - alphaBar_t) eps) / sqrt(alphaBar_t)} to
 *                      {@code [-clipDenoised, clipDenoised]} before stepping (the reference code's
 *                      {@code clip_denoised} for images in {@code [-1, 1]}); {@code 0} = Algorithm 2 as printed.
 *                      Finite and {@code >= 0}
 *
 * @since 0.1.0
 */
public record SamplingOptions(SamplingMethod sampler, int ddimSteps, double eta, double guidanceScale,
        double clipDenoised) {

    /**
     * Validates the options.
     *
     * @param sampler       ancestral or DDIM
     * @param ddimSteps     DDIM's number of steps, in {@code [1, 100000]}
     * @param eta           DDIM's stochasticity, in {@code [0, 1]}
     * @param guidanceScale the guidance scale, finite and {@code >= 0}
     * @param clipDenoised  the clipping bound of the predicted clean point, finite and {@code >= 0}; 0 = none
     * @throws NullPointerException     if {@code sampler} is null
     * @throws IllegalArgumentException if a number is out of range or NaN
     */
    public SamplingOptions {
        Checks.notNull(sampler, "sampler");
        Checks.inRange(ddimSteps, 1, NoiseSchedule.MAX_STEPS, "ddimSteps");
        Checks.inClosedInterval(eta, 0, 1, "eta");
        Checks.finite(guidanceScale, "guidanceScale");
        Checks.nonNegative(guidanceScale, "guidanceScale");
        Checks.finite(clipDenoised, "clipDenoised");
        Checks.nonNegative(clipDenoised, "clipDenoised");
    }

    /**
     * Ancestral sampling with {@code sigma^2 = beta}, no guidance, no clipping (the {@code ddimSteps} and
     * {@code eta} fields, 50 and 0, are unused).
     *
     * @return the options
     */
    public static SamplingOptions defaults() {
        return new SamplingOptions(SamplingMethod.ANCESTRAL, 50, 0, 1, 0);
    }

    /**
     * DDIM with {@code steps} steps and stochasticity {@code eta}, no guidance, no clipping.
     *
     * @param steps {@code S}
     * @param eta   {@code eta}
     * @return the options
     */
    public static SamplingOptions ddim(int steps, double eta) {
        return new SamplingOptions(SamplingMethod.DDIM, steps, eta, 1, 0);
    }

    /**
     * A copy with another sampler.
     *
     * @param value the sampler
     * @return the new options
     */
    public SamplingOptions withSampler(SamplingMethod value) {
        return new SamplingOptions(value, ddimSteps, eta, guidanceScale, clipDenoised);
    }

    /**
     * A copy with another guidance scale.
     *
     * @param value the scale
     * @return the new options
     */
    public SamplingOptions withGuidanceScale(double value) {
        return new SamplingOptions(sampler, ddimSteps, eta, value, clipDenoised);
    }

    /**
     * A copy that clips the predicted clean point to {@code [-value, value]} (0 = no clipping).
     *
     * @param value the bound, e.g. 1 for data in {@code [-1, 1]}
     * @return the new options
     */
    public SamplingOptions withClipDenoised(double value) {
        return new SamplingOptions(sampler, ddimSteps, eta, guidanceScale, value);
    }
}
