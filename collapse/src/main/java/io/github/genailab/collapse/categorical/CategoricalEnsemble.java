package io.github.genailab.collapse.categorical;

import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.Runs;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Many independent categorical refit runs, summarised per generation and over fixation events.
 *
 * @param options the common settings
 * @param runs the trajectories, in run order (at least one)
 *
 * @since 0.1.0
 */
public record CategoricalEnsemble(CategoricalRefitOptions options, List<CategoricalTrajectory> runs) {

    /**
     * Checks and copies the run list.
     *
     * @param options the common settings
     * @param runs the trajectories, in run order (at least one)
     * @throws NullPointerException if an argument or a run is null
     * @throws IllegalArgumentException if there are no runs or a run has other options
     */
    public CategoricalEnsemble {
        runs = Runs.checked(options, runs, CategoricalTrajectory::options);
    }

    /**
     * Mean over runs of a metric, per generation.
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] mean(CategoricalMetric metric) {
        Checks.notNull(metric, "metric");
        return Runs.mean(runs, options.generations(), (t, n) -> t.valueAt(metric, n));
    }

    /**
     * Fraction of runs that reached a single survivor within the simulated generations.
     *
     * @return a fraction in [0, 1]
     */
    public double fractionFixed() {
        return runs.stream().filter(CategoricalTrajectory::fixed).count() / (double) runs.size();
    }

    /**
     * Among the runs that fixed, the fraction that fixed to each category (theory: {@code p_i(0)}).
     *
     * @return length K (all 0 if no run fixed)
     */
    public double[] fixationFrequencies() {
        double[] out = new double[options.categories()];
        long fixed = 0;
        for (CategoricalTrajectory t : runs) {
            if (t.fixed()) {
                out[t.fixedCategory()]++;
                fixed++;
            }
        }
        for (int i = 0; i < out.length && fixed > 0; i++) {
            out[i] /= fixed;
        }
        return out;
    }

    /**
     * Mean generation of fixation among the runs that fixed (NaN if none did).
     *
     * @return the mean time to a single survivor
     */
    public double meanFixationGeneration() {
        return runs.stream().filter(CategoricalTrajectory::fixed).mapToInt(CategoricalTrajectory::fixationGeneration)
                .average().orElse(Double.NaN);
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
     * The ensemble as CSV: {@code generation}, then {@code mean_<metric>} and {@code theory_<metric>}
     * for every metric.
     *
     * @return the CSV text
     */
    public String toCsv() {
        Csv csv = new Csv().add("generation", Csv.index(options.generations() + 1));
        CategoricalTheory theory = theory();
        for (CategoricalMetric metric : CategoricalMetric.values()) {
            csv.add("mean_" + metric.column(), mean(metric)).add("theory_" + metric.column(), theory.curve(metric));
        }
        return csv.build();
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
     * One line: runs, fraction fixed, mean fixation time against the diffusion approximation.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "CategoricalEnsemble[" + runs.size() + " runs, " + options + ": fixed=" + Formats.significant(fractionFixed(), 4)
                + ", mean time to one survivor=" + Formats.significant(meanFixationGeneration(), 4) + " (diffusion ~"
                + Formats.significant(theory().expectedFixationTime(), 4) + "), fixation frequencies="
                + Formats.tuple(fixationFrequencies(), 4) + "]";
    }
}
