package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of a d-dimensional recursive Gaussian refit (see
 * {@link RecursiveGaussian#simulate(MultivariateRefitOptions, java.util.random.RandomGenerator)}); the
 * same knobs as {@link RefitOptions} with a mean vector and covariance matrix.
 *
 * <p>Collapse is faster in higher dimension: the per-dimension log-determinant drifts by about
 * {@code -(d+1)/(2M)} per generation with the unbiased estimator and {@code -(d+3)/(2M)} with the MLE
 * (docs/collapse-theory.md, 'd-dimensional Gaussian' and 'Pitfalls', item 12). Kazdan et al.'s sweeps use the MLE
 * covariance.
 *
 * @param mean original mean {@code mu0}, finite, length d &gt;= 1 (copied)
 * @param covariance original covariance {@code Sigma0}, {@code d x d} symmetric positive definite (copied)
 * @param samplesPerGeneration {@code M}, at least {@code d + 1} (so every fitted covariance is
 *     positive definite)
 * @param generations number of refits {@code G}, &gt;= 0
 * @param estimator scatter divided by {@code n - 1} or {@code n}
 * @param workflow where each generation's data comes from
 * @param sampleGrowth exponent {@code g} in [0, 4] of {@code M_t = round(M (t+1)^g)}
 * @param sampler full sampling or the exactly equivalent mean + Bartlett-Wishart sampler
 * @param samplingScale sampling bias {@code lambda} &gt; 0: synthetic data from
 *     {@code N(mu_t, lambda^2 Sigma_t)}
 * @param heldOutSamples size of the held-out original data set, &gt;= 1
 *
 * @since 0.1.0
 */
public record MultivariateRefitOptions(double[] mean, double[][] covariance, int samplesPerGeneration,
        int generations, VarianceEstimator estimator, Workflow workflow, double sampleGrowth, Sampler sampler,
        double samplingScale, int heldOutSamples) {

    /**
     * Validates and copies the settings.
     *
     * @param mean original mean {@code mu0}, finite, length d &gt;= 1 (copied)
     * @param covariance original covariance {@code Sigma0}, {@code d x d} symmetric positive definite (copied)
     * @param samplesPerGeneration {@code M}, at least {@code d + 1} (so every fitted covariance is
     *     positive definite)
     * @param generations number of refits {@code G}, &gt;= 0
     * @param estimator scatter divided by {@code n - 1} or {@code n}
     * @param workflow where each generation's data comes from
     * @param sampleGrowth exponent {@code g} in [0, 4] of {@code M_t = round(M (t+1)^g)}
     * @param sampler full sampling or the exactly equivalent mean + Bartlett-Wishart sampler
     * @param samplingScale sampling bias {@code lambda} &gt; 0: synthetic data from
     *     {@code N(mu_t, lambda^2 Sigma_t)}
     * @param heldOutSamples size of the held-out original data set, &gt;= 1
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public MultivariateRefitOptions {
        Checks.allFinite(Checks.nonEmpty(mean, "mean"), "mean");
        Linalg.covarianceFactor(covariance, mean.length, "covariance");
        RefitSettings.validate(mean.length, samplesPerGeneration, generations, estimator, workflow, sampleGrowth,
                sampler, samplingScale, heldOutSamples);
        mean = mean.clone();
        covariance = Copies.deepCopy(covariance, "covariance");
    }

    /**
     * The standard normal {@code N(0, I_d)} with the 1-D defaults otherwise (M = 100, 100 generations,
     * unbiased, replace, full sampling, 1000 held-out points).
     *
     * @param dimension d, &gt;= 1 and at most 99 (M must be at least d + 1)
     * @return the options
     * @throws IllegalArgumentException if {@code dimension} is out of range
     */
    public static MultivariateRefitOptions standard(int dimension) {
        Checks.inRange(dimension, 1, 99, "dimension");
        double[][] identity = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            identity[i][i] = 1;
        }
        return new MultivariateRefitOptions(new double[dimension], identity, 100, 100, VarianceEstimator.UNBIASED,
                Workflow.replace(), 0, Sampler.FULL, 1, 1000);
    }

    /**
     * {@code standard(2)}: N(0, I_2).
     *
     * @return the defaults
     */
    public static MultivariateRefitOptions defaults() {
        return standard(2);
    }

    /**
     * The dimension d.
     *
     * @return d
     */
    public int dimension() {
        return mean.length;
    }

    /**
     * The original mean (a copy).
     *
     * @return {@code mu0}
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The original covariance (a copy).
     *
     * @return {@code Sigma0}
     */
    @Override
    public double[][] covariance() {
        return Copies.deepCopy(covariance, "covariance");
    }

    /**
     * Sets the original distribution.
     *
     * @param newMean the mean, finite
     * @param newCovariance the covariance, symmetric positive definite of matching size
     * @return a copy with the new values
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if invalid
     */
    public MultivariateRefitOptions withOriginal(double[] newMean, double[][] newCovariance) {
        return new MultivariateRefitOptions(newMean, newCovariance, samplesPerGeneration, generations, estimator,
                workflow, sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets {@code M}.
     *
     * @param value at least {@code d + 1}
     * @return a copy with the new value
     * @throws IllegalArgumentException if too small or too large for the sampler
     */
    public MultivariateRefitOptions withSamplesPerGeneration(int value) {
        return new MultivariateRefitOptions(mean, covariance, value, generations, estimator, workflow, sampleGrowth,
                sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the number of refits.
     *
     * @param value &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public MultivariateRefitOptions withGenerations(int value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, value, estimator, workflow,
                sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the estimator.
     *
     * @param value the estimator
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public MultivariateRefitOptions withEstimator(VarianceEstimator value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, value, workflow,
                sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the workflow.
     *
     * @param value the workflow
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the workflow needs full sampling and the sampler is not full
     */
    public MultivariateRefitOptions withWorkflow(Workflow value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, estimator, value,
                sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the growth exponent.
     *
     * @param value in [0, 4]
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range or if the largest generation is too large
     */
    public MultivariateRefitOptions withSampleGrowth(double value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, estimator, workflow,
                value, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Sets the sampler.
     *
     * @param value the sampler
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the workflow needs full sampling
     */
    public MultivariateRefitOptions withSampler(Sampler value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, value, samplingScale, heldOutSamples);
    }

    /**
     * Sets the sampling bias.
     *
     * @param value finite and &gt; 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if not finite and positive
     */
    public MultivariateRefitOptions withSamplingScale(double value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, value, heldOutSamples);
    }

    /**
     * Sets the held-out set size.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public MultivariateRefitOptions withHeldOutSamples(int value) {
        return new MultivariateRefitOptions(mean, covariance, samplesPerGeneration, generations, estimator, workflow,
                sampleGrowth, sampler, samplingScale, value);
    }

    /**
     * The number of points in generation {@code t}'s data.
     *
     * @param t the generation, 0 to {@code generations - 1}
     * @return {@code M_t}
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    public long samplesAt(int t) {
        return RefitSettings.samplesAt(samplesPerGeneration, sampleGrowth, generations, t);
    }

    /** The 1-D options with variance {@code tr Sigma0}, whose mean-error and trace theory carries over. */
    RefitOptions traceEquivalent() {
        return new RefitOptions(0, Linalg.trace(Linalg.flatten(covariance), dimension()), samplesPerGeneration,
                generations, estimator, workflow, sampleGrowth, sampler, samplingScale, heldOutSamples);
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MultivariateRefitOptions m && Arrays.equals(mean, m.mean)
                && Arrays.deepEquals(covariance, m.covariance) && samplesPerGeneration == m.samplesPerGeneration
                && generations == m.generations && estimator == m.estimator && workflow.equals(m.workflow)
                && Double.compare(sampleGrowth, m.sampleGrowth) == 0 && sampler == m.sampler
                && Double.compare(samplingScale, m.samplingScale) == 0 && heldOutSamples == m.heldOutSamples;
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.deepHashCode(covariance))
                + java.util.Objects.hash(samplesPerGeneration, generations, estimator, workflow, sampleGrowth,
                        sampler, samplingScale, heldOutSamples);
    }

    /**
     * One line, e.g. {@code MultivariateRefitOptions[d=10, tr Sigma0=10.00, M=100, generations=50, UNBIASED,
     * replace, FULL]}.
     *
     * @return the settings
     */
    @Override
    public String toString() {
        String head = String.format(Locale.ROOT, "MultivariateRefitOptions[d=%d, mean=%s, tr Sigma0=%s", dimension(),
                Formats.tuple(mean, 4), Formats.significant(Linalg.trace(Linalg.flatten(covariance), dimension()), 4));
        return RefitSettings.describe(head, samplesPerGeneration, sampleGrowth, generations, estimator, workflow,
                sampler, samplingScale, heldOutSamples);
    }
}
