package io.github.genailab.collapse.categorical;

import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * Expectations for a categorical (Wright-Fisher) refit, population {@code M} (see
 * docs/collapse-theory.md, 'Categorical resampling').
 *
 * <pre>
 *   E[1 - sum_i p_i(t)^2]        = (1 - sum_i p_i(0)^2) (1 - 1/M)^t                  (exact)
 *   E[categories lost at t = 1]  = sum_{i: p_i &gt; 0} (1 - p_i)^M                       (exact)
 *   E[lost mass at t = 1]        = sum_i p_i (1 - p_i)^M                              (exact)
 *   P(category i is the survivor) = p_i(0)                                            (exact)
 *   E[time to a single survivor] ~ -2M sum_i (1 - p_i) ln(1 - p_i)                     (diffusion)
 *   E[time to lose a category of frequency p | it is lost] ~ -2M p ln p / (1 - p)      (Kimura-Ohta)
 * </pre>
 *
 * @param options the settings the theory describes
 *
 * @since 0.1.0
 */
public record CategoricalTheory(CategoricalRefitOptions options) {

    /**
     * Checks the options.
     *
     * @param options the settings the theory describes
     * @throws NullPointerException if {@code options} is null
     */
    public CategoricalTheory {
        Checks.notNull(options, "options");
    }

    /**
     * The expected metric per generation {@code 0..G}: exact for {@link CategoricalMetric#GINI_SIMPSON}
     * at every generation; for {@link CategoricalMetric#SURVIVING} and {@link CategoricalMetric#LOST_MASS}
     * at generations 0 and 1; every metric at generation 0; NaN elsewhere (no closed form).
     *
     * @param metric the metric
     * @return {@code G + 1} values
     * @throws NullPointerException if {@code metric} is null
     */
    public double[] curve(CategoricalMetric metric) {
        Checks.notNull(metric, "metric");
        int g = options.generations();
        double[] out = new double[g + 1];
        Arrays.fill(out, Double.NaN);
        int m = options.samplesPerGeneration();
        double squares = 0;
        double entropy = 0;
        int positive = 0;
        double lostOnce = 0;
        double lostMassOnce = 0;
        for (double p : options.probabilities()) {
            squares += p * p;
            if (p > 0) {
                positive++;
                entropy -= p * Math.log(p);
                lostOnce += Math.pow(1 - p, m);
                lostMassOnce += p * Math.pow(1 - p, m);
            }
        }
        switch (metric) {
            case GINI_SIMPSON:
                for (int t = 0; t <= g; t++) {
                    out[t] = (1 - squares) * Math.pow(1 - 1.0 / m, t);
                }
                return out;
            case SURVIVING:
                out[0] = positive;
                if (g >= 1) {
                    out[1] = positive - lostOnce;
                }
                return out;
            case LOST_MASS:
                out[0] = 0;
                if (g >= 1) {
                    out[1] = lostMassOnce;
                }
                return out;
            case ENTROPY:
                out[0] = entropy;
                return out;
            default:
                out[0] = 0;
                return out;
        }
    }

    /**
     * Expected number of categories lost in the first generation, {@code sum_i (1 - p_i)^M}.
     *
     * @return the expectation
     */
    public double expectedLostInFirstGeneration() {
        double lost = 0;
        for (double p : options.probabilities()) {
            if (p > 0) {
                lost += Math.pow(1 - p, options.samplesPerGeneration());
            }
        }
        return lost;
    }

    /**
     * The probability that each category is the eventual single survivor: {@code p_i(0)}.
     *
     * @return length K
     */
    public double[] fixationProbabilities() {
        return options.probabilities();
    }

    /**
     * Diffusion approximation of the expected generations until one category is left,
     * {@code -2M sum_i (1 - p_i) ln(1 - p_i)} (138.6 for two equal categories and M = 100; simulated
     * 138.8).
     *
     * @return the expectation (0 if the original is already a single category)
     */
    public double expectedFixationTime() {
        double s = 0;
        for (double p : options.probabilities()) {
            if (p > 0 && p < 1) {
                s += (1 - p) * Math.log(1 - p);
            }
        }
        return -2.0 * options.samplesPerGeneration() * s;
    }

    /**
     * Kimura-Ohta approximation of the expected generations until a category of frequency {@code p}
     * is lost, given that it is lost: {@code -2M p ln p / (1 - p)} (about {@code 2k ln(M/k)} for
     * {@code p = k/M}).
     *
     * @param p the category's frequency, in (0, 1)
     * @param samples the population size M, &gt;= 1
     * @return the expectation
     * @throws IllegalArgumentException if {@code p} is not in (0, 1) or {@code samples < 1}
     */
    public static double expectedLossTime(double p, int samples) {
        Checks.inOpenInterval(p, 0, 1, "p");
        Checks.positive(samples, "samples");
        return -2.0 * samples * p * Math.log(p) / (1 - p);
    }

    /**
     * One line with the headline expectations.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "CategoricalTheory[" + options + ": E lost at t=1=" + Formats.significant(expectedLostInFirstGeneration(), 4)
                + ", E Gini-Simpson at t=" + options.generations() + "="
                + Formats.significant(curve(CategoricalMetric.GINI_SIMPSON)[options.generations()], 4)
                + ", E time to one survivor~" + Formats.significant(expectedFixationTime(), 4) + "]";
    }
}
