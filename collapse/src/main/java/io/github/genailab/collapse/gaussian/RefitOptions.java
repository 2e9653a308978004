package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * Settings of a 1-D recursive Gaussian refit (see {@link RecursiveGaussian}).
 *
 * <p>Defaults ({@link #defaults()}): original distribution N(0, 1), {@code M = 100} samples per
 * generation, 100 generations, the {@link VarianceEstimator#UNBIASED unbiased} estimator of Theorem
 * 3.1, {@link Workflow#replace() replace}, fixed sample size, {@link Sampler#FULL full sampling}, no
 * sampling bias, 1000 held-out original points. For the authors' 1-D notebook use
 * {@code withEstimator(VarianceEstimator.MLE)} and 1000 generations with M in {100, 500, 1000, 10000}.
 *
 * @param mean mean {@code mu0} of the original distribution, finite
 * @param variance variance {@code sigma0^2} of the original distribution, finite and &gt; 0
 * @param samplesPerGeneration {@code M}, points per generation (before growth), at least 2
 * @param generations number of refits {@code G}; trajectories have {@code G + 1} entries
 * @param estimator the variance estimator
 * @param workflow where each generation's data comes from
 * @param sampleGrowth exponent {@code g} in [0, 4] of the schedule {@code M_t = round(M (t+1)^g)},
 *     {@code t} = 0 for the original data; 0 = fixed size
 * @param sampler full sampling or the exactly equivalent sufficient-statistic sampler
 * @param samplingScale sampling bias {@code lambda} &gt; 0: synthetic data are drawn from
 *     {@code N(mu_t, lambda^2 sigma_t^2)} (1 = unbiased; below 1 favours typical samples,
 *     Alemohammad et al.'s quality-diversity knob); each generation's log-variance drifts by
 *     {@code 2 ln lambda} more
 * @param heldOutSamples size of the held-out original data set used for the held-out
 *     log-likelihood, at least 1
 *
 * @since 0.1.0
 */
public record RefitOptions(double mean, double variance, int samplesPerGeneration, int generations,
        VarianceEstimator estimator, Workflow workflow, double sampleGrowth, Sampler sampler,
        double samplingScale, int heldOutSamples) {

    /**
     * Validates the settings.
     *
     * @param mean mean {@code mu0} of the original distribution, finite
     * @param variance variance {@code sigma0^2} of the original distribution, finite and &gt; 0
     * @param samplesPerGeneration {@code M}, points per generation (before growth), at least 2
     * @param generations number of refits {@code G}; trajectories have {@code G + 1} entries
     * @param estimator the variance estimator
     * @param workflow where each generation's data comes from
     * @param sampleGrowth exponent {@code g} in [0, 4] of the schedule {@code M_t = round(M (t+1)^g)},
     *     {@code t} = 0 for the original data; 0 = fixed size
     * @param sampler full sampling or the exactly equivalent sufficient-statistic sampler
     * @param samplingScale sampling bias {@code lambda} &gt; 0: synthetic data are drawn from
     *     {@code N(mu_t, lambda^2 sigma_t^2)} (1 = unbiased; below 1 favours typical samples,
     *     Alemohammad et al.'s quality-diversity knob); each generation's log-variance drifts by
     *     {@code 2 ln lambda} more
     * @param heldOutSamples size of the held-out original data set used for the held-out
     *     log-likelihood, at least 1
     * @throws NullPointerException if {@code estimator}, {@code workflow} or {@code sampler} is null
     * @throws IllegalArgumentException if a value is out of range (the message names it), or if the
     *     workflow needs full sampling, or if the largest generation would exceed the sampler's limit
     */
    public RefitOptions {
        Checks.finite(mean, "mean");
        Checks.positive(variance, "variance");
        RefitSettings.validate(1, samplesPerGeneration, generations, estimator, workflow, sampleGrowth, sampler,
                samplingScale, heldOutSamples);
    }

    /**
     * N(0, 1), M = 100, 100 generations, unbiased, replace, fixed M, full sampling, no bias,
     * 1000 held-out points.
     *
     * @return the defaults
     */
    public static RefitOptions defaults() {
        return new RefitOptions(0, 1, 100, 100, VarianceEstimator.UNBIASED, Workflow.replace(), 0, Sampler.FULL, 1,
                1000);
    }

    /**
     * Sets the original mean.
     *
     * @param value finite
     * @return a copy with the new value
     * @throws IllegalArgumentException if not finite
     */
    public RefitOptions withMean(double value) {
        return new RefitOptions(value, variance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the original variance.
     *
     * @param value finite and &gt; 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if not finite and positive
     */
    public RefitOptions withVariance(double value) {
        return new RefitOptions(mean, value, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets {@code M}, the points per generation.
     *
     * @param value at least 2
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 2 or too large for the sampler
     */
    public RefitOptions withSamplesPerGeneration(int value) {
        return new RefitOptions(mean, variance, value, generations, estimator, workflow, sampleGrowth, sampler,
                samplingScale, heldOutSamples);
    }

    /**
     * Sets the number of refits.
     *
     * @param value at least 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public RefitOptions withGenerations(int value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, value, estimator, workflow, sampleGrowth,
                sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the variance estimator.
     *
     * @param value {@link VarianceEstimator#UNBIASED} or {@link VarianceEstimator#MLE}
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public RefitOptions withEstimator(VarianceEstimator value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, value, workflow, sampleGrowth,
                sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the data workflow.
     *
     * @param value the workflow
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the workflow needs full sampling and the sampler is not full
     */
    public RefitOptions withWorkflow(Workflow value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, estimator, value, sampleGrowth,
                sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the growth exponent {@code g} of {@code M_t = round(M (t+1)^g)}.
     *
     * @param value in [0, 4]
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range or if the largest generation is too large
     */
    public RefitOptions withSampleGrowth(double value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, estimator, workflow, value,
                sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the sampler.
     *
     * @param value full or sufficient-statistic sampling
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the workflow needs full sampling
     */
    public RefitOptions withSampler(Sampler value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, value, samplingScale, heldOutSamples);
    }

    /**
     * Sets the sampling bias {@code lambda}.
     *
     * @param value finite and &gt; 0 (1 = no bias)
     * @return a copy with the new value
     * @throws IllegalArgumentException if not finite and positive
     */
    public RefitOptions withSamplingScale(double value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, value, heldOutSamples);
    }

    /**
     * Sets the held-out set size.
     *
     * @param value at least 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public RefitOptions withHeldOutSamples(int value) {
        return new RefitOptions(mean, variance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, samplingScale, value);
    }

    /**
     * The number of points in generation {@code t}'s data, {@code round(M (t+1)^g)}.
     *
     * @param t the generation, 0 (the original data) to {@code generations - 1}
     * @return {@code M_t}
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    public long samplesAt(int t) {
        return RefitSettings.samplesAt(samplesPerGeneration, sampleGrowth, generations, t);
    }

    /**
     * One line, e.g. {@code RefitOptions[N(0.0, 1.0), M=100, generations=100, UNBIASED, replace, FULL]}.
     *
     * @return the settings, omitting defaults that are off
     */
    @Override
    public String toString() {
        return RefitSettings.describe(String.format(Locale.ROOT, "RefitOptions[N(%s, %s)", mean, variance),
                samplesPerGeneration, sampleGrowth, generations, estimator, workflow, sampler, samplingScale,
                heldOutSamples);
    }
}
