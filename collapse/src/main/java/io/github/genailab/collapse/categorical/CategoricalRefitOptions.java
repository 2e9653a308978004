package io.github.genailab.collapse.categorical;

import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * Settings of a categorical refit (see {@link RecursiveCategorical}): the original distribution over K
 * categories, the sample size M and the number of generations.
 *
 * @param probabilities original probabilities {@code p_i(0)}, finite, &gt;= 0, summing to 1 within 1e-9
 *     (stored renormalised; copied)
 * @param samplesPerGeneration {@code M}, draws per generation (the Wright-Fisher population size), &gt;= 1
 * @param generations number of refits {@code G}, &gt;= 0
 *
 * @since 0.1.0
 */
public record CategoricalRefitOptions(double[] probabilities, int samplesPerGeneration, int generations) {

    /** The most categories a distribution may have: 2^24. */
    public static final int MAX_CATEGORIES = 1 << 24;

    /**
     * Validates and copies the settings.
     *
     * @param probabilities original probabilities {@code p_i(0)}, finite, &gt;= 0, summing to 1 within 1e-9
     *     (stored renormalised; copied)
     * @param samplesPerGeneration {@code M}, draws per generation (the Wright-Fisher population size), &gt;= 1
     * @param generations number of refits {@code G}, &gt;= 0
     * @throws NullPointerException if {@code probabilities} is null
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public CategoricalRefitOptions {
        Checks.allFinite(Checks.nonEmpty(probabilities, "probabilities"), "probabilities");
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0)) {
                throw Checks.fail("probabilities[" + i + "]", "be >= 0", probabilities[i]);
            }
            sum += probabilities[i];
        }
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw Checks.fail("probabilities", "sum to 1", sum);
        }
        Checks.positive(samplesPerGeneration, "samplesPerGeneration");
        Checks.nonNegative(generations, "generations");
        double[] copy = new double[probabilities.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = probabilities[i] / sum;
        }
        probabilities = copy;
    }

    /**
     * The uniform distribution over {@code categories}, with M = 100 and 100 generations.
     *
     * @param categories K, &gt;= 1
     * @return the options
     * @throws IllegalArgumentException if {@code categories < 1}
     */
    public static CategoricalRefitOptions uniform(int categories) {
        Checks.positive(categories, "categories");
        Checks.atMost(categories, MAX_CATEGORIES, "categories");
        double[] p = new double[categories];
        Arrays.fill(p, 1.0 / categories);
        return new CategoricalRefitOptions(p, 100, 100);
    }

    /**
     * {@code uniform(10)}: ten equally likely categories, M = 100, 100 generations.
     *
     * @return the defaults
     */
    public static CategoricalRefitOptions defaults() {
        return uniform(10);
    }

    /**
     * The original probabilities (a copy).
     *
     * @return {@code p(0)}
     */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Number of categories K.
     *
     * @return K
     */
    public int categories() {
        return probabilities.length;
    }

    double probability(int i) {
        return probabilities[i];
    }

    /**
     * Sets the original distribution.
     *
     * @param value probabilities summing to 1
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a distribution
     */
    public CategoricalRefitOptions withProbabilities(double[] value) {
        return new CategoricalRefitOptions(value, samplesPerGeneration, generations);
    }

    /**
     * Sets {@code M}.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public CategoricalRefitOptions withSamplesPerGeneration(int value) {
        return new CategoricalRefitOptions(probabilities, value, generations);
    }

    /**
     * Sets the number of refits.
     *
     * @param value &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public CategoricalRefitOptions withGenerations(int value) {
        return new CategoricalRefitOptions(probabilities, samplesPerGeneration, value);
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalRefitOptions c && Arrays.equals(probabilities, c.probabilities)
                && samplesPerGeneration == c.samplesPerGeneration && generations == c.generations;
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(probabilities) + samplesPerGeneration) + generations;
    }

    /**
     * One line, e.g. {@code CategoricalRefitOptions[K=10, p=(0.1000, ...), M=100, generations=100]}.
     *
     * @return the settings (probabilities abbreviated beyond 6 categories)
     */
    @Override
    public String toString() {
        double[] shown = Arrays.copyOf(probabilities, Math.min(6, probabilities.length));
        String p = Formats.tuple(shown, 4);
        if (probabilities.length > 6) {
            p = p.substring(0, p.length() - 1) + ", ...)";
        }
        return "CategoricalRefitOptions[K=" + categories() + ", p=" + p + ", M=" + samplesPerGeneration
                + ", generations=" + generations + "]";
    }
}
