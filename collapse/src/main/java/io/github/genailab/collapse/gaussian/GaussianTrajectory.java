package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.GaussianKernels;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a 1-D recursive Gaussian refit: the fitted mean and variance of every generation, with
 * every {@link GaussianMetric} and the {@link GaussianTheory} curves derived from them.
 *
 * <p>Index 0 is the original distribution {@code N(mu0, sigma0^2)}; index {@code n} is the model after
 * {@code n} refits. Metrics are computed on demand from the stored parameters (so a thousand-run
 * ensemble stays small); the log-variance is stored separately and stays exact even when the variance
 * itself underflows to 0.
 *
 * @param options the settings that produced the run
 * @param means {@code mu_0 .. mu_G}
 * @param variances {@code sigma_0^2 .. sigma_G^2}
 * @param logVariances {@code ln sigma_0^2 .. ln sigma_G^2}
 * @param heldOutMean mean of the run's held-out original data
 * @param heldOutVariance maximum-likelihood variance of the held-out data
 *
 * @since 0.1.0
 */
public record GaussianTrajectory(RefitOptions options, double[] means, double[] variances, double[] logVariances,
        double heldOutMean, double heldOutVariance) {

    /**
     * Checks shapes and copies the arrays.
     *
     * @param options the settings that produced the run
     * @param means {@code mu_0 .. mu_G}
     * @param variances {@code sigma_0^2 .. sigma_G^2}
     * @param logVariances {@code ln sigma_0^2 .. ln sigma_G^2}
     * @param heldOutMean mean of the run's held-out original data
     * @param heldOutVariance maximum-likelihood variance of the held-out data
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an array does not have {@code generations + 1} entries
     */
    public GaussianTrajectory {
        Checks.notNull(options, "options");
        int length = options.generations() + 1;
        Checks.sameLength(Checks.notNull(means, "means").length, length, "means", "generations + 1");
        Checks.sameLength(Checks.notNull(variances, "variances").length, length, "variances", "generations + 1");
        Checks.sameLength(Checks.notNull(logVariances, "logVariances").length, length, "logVariances",
                "generations + 1");
        means = means.clone();
        variances = variances.clone();
        logVariances = logVariances.clone();
    }

    /**
     * The fitted means (a copy).
     *
     * @return {@code mu_0 .. mu_G}
     */
    @Override
    public double[] means() {
        return means.clone();
    }

    /**
     * The fitted variances (a copy).
     *
     * @return {@code sigma_0^2 .. sigma_G^2}
     */
    @Override
    public double[] variances() {
        return variances.clone();
    }

    /**
     * The natural logarithms of the fitted variances (a copy).
     *
     * @return {@code ln sigma_0^2 .. ln sigma_G^2}
     */
    @Override
    public double[] logVariances() {
        return logVariances.clone();
    }

    /**
     * Number of refits {@code G}.
     *
     * @return {@code G}
     */
    public int generations() {
        return options.generations();
    }

    /**
     * The value of a metric at one generation.
     *
     * @param metric the metric
     * @param n the generation, 0 to {@code G}
     * @return the value
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public double value(GaussianMetric metric, int n) {
        Checks.notNull(metric, "metric");
        Checks.inRange(n, 0, generations(), "n");
        return valueAt(metric, n);
    }

    double valueAt(GaussianMetric metric, int n) {
        double m0 = options.mean();
        double v0 = options.variance();
        double m = means[n];
        double v = variances[n];
        double logV = logVariances[n];
        switch (metric) {
            case MEAN:
                return m;
            case VARIANCE:
                return v;
            case LOG_VARIANCE_RATIO:
                return logV - logVariances[0];
            case SQUARED_MEAN_ERROR:
                return (m - m0) * (m - m0);
            case MARGINAL_VARIANCE:
                return (m - m0) * (m - m0) + v;
            case W2_SQUARED:
                return GaussianKernels.w2Squared1d(m, Math.exp(0.5 * logV), m0, Math.sqrt(v0));
            case KL_ORIGINAL_TO_MODEL:
                return GaussianKernels.kl1d(m0, v0, logVariances[0], m, v, logV);
            case KL_MODEL_TO_ORIGINAL:
                return GaussianKernels.kl1d(m, v, logV, m0, v0, logVariances[0]);
            case TAIL_MASS:
                return GaussianKernels.tail1d(m0, Math.sqrt(v0), m, Math.exp(0.5 * logV), 3);
            default:
                return GaussianKernels.logLikelihood1d(heldOutMean, heldOutVariance, m, v, logV);
        }
    }

    /**
     * A metric at every generation.
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] series(GaussianMetric metric) {
        Checks.notNull(metric, "metric");
        double[] out = new double[generations() + 1];
        for (int n = 0; n < out.length; n++) {
            out[n] = valueAt(metric, n);
        }
        return out;
    }

    /**
     * Squared Wasserstein-2 distance of each generation to the original.
     *
     * @return {@code G + 1} values, starting at 0
     */
    public double[] w2Squared() {
        return series(GaussianMetric.W2_SQUARED);
    }

    /**
     * {@code KL(original || model_n)} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] klOriginalToModel() {
        return series(GaussianMetric.KL_ORIGINAL_TO_MODEL);
    }

    /**
     * {@code KL(model_n || original)} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] klModelToOriginal() {
        return series(GaussianMetric.KL_MODEL_TO_ORIGINAL);
    }

    /**
     * Mass beyond the original's {@code +-3 sigma0} per generation.
     *
     * @return {@code G + 1} values, starting at 0.0026998
     */
    public double[] tailMass() {
        return series(GaussianMetric.TAIL_MASS);
    }

    /**
     * Mean log-likelihood of the held-out original data per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] heldOutLogLikelihood() {
        return series(GaussianMetric.HELD_OUT_LOG_LIKELIHOOD);
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
     * One generation with its metrics and the theory's expectations.
     *
     * @param n the generation, 0 to {@code G}
     * @return the row
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public GaussianGeneration generation(int n) {
        Checks.inRange(n, 0, generations(), "n");
        return rows().get(n);
    }

    /**
     * Every generation as a row, with the theory's expectations.
     *
     * @return {@code G + 1} rows
     */
    public List<GaussianGeneration> rows() {
        GaussianTheory theory = theory();
        double[] tv = theory.curve(GaussianMetric.VARIANCE);
        double[] tl = theory.curve(GaussianMetric.LOG_VARIANCE_RATIO);
        double[] ts = theory.curve(GaussianMetric.SQUARED_MEAN_ERROR);
        double[] tw = theory.curve(GaussianMetric.W2_SQUARED);
        List<GaussianGeneration> rows = new ArrayList<>(generations() + 1);
        for (int n = 0; n <= generations(); n++) {
            rows.add(new GaussianGeneration(n, n == 0 ? 0 : options.samplesAt(n - 1), means[n], variances[n],
                    valueAt(GaussianMetric.LOG_VARIANCE_RATIO, n), valueAt(GaussianMetric.SQUARED_MEAN_ERROR, n),
                    valueAt(GaussianMetric.W2_SQUARED, n), valueAt(GaussianMetric.KL_ORIGINAL_TO_MODEL, n),
                    valueAt(GaussianMetric.KL_MODEL_TO_ORIGINAL, n), valueAt(GaussianMetric.TAIL_MASS, n),
                    valueAt(GaussianMetric.HELD_OUT_LOG_LIKELIHOOD, n), tv[n], tl[n], ts[n], tw[n]));
        }
        return rows;
    }

    /**
     * The trajectory as CSV: {@code generation}, every metric's column, then {@code theory_<metric>}
     * columns (NaN where the theory has no closed form).
     *
     * @return the CSV text, one header line and {@code G + 1} rows
     */
    public String toCsv() {
        return Csv.trajectory(generations(), GaussianMetric.values(), GaussianMetric::column, this::series,
                theory()::curve);
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
        return o instanceof GaussianTrajectory t && options.equals(t.options) && Arrays.equals(means, t.means)
                && Arrays.equals(variances, t.variances) && Arrays.equals(logVariances, t.logVariances)
                && Double.compare(heldOutMean, t.heldOutMean) == 0
                && Double.compare(heldOutVariance, t.heldOutVariance) == 0;
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * options.hashCode() + Arrays.hashCode(means)) + Arrays.hashCode(logVariances);
    }

    /**
     * One line: settings, and the last generation's mean, variance and W2^2 next to their expectations.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = generations();
        GaussianTheory theory = theory();
        return "GaussianTrajectory[" + options + ": at n=" + g + " mean=" + Formats.significant(means[g], 4) + ", variance="
                + Formats.significant(variances[g], 4) + " (E " + Formats.significant(theory.expected(GaussianMetric.VARIANCE, g), 4)
                + "), ln(var/var0)=" + Formats.significant(valueAt(GaussianMetric.LOG_VARIANCE_RATIO, g), 4) + " (E "
                + Formats.significant(theory.expected(GaussianMetric.LOG_VARIANCE_RATIO, g), 4) + "), W2^2="
                + Formats.significant(valueAt(GaussianMetric.W2_SQUARED, g), 4) + " (E "
                + Formats.significant(theory.expected(GaussianMetric.W2_SQUARED, g), 4) + ")]";
    }
}
