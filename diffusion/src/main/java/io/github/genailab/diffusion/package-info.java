/**
 * Denoising diffusion on small data, trained live on a CPU: the forward process and its closed forms
 * ({@link io.github.genailab.diffusion.NoiseSchedule}), DDPM training
 * ({@link io.github.genailab.diffusion.Ddpm}, Ho et al. 2020) of a small noise-predicting perceptron,
 * optionally class-conditional with classifier-free guidance, ancestral and DDIM sampling
 * ({@link io.github.genailab.diffusion.DiffusionModel}, {@link io.github.genailab.diffusion.SamplingMethod}),
 * and a trigger watermark embedded in the model ({@link io.github.genailab.diffusion.TriggerWatermark},
 * after Liu et al. 2023).
 *
 * <p>Contract: {@code NoiseSchedule.linear(T, beta1, betaT).alphaBars()},
 * {@code Ddpm.train(data, DdpmOptions.defaults(), rng).sample(n, rng)}.
 */
package io.github.genailab.diffusion;
