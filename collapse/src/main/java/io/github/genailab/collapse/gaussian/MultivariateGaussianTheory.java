package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * The expected trajectory of a d-dimensional recursive Gaussian refit (derivation in
 * docs/collapse-theory.md, 'd-dimensional Gaussian, replace workflow').
 *
 * <p>Replace workflow, exact ({@code k_i = M_i - 1}, {@code den_i = k_i} or {@code M_i},
 * {@code s_i = lambda^2} for synthetic generations and 1 for the first fit):
 * <pre>
 *   E ln(det S_n / det S_0) = sum_{i&lt;n} [ sum_{j=0..d-1} psi((k_i - j)/2) + d ln 2 - d ln den_i + d ln s_i ]
 *   sd                      = sqrt( sum_{i&lt;n} sum_j psi'((k_i - j)/2) )
 *   E tr S_n                = tr S_0 prod_{i&lt;n} s_i k_i / den_i
 *   E |m_n - m_0|^2         = sum_{i&lt;n} s_i E[tr S_i] / M_i
 * </pre>
 * (d = 10, M = 100, n = 50, unbiased: E ln det ratio = -28.806, sd 3.19 — that page's 'Predictions',
 * item 11, whose sd is a Monte-Carlo estimate of the exact 3.2718.) The trace and
 * the squared mean error follow the 1-D theory with {@code sigma0^2} replaced by {@code tr S_0}, including
 * its first-order approximations for the other workflows; the log-determinant curves are NaN outside
 * the replace workflow.
 *
 * @param options the settings the theory describes
 *
 * @since 0.1.0
 */
public record MultivariateGaussianTheory(MultivariateRefitOptions options) {

    /**
     * Checks the options.
     *
     * @param options the settings the theory describes
     * @throws NullPointerException if {@code options} is null
     */
    public MultivariateGaussianTheory {
        Checks.notNull(options, "options");
    }

    /**
     * Whether the curves are exact (replace workflow).
     *
     * @return true for {@link Workflow.Kind#REPLACE}
     */
    public boolean exact() {
        return options.workflow().kind() == Workflow.Kind.REPLACE;
    }

    /**
     * {@code E ln(det Sigma_n / det Sigma_0)} for {@code n = 0..G} (NaN outside replace).
     *
     * @return {@code G + 1} values
     */
    public double[] expectedLogDeterminantRatio() {
        return logDeterminant(false);
    }

    /**
     * Standard deviation across runs of {@code ln(det Sigma_n / det Sigma_0)} (NaN outside replace).
     *
     * @return {@code G + 1} values
     */
    public double[] logDeterminantRatioSd() {
        return logDeterminant(true);
    }

    /**
     * {@code E tr Sigma_n} for {@code n = 0..G} (NaN outside replace).
     *
     * @return {@code G + 1} values
     */
    public double[] expectedTrace() {
        return new GaussianTheory(options.traceEquivalent()).curve(GaussianMetric.VARIANCE);
    }

    /**
     * {@code E |mu_n - mu_0|^2} for {@code n = 0..G} (first-order outside replace; NaN where none).
     *
     * @return {@code G + 1} values
     */
    public double[] expectedSquaredMeanError() {
        return new GaussianTheory(options.traceEquivalent()).curve(GaussianMetric.SQUARED_MEAN_ERROR);
    }

    private double[] logDeterminant(boolean sd) {
        int g = options.generations();
        double[] out = new double[g + 1];
        if (!exact()) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int d = options.dimension();
        double sum = 0;
        for (int i = 0; i < g; i++) {
            long m = options.samplesAt(i);
            double k = m - 1;
            double den = options.estimator().divisor(m);
            double s = i == 0 ? 1 : options.samplingScale() * options.samplingScale();
            for (int j = 0; j < d; j++) {
                sum += sd ? ChiSquareMoments.varianceLog(k - j)
                        : ChiSquareMoments.meanLogRatio(k - j) + Math.log((k - j) / den);
            }
            if (!sd) {
                sum += d * Math.log(s);
            }
            out[i + 1] = sd ? Math.sqrt(sum) : sum;
        }
        return out;
    }

    /**
     * One line with the generation-G expectations.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        return "MultivariateGaussianTheory[" + (exact() ? "exact" : "first-order") + ", " + options + ", at n=" + g
                + ": E ln det ratio=" + Formats.significant(expectedLogDeterminantRatio()[g], 4) + ", E tr="
                + Formats.significant(expectedTrace()[g], 4) + ", E|mu-mu0|^2=" + Formats.significant(expectedSquaredMeanError()[g], 4)
                + "]";
    }
}
