package io.github.genailab.collapse.categorical;

import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One run of a categorical refit: every {@link CategoricalMetric} per generation, when each category
 * was lost, and whether (and when, and to which category) the chain fixed.
 *
 * <p>Index 0 is the original distribution, {@code t} the frequencies after {@code t} refits. Nothing
 * changes after absorption, so only the generations up to it are stored (keeping long ensembles small);
 * {@link #series} and the summaries report the absorbed values for the later generations.
 *
 * @param options the settings that produced the run
 * @param values per metric (by {@link CategoricalMetric#ordinal()}), the values of generations
 *     {@code 0..L}, where {@code L} is the fixation generation if the run fixed and {@code G} otherwise
 * @param extinctionGenerations for each category, the first generation it had frequency 0 (0 if its
 *     original probability is 0), or -1 if it survived to the end
 * @param fixationGeneration the first generation with a single survivor, or -1 if none within G
 * @param fixedCategory the survivor if fixed, else -1
 * @param finalProbabilities the frequencies at the last simulated generation
 *
 * @since 0.1.0
 */
public record CategoricalTrajectory(CategoricalRefitOptions options, double[][] values, int[] extinctionGenerations,
        int fixationGeneration, int fixedCategory, double[] finalProbabilities) {

    /**
     * Checks shapes and copies the arrays.
     *
     * @param options the settings that produced the run
     * @param values per metric (by {@link CategoricalMetric#ordinal()}), the values of generations
     *     {@code 0..L}, where {@code L} is the fixation generation if the run fixed and {@code G} otherwise
     * @param extinctionGenerations for each category, the first generation it had frequency 0 (0 if its
     *     original probability is 0), or -1 if it survived to the end
     * @param fixationGeneration the first generation with a single survivor, or -1 if none within G
     * @param fixedCategory the survivor if fixed, else -1
     * @param finalProbabilities the frequencies at the last simulated generation
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a shape does not match the options
     */
    public CategoricalTrajectory {
        Checks.notNull(options, "options");
        Checks.sameLength(Checks.notNull(values, "values").length, CategoricalMetric.values().length, "values",
                "metrics");
        int stored = fixationGeneration >= 0 ? fixationGeneration + 1 : options.generations() + 1;
        for (double[] series : values) {
            Checks.sameLength(Checks.notNull(series, "values[]").length, stored, "values[]",
                    "stored generations (fixation + 1, or generations + 1)");
        }
        Checks.sameLength(Checks.notNull(extinctionGenerations, "extinctionGenerations").length,
                options.categories(), "extinctionGenerations", "categories");
        Checks.sameLength(Checks.notNull(finalProbabilities, "finalProbabilities").length, options.categories(),
                "finalProbabilities", "categories");
        values = Copies.deepCopy(values, "values");
        extinctionGenerations = extinctionGenerations.clone();
        finalProbabilities = finalProbabilities.clone();
    }

    /**
     * The stored metric values (a copy).
     *
     * @return {@code metrics x (L + 1)}
     */
    @Override
    public double[][] values() {
        return Copies.deepCopy(values, "values");
    }

    /**
     * The extinction generations (a copy).
     *
     * @return length K
     */
    @Override
    public int[] extinctionGenerations() {
        return extinctionGenerations.clone();
    }

    /**
     * The final frequencies (a copy).
     *
     * @return length K
     */
    @Override
    public double[] finalProbabilities() {
        return finalProbabilities.clone();
    }

    /**
     * Whether a single category was left within the simulated generations.
     *
     * @return true if fixed
     */
    public boolean fixed() {
        return fixationGeneration >= 0;
    }

    /**
     * A metric at every generation.
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] series(CategoricalMetric metric) {
        double[] stored = values[Checks.notNull(metric, "metric").ordinal()];
        double[] out = Arrays.copyOf(stored, options.generations() + 1);
        Arrays.fill(out, stored.length, out.length, stored[stored.length - 1]);
        return out;
    }

    double valueAt(CategoricalMetric metric, int t) {
        double[] stored = values[metric.ordinal()];
        return stored[Math.min(t, stored.length - 1)];
    }

    /**
     * The expectations for these options.
     *
     * @return the theory
     */
    public CategoricalTheory theory() {
        return new CategoricalTheory(options);
    }

    /**
     * The trajectory as CSV: {@code generation}, every metric, then {@code theory_<metric>} (NaN where
     * there is no closed form).
     *
     * @return the CSV text
     */
    public String toCsv() {
        return Csv.trajectory(options.generations(), CategoricalMetric.values(), CategoricalMetric::column,
                this::series, theory()::curve);
    }

    /**
     * Writes {@link #toCsv()} to a file (UTF-8).
     *
     * @param path the file
     * @throws IOException if writing fails
     * @throws NullPointerException if {@code path} is null
     */
    public void writeCsv(Path path) throws IOException {
        Csv.write(toCsv(), path);
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalTrajectory c && options.equals(c.options) && Arrays.deepEquals(values, c.values)
                && Arrays.equals(extinctionGenerations, c.extinctionGenerations)
                && fixationGeneration == c.fixationGeneration && fixedCategory == c.fixedCategory
                && Arrays.equals(finalProbabilities, c.finalProbabilities);
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * options.hashCode() + Arrays.deepHashCode(values)) + fixationGeneration;
    }

    /**
     * One line: settings, survivors and Gini-Simpson at the end, and the fixation (if any).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        return "CategoricalTrajectory[" + options + ": at t=" + g + " surviving="
                + (int) valueAt(CategoricalMetric.SURVIVING, g) + ", giniSimpson="
                + Formats.significant(valueAt(CategoricalMetric.GINI_SIMPSON, g), 4) + ", lostMass="
                + Formats.significant(valueAt(CategoricalMetric.LOST_MASS, g), 4)
                + (fixed() ? ", fixed to category " + fixedCategory + " at t=" + fixationGeneration : ", not fixed")
                + "]";
    }
}
