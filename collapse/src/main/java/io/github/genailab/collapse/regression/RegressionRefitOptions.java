package io.github.genailab.collapse.regression;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * Settings of a recursive linear-regression refit (see {@link RecursiveRegression}): Gerstgrasser et
 * al.'s model of collapse, where each round relabels a fixed design with the previous fit.
 *
 * @param dimension number of features {@code d}, &gt;= 1
 * @param samples rows {@code T} of the design, at least {@code d + 2} (so {@code T - d - 1 > 0})
 * @param noiseVariance label noise {@code sigma^2}, finite and &gt; 0
 * @param generations rounds of fitting {@code n}, &gt;= 0
 * @param workflow {@link Workflow#replace()} or {@link Workflow#accumulate()}
 *
 * @since 0.1.0
 */
public record RegressionRefitOptions(int dimension, int samples, double noiseVariance, int generations,
        Workflow workflow) {

    /**
     * Validates the settings.
     *
     * @param dimension number of features {@code d}, &gt;= 1
     * @param samples rows {@code T} of the design, at least {@code d + 2} (so {@code T - d - 1 > 0})
     * @param noiseVariance label noise {@code sigma^2}, finite and &gt; 0
     * @param generations rounds of fitting {@code n}, &gt;= 0
     * @param workflow {@link Workflow#replace()} or {@link Workflow#accumulate()}
     * @throws NullPointerException if {@code workflow} is null
     * @throws IllegalArgumentException if a value is out of range or the workflow is not replace or
     *     accumulate
     */
    public RegressionRefitOptions {
        Checks.positive(dimension, "dimension");
        if (samples < dimension + 2) {
            throw Checks.fail("samples", "be >= dimension + 2 = " + (dimension + 2), samples);
        }
        Checks.positive(noiseVariance, "noiseVariance");
        Checks.nonNegative(generations, "generations");
        Checks.notNull(workflow, "workflow");
        if (workflow.kind() != Workflow.Kind.REPLACE && workflow.kind() != Workflow.Kind.ACCUMULATE) {
            throw Checks.fail("workflow", "be replace or accumulate", workflow);
        }
    }

    /**
     * Gerstgrasser et al.'s check configuration: {@code d = 10}, {@code T = 111} (so one round's error
     * is {@code sigma^2 d / (T - d - 1) = 0.1}), {@code sigma^2 = 1}, 10 rounds, replace.
     *
     * @return the defaults
     */
    public static RegressionRefitOptions defaults() {
        return new RegressionRefitOptions(10, 111, 1, 10, Workflow.replace());
    }

    /**
     * Sets the number of features.
     *
     * @param value &gt;= 1 and at most {@code samples - 2}
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range
     */
    public RegressionRefitOptions withDimension(int value) {
        return new RegressionRefitOptions(value, samples, noiseVariance, generations, workflow);
    }

    /**
     * Sets the number of rows.
     *
     * @param value at least {@code dimension + 2}
     * @return a copy with the new value
     * @throws IllegalArgumentException if too small
     */
    public RegressionRefitOptions withSamples(int value) {
        return new RegressionRefitOptions(dimension, value, noiseVariance, generations, workflow);
    }

    /**
     * Sets the label noise variance.
     *
     * @param value finite and &gt; 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if not finite and positive
     */
    public RegressionRefitOptions withNoiseVariance(double value) {
        return new RegressionRefitOptions(dimension, samples, value, generations, workflow);
    }

    /**
     * Sets the number of rounds.
     *
     * @param value &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public RegressionRefitOptions withGenerations(int value) {
        return new RegressionRefitOptions(dimension, samples, noiseVariance, value, workflow);
    }

    /**
     * Sets the workflow.
     *
     * @param value replace or accumulate
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if neither replace nor accumulate
     */
    public RegressionRefitOptions withWorkflow(Workflow value) {
        return new RegressionRefitOptions(dimension, samples, noiseVariance, generations, value);
    }

    /**
     * One line.
     *
     * @return the settings
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RegressionRefitOptions[d=%d, T=%d, noiseVariance=%s, generations=%d, %s]",
                dimension, samples, noiseVariance, generations, workflow);
    }
}
