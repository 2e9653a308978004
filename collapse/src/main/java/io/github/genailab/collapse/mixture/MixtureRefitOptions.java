package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Settings of a recursive Gaussian-mixture refit (see {@link RecursiveMixture}).
 *
 * <p>{@link #defaults()} is the authors' GMM notebook ({@code Zakahler/curse_recurse@b48c90a}): one
 * 2-D standard normal blob ({@code make_blobs(centers=[[0,0]], cluster_std=1)}; the "two Gaussians" of
 * the paper's text are the two halves a 2-component GMM carves out of it; docs/collapse-theory.md,
 * 'Pitfalls', item 4), {@code N = 1000}
 * points per generation, a 2-component full-covariance mixture fitted with {@code tol = 1e-5},
 * {@code max_iter = 2000}, {@code reg_covar = 1e-6}, k-means initialisation, replace, 2000 generations
 * (the notebook runs 2050 and shows snapshots at its iterations 0, 50, 100, 150, 200, 350, 2000).
 *
 * @param mean mean of the original Gaussian, finite, length d (copied)
 * @param covariance covariance of the original Gaussian, symmetric positive definite (copied)
 * @param components K, components of every fitted mixture, &gt;= 1
 * @param samplesPerGeneration N, points sampled from each fit, &gt;= 1
 * @param generations number of fits G, &gt;= 0
 * @param em the EM settings of every fit
 * @param snapshotGenerations generations whose whole mixture is kept for plotting (0 = the original as
 *     a one-component mixture); each &gt;= 0, those beyond {@code generations} are ignored (copied,
 *     sorted, duplicates removed)
 * @param heldOutSamples size of the fixed held-out original data set, &gt;= 1
 * @param warmStart when true, each fit after the first starts from the previous generation's mixture
 *     (faster, but couples the generations; the notebook re-initialises every fit)
 *
 * @since 0.1.0
 */
public record MixtureRefitOptions(double[] mean, double[][] covariance, int components, int samplesPerGeneration,
        int generations, EmOptions em, int[] snapshotGenerations, int heldOutSamples, boolean warmStart) {

    /**
     * Validates and copies the settings.
     *
     * @param mean mean of the original Gaussian, finite, length d (copied)
     * @param covariance covariance of the original Gaussian, symmetric positive definite (copied)
     * @param components K, components of every fitted mixture, &gt;= 1
     * @param samplesPerGeneration N, points sampled from each fit, &gt;= 1
     * @param generations number of fits G, &gt;= 0
     * @param em the EM settings of every fit
     * @param snapshotGenerations generations whose whole mixture is kept for plotting (0 = the original as
     *     a one-component mixture); each &gt;= 0, those beyond {@code generations} are ignored (copied,
     *     sorted, duplicates removed)
     * @param heldOutSamples size of the fixed held-out original data set, &gt;= 1
     * @param warmStart when true, each fit after the first starts from the previous generation's mixture
     *     (faster, but couples the generations; the notebook re-initialises every fit)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public MixtureRefitOptions {
        Checks.allFinite(Checks.nonEmpty(mean, "mean"), "mean");
        Linalg.covarianceFactor(covariance, mean.length, "covariance");
        Checks.positive(components, "components");
        Checks.positive(samplesPerGeneration, "samplesPerGeneration");
        Checks.nonNegative(generations, "generations");
        Checks.notNull(em, "em");
        Checks.notNull(snapshotGenerations, "snapshotGenerations");
        for (int i = 0; i < snapshotGenerations.length; i++) {
            Checks.nonNegative(snapshotGenerations[i], "snapshotGenerations[" + i + "]");
        }
        Checks.positive(heldOutSamples, "heldOutSamples");
        mean = mean.clone();
        covariance = Copies.deepCopy(covariance, "covariance");
        snapshotGenerations = Arrays.stream(snapshotGenerations).sorted().distinct().toArray();
    }

    /**
     * The authors' notebook configuration (see the class comment).
     *
     * @return the defaults
     */
    public static MixtureRefitOptions defaults() {
        return new MixtureRefitOptions(new double[2], new double[][] {{1, 0}, {0, 1}}, 2, 1000, 2000,
                EmOptions.defaults().withTolerance(1e-5).withMaxIterations(2000),
                new int[] {0, 1, 50, 100, 150, 200, 350, 2000}, 1000, false);
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
     * The snapshot generations (a copy, sorted).
     *
     * @return the generations whose mixtures are kept
     */
    @Override
    public int[] snapshotGenerations() {
        return snapshotGenerations.clone();
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
     * Sets the original Gaussian.
     *
     * @param newMean finite mean
     * @param newCovariance symmetric positive definite covariance of matching size
     * @return a copy with the new values
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if invalid
     */
    public MixtureRefitOptions withOriginal(double[] newMean, double[][] newCovariance) {
        return new MixtureRefitOptions(newMean, newCovariance, components, samplesPerGeneration, generations, em,
                snapshotGenerations, heldOutSamples, warmStart);
    }

    /**
     * Sets K.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public MixtureRefitOptions withComponents(int value) {
        return new MixtureRefitOptions(mean, covariance, value, samplesPerGeneration, generations, em,
                snapshotGenerations, heldOutSamples, warmStart);
    }

    /**
     * Sets N.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public MixtureRefitOptions withSamplesPerGeneration(int value) {
        return new MixtureRefitOptions(mean, covariance, components, value, generations, em, snapshotGenerations,
                heldOutSamples, warmStart);
    }

    /**
     * Sets the number of fits.
     *
     * @param value &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public MixtureRefitOptions withGenerations(int value) {
        return new MixtureRefitOptions(mean, covariance, components, samplesPerGeneration, value, em,
                snapshotGenerations, heldOutSamples, warmStart);
    }

    /**
     * Sets the EM settings.
     *
     * @param value the settings
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public MixtureRefitOptions withEm(EmOptions value) {
        return new MixtureRefitOptions(mean, covariance, components, samplesPerGeneration, generations, value,
                snapshotGenerations, heldOutSamples, warmStart);
    }

    /**
     * Sets the snapshot generations.
     *
     * @param value generations &gt;= 0
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if one is negative
     */
    public MixtureRefitOptions withSnapshotGenerations(int... value) {
        return new MixtureRefitOptions(mean, covariance, components, samplesPerGeneration, generations, em, value,
                heldOutSamples, warmStart);
    }

    /**
     * Sets the held-out set size.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public MixtureRefitOptions withHeldOutSamples(int value) {
        return new MixtureRefitOptions(mean, covariance, components, samplesPerGeneration, generations, em,
                snapshotGenerations, value, warmStart);
    }

    /**
     * Sets warm starting.
     *
     * @param value true to start each fit from the previous mixture
     * @return a copy with the new value
     */
    public MixtureRefitOptions withWarmStart(boolean value) {
        return new MixtureRefitOptions(mean, covariance, components, samplesPerGeneration, generations, em,
                snapshotGenerations, heldOutSamples, value);
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MixtureRefitOptions m && Arrays.equals(mean, m.mean)
                && Arrays.deepEquals(covariance, m.covariance) && components == m.components
                && samplesPerGeneration == m.samplesPerGeneration && generations == m.generations
                && em.equals(m.em) && Arrays.equals(snapshotGenerations, m.snapshotGenerations)
                && heldOutSamples == m.heldOutSamples && warmStart == m.warmStart;
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.deepHashCode(covariance)) + Objects.hash(components,
                samplesPerGeneration, generations, em, Arrays.hashCode(snapshotGenerations), heldOutSamples,
                warmStart);
    }

    /**
     * One line.
     *
     * @return the settings
     */
    @Override
    public String toString() {
        return "MixtureRefitOptions[d=" + dimension() + ", mean=" + Formats.tuple(mean, 4) + ", K=" + components + ", N="
                + samplesPerGeneration + ", generations=" + generations + ", " + em + ", snapshots="
                + Arrays.toString(snapshotGenerations) + ", heldOut=" + heldOutSamples
                + (warmStart ? ", warmStart" : "") + "]";
    }
}
