package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.GaussianKernels;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * The expected trajectory of a 1-D recursive Gaussian refit: what a plot of simulation against theory
 * draws (docs/collapse-theory.md, sections '1-D Gaussian, replace workflow', 'Growing sample sizes' and
 * 'Data workflows').
 *
 * <p>Replace workflow: exact, for both estimators, any sample-size schedule {@code M_i} and sampling
 * bias {@code lambda} (here {@code s_i = lambda^2} for synthetic generations, 1 for the fit to the
 * original data; {@code k_i = M_i - 1}; {@code den_i = k_i} (unbiased) or {@code M_i} (MLE);
 * {@code psi} digamma, {@code psi'} trigamma):
 * <pre>
 *   E ln(s_n^2/s0^2)  = sum_{i&lt;n} [ psi(k_i/2) + ln(2/den_i) + ln s_i ]       sd = sqrt(sum psi'(k_i/2))
 *   E s_n^2           = s0^2 prod_{i&lt;n} s_i k_i / den_i
 *   E (m_n - m0)^2    = sum_{i&lt;n} s_i E[s_i^2] / M_i
 *   E s_n             = s0 prod sqrt(s_i k_i / den_i) c(k_i),   c(k) = sqrt(2/k) Gamma((k+1)/2) / Gamma(k/2)
 *   E W2^2            = E (m_n - m0)^2 + E s_n^2 - 2 s0 E s_n + s0^2
 *   E KL(model||orig) = 1/2 [ (E s_n^2 + E (m_n - m0)^2) / s0^2 - 1 - E ln(s_n^2/s0^2) ]
 *   E KL(orig||model) = 1/2 [ E(s0^2/s_n^2) + R_n - 1 + E ln(s_n^2/s0^2) ],
 *       E(s0^2/s_n^2) = prod den_i / (s_i (k_i - 2)),  R_{n+1} = den_n / (s_n (k_n - 2)) (R_n + s_n / M_n)
 *   E held-out LL     = -1/2 ln(2 pi s0^2) - 1/2 E ln(s_n^2/s0^2) - 1/2 (E(s0^2/s_n^2) + R_n)   (infinite test set)
 * </pre>
 * With {@code M} fixed and no bias these reduce to the exact-moment table of that page, e.g. unbiased
 * {@code E W2^2 = s0^2 [n/M + 2 - 2 c_u^n]} (whose early slope is the paper's {@code (3/2) s0^2 sum 1/M_i})
 * and MLE {@code E (m_n - m0)^2 = s0^2 [1 - ((M-1)/M)^n]}. Inverse moments are infinite when some
 * {@code M_i <= 3}.
 *
 * <p>Other workflows (first-order, assuming {@code s_t^2 ~ s0^2}; only the squared mean error, and
 * only without sampling bias; other curves are NaN, meaning "no closed form"):
 * <pre>
 *   accumulate      E_{t+1} = E_t + s0^2 M_t / N_{t+1}^2,  N_{t+1} = M_0 + ... + M_t   (fixed M: (s0^2/M) sum_{s&lt;=t} 1/s^2)
 *   freshData(n_r)  E_{t+1} = a^2 E_t + s0^2 / N,  N = n_r + M_t, a = M_t / N          (stationary s0^2 N / (n_r (n_r + 2 M)))
 *   keepOriginal    E_t = s0^2 / M_0 + V_t,  V_{t+1} = (1-rho)^2 V_t + rho^2 s0^2 (1 - m_r/M_0) / m_r + (1-rho)^2 s0^2 / m_s
 *   accumulateSubsample  no closed form
 * </pre>
 * In every case {@code E m_n = m0}. Tail mass has no closed form after generation 0 (NaN); every
 * curve starts at the original's own value.
 *
 * @param options the simulation settings the theory describes
 *
 * @since 0.1.0
 */
public record GaussianTheory(RefitOptions options) {

    /**
     * Checks the options.
     *
     * @param options the simulation settings the theory describes
     * @throws NullPointerException if {@code options} is null
     */
    public GaussianTheory {
        Checks.notNull(options, "options");
    }

    /**
     * Whether the curves are exact (replace workflow) rather than first-order approximations.
     *
     * @return true for {@link Workflow.Kind#REPLACE}
     */
    public boolean exact() {
        return options.workflow().kind() == Workflow.Kind.REPLACE;
    }

    /**
     * The expected value of {@code metric} at every generation {@code 0..G}; NaN where no closed form
     * exists (tail mass; most metrics outside the replace workflow).
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] curve(GaussianMetric metric) {
        Checks.notNull(metric, "metric");
        int g = options.generations();
        double[] out = new double[g + 1];
        if (metric == GaussianMetric.MEAN) {
            Arrays.fill(out, options.mean());
            return out;
        }
        if (metric == GaussianMetric.SQUARED_MEAN_ERROR && !exact()) {
            return approximateSquaredMeanError();
        }
        if (metric == GaussianMetric.TAIL_MASS || !exact()) {
            Arrays.fill(out, Double.NaN);
            out[0] = metric == GaussianMetric.TAIL_MASS ? 2 * GaussianKernels.normalCdf(-3)
                    : new Replace().value(metric, 0, options.variance());
            return out;
        }
        Replace r = new Replace();
        double v0 = options.variance();
        for (int n = 0; n <= g; n++) {
            out[n] = r.value(metric, n, v0);
        }
        return out;
    }

    /**
     * The expected value of {@code metric} at generation {@code n}.
     *
     * @param metric the metric
     * @param n the generation, 0 to {@code generations}
     * @return the expectation (NaN where no closed form exists)
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public double expected(GaussianMetric metric, int n) {
        Checks.inRange(n, 0, options.generations(), "n");
        return curve(metric)[n];
    }

    /**
     * Standard deviation across runs of {@code ln(sigma_n^2 / sigma0^2)}, {@code sqrt(sum_{i<n} psi'(k_i/2))}
     * (replace workflow; NaN otherwise): the scale for 4-standard-error tests and for plotting a band.
     *
     * @return {@code G + 1} values
     */
    public double[] logVarianceRatioSd() {
        double[] out = new double[options.generations() + 1];
        if (!exact()) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double v = 0;
        for (int n = 1; n < out.length; n++) {
            v += ChiSquareMoments.varianceLog(options.samplesAt(n - 1) - 1);
            out[n] = Math.sqrt(v);
        }
        return out;
    }

    /**
     * One line naming the options and the generation-G expectations of the main curves.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        return "GaussianTheory[" + (exact() ? "exact" : "first-order") + ", " + options + ", at n=" + g
                + ": E(mu-mu0)^2=" + Formats.significant(expected(GaussianMetric.SQUARED_MEAN_ERROR, g), 4)
                + ", E ln(var/var0)=" + Formats.significant(expected(GaussianMetric.LOG_VARIANCE_RATIO, g), 4) + "]";
    }

    private double[] approximateSquaredMeanError() {
        int g = options.generations();
        double[] out = new double[g + 1];
        Workflow w = options.workflow();
        if (options.samplingScale() != 1 || w.kind() == Workflow.Kind.ACCUMULATE_SUBSAMPLE) {
            Arrays.fill(out, 1, g + 1, Double.NaN);
            return out;
        }
        double v0 = options.variance();
        if (g == 0) {
            return out;
        }
        long m0 = options.samplesAt(0);
        out[1] = v0 / m0;
        double pooled = m0;
        double fluctuation = 0;
        for (int t = 1; t < g; t++) {
            long m = options.samplesAt(t);
            switch (w.kind()) {
                case ACCUMULATE:
                    pooled += m;
                    out[t + 1] = out[t] + v0 * m / (pooled * pooled);
                    break;
                case FRESH_DATA: {
                    double total = w.freshSamples() + (double) m;
                    double a = m / total;
                    out[t + 1] = a * a * out[t] + v0 / total;
                    break;
                }
                default: {
                    int share = w.originalShare(m, (int) m0);
                    double synthetic = m - share;
                    double rho = share / (double) m;
                    fluctuation = (1 - rho) * (1 - rho) * fluctuation
                            + rho * rho * v0 * (1 - share / (double) m0) / share
                            + (1 - rho) * (1 - rho) * v0 / synthetic;
                    out[t + 1] = v0 / m0 + fluctuation;
                    break;
                }
            }
        }
        return out;
    }

    /** Running products/sums of the replace recursion, advanced generation by generation. */
    private final class Replace {
        private int at;
        private double logRatio;
        private double varianceFactor = 1;
        private double sdFactor = 1;
        private double squaredMeanError;
        private double inverseFactor = 1;
        private double meanOverVariance;

        double value(GaussianMetric metric, int n, double v0) {
            while (at < n) {
                advance(v0);
            }
            double variance = v0 * varianceFactor;
            switch (metric) {
                case VARIANCE:
                    return variance;
                case LOG_VARIANCE_RATIO:
                    return logRatio;
                case SQUARED_MEAN_ERROR:
                    return squaredMeanError;
                case MARGINAL_VARIANCE:
                    return squaredMeanError + variance;
                case W2_SQUARED:
                    return squaredMeanError + variance - 2 * v0 * sdFactor + v0;
                case KL_MODEL_TO_ORIGINAL:
                    return 0.5 * ((variance + squaredMeanError) / v0 - 1 - logRatio);
                case KL_ORIGINAL_TO_MODEL:
                    return 0.5 * (inverseFactor + meanOverVariance - 1 + logRatio);
                default:
                    return -0.5 * Math.log(2 * Math.PI * v0) - 0.5 * logRatio
                            - 0.5 * (inverseFactor + meanOverVariance);
            }
        }

        private void advance(double v0) {
            long m = options.samplesAt(at);
            double k = m - 1;
            double den = options.estimator().divisor(m);
            double s = at == 0 ? 1 : options.samplingScale() * options.samplingScale();
            double shrink = s * k / den;
            squaredMeanError += s * v0 * varianceFactor / m;
            meanOverVariance = (den / k) / s * ChiSquareMoments.meanInverseRatio(k) * (meanOverVariance + s / m);
            inverseFactor *= (den / k) / s * ChiSquareMoments.meanInverseRatio(k);
            logRatio += ChiSquareMoments.meanLogRatio(k) + Math.log(k / den) + Math.log(s);
            varianceFactor *= shrink;
            sdFactor *= Math.sqrt(shrink) * ChiSquareMoments.meanSqrtRatio(k);
            at++;
        }
    }
}
