package io.github.genailab.collapse.text;

import io.github.genailab.collapse.GenerationTable;
import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.Runs;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.List;

/**
 * Several seeds of one {@link LanguageModelCollapse} setting: per generation, the mean and the spread
 * (sample standard deviation, {@code n - 1} in the denominator; 0 for a single run) of every metric over
 * the runs.
 *
 * @param options the common settings
 * @param runs the runs, in run order (at least one)
 *
 * @since 0.1.0
 */
public record LanguageModelCollapseEnsemble(LanguageModelCollapseOptions options,
        List<LanguageModelCollapseResult> runs) implements GenerationTable {

    /**
     * Checks and copies the run list.
     *
     * @param options the common settings
     * @param runs the runs, in run order (at least one)
     * @throws NullPointerException if an argument or a run is null
     * @throws IllegalArgumentException if there are no runs or a run has other options
     */
    public LanguageModelCollapseEnsemble {
        runs = Runs.checked(options, runs, LanguageModelCollapseResult::options);
    }

    /**
     * Mean over runs of a metric, per generation.
     *
     * @param metric the metric
     * @return {@code generations + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] mean(LanguageModelCollapseMetric metric) {
        Checks.notNull(metric, "metric");
        return Runs.mean(runs, options.generations(), (r, n) -> r.valueAt(metric, n));
    }

    /**
     * Sample standard deviation over runs of a metric, per generation (0 with a single run: no spread
     * was measured).
     *
     * @param metric the metric
     * @return {@code generations + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] sd(LanguageModelCollapseMetric metric) {
        double[] mean = mean(metric);
        double[] out = new double[mean.length];
        for (LanguageModelCollapseResult r : runs) {
            for (int n = 0; n < out.length; n++) {
                double d = r.valueAt(metric, n) - mean[n];
                out[n] += d * d;
            }
        }
        for (int n = 0; n < out.length; n++) {
            out[n] = runs.size() < 2 ? 0 : Math.sqrt(out[n] / (runs.size() - 1));
        }
        return out;
    }

    /**
     * The ensemble as CSV: {@code generation}, then {@code mean_<metric>} and {@code sd_<metric>} for
     * every metric.
     *
     * @return the CSV text
     */
    @Override
    public String toCsv() {
        Csv csv = new Csv().add("generation", Csv.index(options.generations() + 1));
        for (LanguageModelCollapseMetric metric : LanguageModelCollapseMetric.values()) {
            csv.add("mean_" + metric.column(), mean(metric)).add("sd_" + metric.column(), sd(metric));
        }
        return csv.build();
    }

    /**
     * One line: runs, workflow, decoding, and the held-out perplexity and distinct tokens at generation
     * 0 and at the last generation as mean ± sd.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        return "LanguageModelCollapseEnsemble[" + runs.size() + (runs.size() == 1 ? " run, " : " runs, ")
                + options.workflow() + ", "
                + options.decoding() + ", order " + options.order() + ", " + options.blocks() + " blocks of "
                + options.blockLength() + ": held-out perplexity "
                + meanSd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY, 0)
                + " -> " + meanSd(LanguageModelCollapseMetric.HELD_OUT_PERPLEXITY, g) + " at generation " + g
                + ", distinct tokens " + meanSd(LanguageModelCollapseMetric.DISTINCT_TOKENS, 0) + " -> "
                + meanSd(LanguageModelCollapseMetric.DISTINCT_TOKENS, g) + "]";
    }

    private String meanSd(LanguageModelCollapseMetric metric, int n) {
        String m = LanguageModelCollapseResult.format(mean(metric)[n], 4);
        return runs.size() < 2 ? m : m + " ± " + Formats.significant(sd(metric)[n], 2);
    }
}
