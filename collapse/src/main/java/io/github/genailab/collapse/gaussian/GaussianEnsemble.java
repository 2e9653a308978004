package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.GenerationTable;
import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.Runs;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * Many independent runs of one 1-D refit setting, summarised per generation (mean, median, quantiles,
 * standard error) next to the theory's expectation: the data of a "simulation vs theory" plot.
 *
 * <p>Summaries reduce over runs in run order, so they are bit-for-bit reproducible whatever thread
 * count produced the runs. Means of {@link GaussianMetric#VARIANCE}, {@link GaussianMetric#W2_SQUARED}
 * and similar are dominated by rare runs once {@code n} is comparable to {@code M}; compare medians or
 * the log-variance ratio there (docs/collapse-theory.md, 'Pitfalls', item 2).
 *
 * @param options the common settings
 * @param runs the trajectories, in run order (at least one)
 *
 * @since 0.1.0
 */
public record GaussianEnsemble(RefitOptions options, List<GaussianTrajectory> runs) implements GenerationTable {

    /**
     * Checks and copies the run list.
     *
     * @param options the common settings
     * @param runs the trajectories, in run order (at least one)
     * @throws NullPointerException if an argument or a run is null
     * @throws IllegalArgumentException if there are no runs or a run has other options
     */
    public GaussianEnsemble {
        runs = Runs.checked(options, runs, GaussianTrajectory::options);
    }

    /**
     * Mean over runs of a metric, per generation.
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] mean(GaussianMetric metric) {
        Checks.notNull(metric, "metric");
        return Runs.mean(runs, options.generations(), (t, n) -> t.valueAt(metric, n));
    }

    /**
     * Standard error of {@link #mean(GaussianMetric)}: sample standard deviation over runs divided by
     * {@code sqrt(runs)} (0 with a single run).
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] standardError(GaussianMetric metric) {
        double[] mean = mean(metric);
        double[] out = new double[mean.length];
        int r = runs.size();
        if (r == 1) {
            return out;
        }
        for (GaussianTrajectory t : runs) {
            for (int n = 0; n < out.length; n++) {
                double dev = t.valueAt(metric, n) - mean[n];
                out[n] += dev * dev;
            }
        }
        for (int n = 0; n < out.length; n++) {
            out[n] = Math.sqrt(out[n] / (r - 1) / r);
        }
        return out;
    }

    /**
     * Median over runs of a metric, per generation.
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] median(GaussianMetric metric) {
        return quantile(metric, 0.5);
    }

    /**
     * A quantile over runs of a metric, per generation (linear interpolation between order statistics,
     * numpy's default).
     *
     * @param metric the metric
     * @param p the probability in [0, 1]
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    public double[] quantile(GaussianMetric metric, double p) {
        Checks.notNull(metric, "metric");
        Checks.inClosedInterval(p, 0, 1, "p");
        double[] out = new double[options.generations() + 1];
        double[] values = new double[runs.size()];
        for (int n = 0; n < out.length; n++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = runs.get(i).valueAt(metric, n);
            }
            Arrays.sort(values);
            double pos = p * (values.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, values.length - 1);
            out[n] = values[lo] + (pos - lo) * (values[hi] - values[lo]);
        }
        return out;
    }

    /**
     * Fraction of runs whose metric is below {@code threshold}, per generation (e.g. the variance
     * below the original's: docs/collapse-theory.md, 'Predictions', item 10).
     *
     * @param metric the metric
     * @param threshold the threshold
     * @return {@code G + 1} fractions in [0, 1]
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] fractionBelow(GaussianMetric metric, double threshold) {
        Checks.notNull(metric, "metric");
        return Runs.mean(runs, options.generations(), (t, n) -> t.valueAt(metric, n) < threshold ? 1 : 0);
    }

    /**
     * The expected curves for these options.
     *
     * @return the theory
     */
    public GaussianTheory theory() {
        return new GaussianTheory(options);
    }

    /**
     * The ensemble as CSV: {@code generation}, then for every metric {@code mean_<metric>},
     * {@code se_<metric>}, {@code median_<metric>} and {@code theory_<metric>}.
     *
     * @return the CSV text
     */
    @Override
    public String toCsv() {
        Csv csv = new Csv().add("generation", Csv.index(options.generations() + 1));
        GaussianTheory theory = theory();
        for (GaussianMetric metric : GaussianMetric.values()) {
            csv.add("mean_" + metric.column(), mean(metric)).add("se_" + metric.column(), standardError(metric))
                    .add("median_" + metric.column(), median(metric))
                    .add("theory_" + metric.column(), theory.curve(metric));
        }
        return csv.build();
    }

    /**
     * One line: settings, run count, and at the last generation the mean log-variance ratio and mean
     * W2^2 with their expectations.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        GaussianTheory theory = theory();
        return "GaussianEnsemble[" + runs.size() + " runs, " + options + ": at n=" + g + " mean ln(var/var0)="
                + Formats.significant(mean(GaussianMetric.LOG_VARIANCE_RATIO)[g], 4) + " (E "
                + Formats.significant(theory.expected(GaussianMetric.LOG_VARIANCE_RATIO, g), 4) + "), mean W2^2="
                + Formats.significant(mean(GaussianMetric.W2_SQUARED)[g], 4) + " (E "
                + Formats.significant(theory.expected(GaussianMetric.W2_SQUARED, g), 4) + ")]";
    }
}
