package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.GaussianKernels;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One run of a d-dimensional recursive Gaussian refit: the fitted mean and covariance of every
 * generation, with W2, KL both ways, log-determinant, trace and held-out log-likelihood computed on
 * demand, and the {@link MultivariateGaussianTheory} curves.
 *
 * <p>Index 0 is the original distribution, {@code n} the model after {@code n} refits. The
 * log-determinants are tracked exactly by the simulation (also after the covariance has become too
 * small to factorise again).
 *
 * @param options the settings that produced the run
 * @param means {@code (G + 1) x d} fitted means
 * @param covariances {@code (G + 1) x d x d} fitted covariances
 * @param logDeterminants {@code ln det Sigma_n}
 * @param heldOutMean mean of the held-out original data
 * @param heldOutCovariance maximum-likelihood covariance of the held-out original data
 *
 * @since 0.1.0
 */
public record MultivariateGaussianTrajectory(MultivariateRefitOptions options, double[][] means,
        double[][][] covariances, double[] logDeterminants, double[] heldOutMean, double[][] heldOutCovariance) {

    /**
     * Checks shapes and copies the arrays.
     *
     * @param options the settings that produced the run
     * @param means {@code (G + 1) x d} fitted means
     * @param covariances {@code (G + 1) x d x d} fitted covariances
     * @param logDeterminants {@code ln det Sigma_n}
     * @param heldOutMean mean of the held-out original data
     * @param heldOutCovariance maximum-likelihood covariance of the held-out original data
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an array does not have {@code generations + 1} entries
     */
    public MultivariateGaussianTrajectory {
        Checks.notNull(options, "options");
        int length = options.generations() + 1;
        Checks.sameLength(Checks.notNull(means, "means").length, length, "means", "generations + 1");
        Checks.sameLength(Checks.notNull(covariances, "covariances").length, length, "covariances",
                "generations + 1");
        Checks.sameLength(Checks.notNull(logDeterminants, "logDeterminants").length, length, "logDeterminants",
                "generations + 1");
        Checks.sameLength(Checks.notNull(heldOutMean, "heldOutMean").length, options.dimension(), "heldOutMean",
                "dimension");
        Checks.notNull(heldOutCovariance, "heldOutCovariance");
        means = Copies.deepCopy(means, "means");
        covariances = Copies.deepCopy(covariances, "covariances");
        logDeterminants = logDeterminants.clone();
        heldOutMean = heldOutMean.clone();
        heldOutCovariance = Copies.deepCopy(heldOutCovariance, "heldOutCovariance");
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
     * The fitted means (a copy).
     *
     * @return {@code (G + 1) x d}
     */
    @Override
    public double[][] means() {
        return Copies.deepCopy(means, "means");
    }

    /**
     * The fitted covariances (a copy).
     *
     * @return {@code (G + 1) x d x d}
     */
    @Override
    public double[][][] covariances() {
        return Copies.deepCopy(covariances, "covariances");
    }

    /**
     * The log-determinants (a copy).
     *
     * @return {@code ln det Sigma_0 .. ln det Sigma_G}
     */
    @Override
    public double[] logDeterminants() {
        return logDeterminants.clone();
    }

    /**
     * The held-out mean (a copy).
     *
     * @return length d
     */
    @Override
    public double[] heldOutMean() {
        return heldOutMean.clone();
    }

    /**
     * The held-out covariance (a copy).
     *
     * @return {@code d x d}
     */
    @Override
    public double[][] heldOutCovariance() {
        return Copies.deepCopy(heldOutCovariance, "heldOutCovariance");
    }

    /**
     * {@code ln(det Sigma_n / det Sigma_0)} per generation.
     *
     * @return {@code G + 1} values, starting at 0
     */
    public double[] logDeterminantRatios() {
        double[] out = new double[logDeterminants.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = logDeterminants[n] - logDeterminants[0];
        }
        return out;
    }

    /**
     * {@code tr Sigma_n} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] traces() {
        double[] out = new double[means.length];
        for (int n = 0; n < out.length; n++) {
            for (int j = 0; j < options.dimension(); j++) {
                out[n] += covariances[n][j][j];
            }
        }
        return out;
    }

    /**
     * {@code |mu_n - mu_0|^2} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] squaredMeanErrors() {
        double[] out = new double[means.length];
        for (int n = 0; n < out.length; n++) {
            for (int j = 0; j < options.dimension(); j++) {
                double dj = means[n][j] - means[0][j];
                out[n] += dj * dj;
            }
        }
        return out;
    }

    /**
     * Squared Wasserstein-2 distance to the original per generation (closed form).
     *
     * @return {@code G + 1} values
     */
    public double[] w2Squared() {
        int d = options.dimension();
        double[] l0 = factor(0);
        double[] out = new double[means.length];
        for (int n = 1; n < out.length; n++) {
            out[n] = GaussianKernels.w2SquaredFromFactors(means[n], factor(n), means[0], l0, d);
        }
        return out;
    }

    /**
     * {@code KL(original || model_n)} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] klOriginalToModel() {
        int d = options.dimension();
        double[] s0 = Linalg.flatten(covariances[0]);
        double[] out = new double[means.length];
        for (int n = 1; n < out.length; n++) {
            out[n] = GaussianKernels.klFromFactors(means[0], s0, logDeterminants[0], means[n], factor(n),
                    logDeterminants[n], d);
        }
        return out;
    }

    /**
     * {@code KL(model_n || original)} per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] klModelToOriginal() {
        int d = options.dimension();
        double[] l0 = factor(0);
        double[] out = new double[means.length];
        for (int n = 1; n < out.length; n++) {
            out[n] = GaussianKernels.klFromFactors(means[n], Linalg.flatten(covariances[n]), logDeterminants[n],
                    means[0], l0, logDeterminants[0], d);
        }
        return out;
    }

    /**
     * Mean log-likelihood of the held-out original data per generation.
     *
     * @return {@code G + 1} values
     */
    public double[] heldOutLogLikelihood() {
        int d = options.dimension();
        double[] s = Linalg.flatten(heldOutCovariance);
        double[] out = new double[means.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = GaussianKernels.logLikelihoodFromFactor(heldOutMean, s, means[n], factor(n), logDeterminants[n],
                    d);
        }
        return out;
    }

    /**
     * The expected curves for these options.
     *
     * @return the theory
     */
    public MultivariateGaussianTheory theory() {
        return new MultivariateGaussianTheory(options);
    }

    private double[] factor(int n) {
        int d = options.dimension();
        double[] l = new double[d * d];
        double[] cov = Linalg.flatten(covariances[n]);
        Linalg.choleskyWithJitter(cov, d, l, 1e-300, new double[d * d]);
        return l;
    }

    /**
     * The trajectory as CSV: {@code generation}, {@code mean_0..mean_{d-1}}, {@code trace},
     * {@code log_det_ratio}, {@code squared_mean_error}, {@code w2_squared}, both KL columns,
     * {@code held_out_log_likelihood}, then {@code theory_trace}, {@code theory_log_det_ratio},
     * {@code theory_log_det_ratio_sd}, {@code theory_squared_mean_error}.
     *
     * @return the CSV text
     */
    public String toCsv() {
        Csv csv = new Csv().add("generation", Csv.index(means.length)).addColumns("mean_", means,
                options.dimension());
        MultivariateGaussianTheory theory = theory();
        return csv.add("trace", traces()).add("log_det_ratio", logDeterminantRatios())
                .add("squared_mean_error", squaredMeanErrors()).add("w2_squared", w2Squared())
                .add("kl_original_to_model", klOriginalToModel()).add("kl_model_to_original", klModelToOriginal())
                .add("held_out_log_likelihood", heldOutLogLikelihood()).add("theory_trace", theory.expectedTrace())
                .add("theory_log_det_ratio", theory.expectedLogDeterminantRatio())
                .add("theory_log_det_ratio_sd", theory.logDeterminantRatioSd())
                .add("theory_squared_mean_error", theory.expectedSquaredMeanError()).build();
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
        return o instanceof MultivariateGaussianTrajectory t && options.equals(t.options)
                && Arrays.deepEquals(means, t.means) && Arrays.deepEquals(covariances, t.covariances)
                && Arrays.equals(logDeterminants, t.logDeterminants) && Arrays.equals(heldOutMean, t.heldOutMean)
                && Arrays.deepEquals(heldOutCovariance, t.heldOutCovariance);
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * options.hashCode() + Arrays.deepHashCode(means)) + Arrays.hashCode(logDeterminants);
    }

    /**
     * One line: settings and, at the last generation, the log-determinant ratio and trace with their
     * expectations.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = generations();
        MultivariateGaussianTheory theory = theory();
        return "MultivariateGaussianTrajectory[" + options + ": at n=" + g + " ln det ratio="
                + Formats.significant(logDeterminants[g] - logDeterminants[0], 4) + " (E "
                + Formats.significant(theory.expectedLogDeterminantRatio()[g], 4) + "), trace=" + Formats.significant(traces()[g], 4)
                + " (E " + Formats.significant(theory.expectedTrace()[g], 4) + ")]";
    }
}
