package io.github.genailab.collapse.categorical;

import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.collapse.internal.Sampling;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Model collapse of a categorical distribution refitted by its empirical frequencies: the neutral
 * Wright-Fisher model (Shumailov et al., "discrete distributions with exact approximation").
 *
 * <pre>
 *   counts(t+1) ~ Multinomial(M, p(t)),   p(t+1) = counts(t+1) / M,   p(0) = the original
 * </pre>
 * A category once unsampled has probability 0 forever; the chain is absorbed in a single category with
 * probability 1, category {@code i} with probability {@code p_i(0)} ({@code p_i(t)} is a martingale).
 * Exact laws ({@link CategoricalTheory}): {@code E[1 - sum p_i(t)^2] = (1 - sum p_i(0)^2)(1 - 1/M)^t};
 * expected categories lost in generation 1 {@code sum_i (1 - p_i)^M}. Absorption takes O(M)
 * generations (diffusion approximation {@code -2M sum_i (1 - p_i) ln(1 - p_i)}, i.e. {@code 2M ln 2} for
 * two equal categories).
 *
 * <p>Each generation draws M categories; after the first, draws are integers {@code u ~ U{0..M-1}}
 * located in the cumulative counts (exactly multinomial, no floating-point cumulative sums). Once one
 * category is left the chain is absorbed and the simulation stops; the trajectory stores the
 * generations up to absorption and reports the absorbed state for the rest.
 *
 * <p>Complexity per generation: O(M log K + K).
 *
 * <p>References: I. Shumailov et al., "AI models collapse when trained on recursively generated data",
 * Nature 631:755-759, 2024 (doi:10.1038/s41586-024-07566-y); R. A. Fisher (1930), S. Wright (1931) for
 * the model; M. Kimura &amp; T. Ohta, "The average number of generations until extinction of an
 * individual mutant gene in a finite population", Genetics 63(3), 1969.
 *
 * @since 0.1.0
 */
public final class RecursiveCategorical {

    private RecursiveCategorical() {
    }

    /**
     * Simulates one run.
     *
     * @param options the settings
     * @param rng the run's generator
     * @return the trajectory: index 0 = the original, {@code t} = after {@code t} refits
     * @throws NullPointerException if an argument is null
     */
    public static CategoricalTrajectory simulate(CategoricalRefitOptions options, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        int k = options.categories();
        int m = options.samplesPerGeneration();
        int g = options.generations();
        double[][] values = new double[CategoricalMetric.values().length][Math.min(g + 1, 256)];
        int[] extinction = new int[k];
        Arrays.fill(extinction, -1);
        double[] p0 = options.probabilities();
        double[] p = p0.clone();
        record(values, 0, p, p0, extinction);
        int fixation = alive(p) == 1 ? 0 : -1;
        int[] counts = new int[k];
        int[] aliveIndex = new int[k];
        double[] cumulative = new double[k];
        int last = 0;
        for (int t = 1; t <= g && fixation < 0; t++) {
            if (t == 1) {
                drawFromProbabilities(p0, m, rng, counts);
            } else {
                drawFromCounts(counts, m, rng, aliveIndex, cumulative);
            }
            toFrequencies(counts, m, p);
            values = ensureCapacity(values, t, g);
            record(values, t, p, p0, extinction);
            last = t;
            if (alive(p) == 1) {
                fixation = t;
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Arrays.copyOf(values[i], last + 1);
        }
        int fixed = -1;
        if (fixation >= 0) {
            for (int i = 0; i < k; i++) {
                if (p[i] > 0) {
                    fixed = i;
                }
            }
        }
        return new CategoricalTrajectory(options, values, extinction, fixation, fixed, p);
    }

    /**
     * Simulates {@code runs} independent runs (run {@code i} uses the {@code i}-th split generator),
     * sequentially or on {@code threads} threads with identical results.
     *
     * @param options the settings
     * @param runs number of runs, &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1
     * @return the ensemble
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1
     */
    public static CategoricalEnsemble simulateRuns(CategoricalRefitOptions options, int runs,
            RandomGenerator.SplittableGenerator rng, int threads) {
        Checks.notNull(options, "options");
        List<CategoricalTrajectory> list = IndependentRuns.run(runs, rng, threads, r -> simulate(options, r));
        return new CategoricalEnsemble(options, list);
    }

    private static double[][] ensureCapacity(double[][] values, int t, int g) {
        if (t < values[0].length) {
            return values;
        }
        int size = (int) Math.min(g + 1L, 2L * values[0].length);
        for (int i = 0; i < values.length; i++) {
            values[i] = Arrays.copyOf(values[i], size);
        }
        return values;
    }

    private static int alive(double[] p) {
        int n = 0;
        for (double v : p) {
            if (v > 0) {
                n++;
            }
        }
        return n;
    }

    private static void toFrequencies(int[] counts, int m, double[] p) {
        for (int i = 0; i < counts.length; i++) {
            p[i] = (double) counts[i] / m;
        }
    }

    /** Generation 1: M draws from the original real-valued probabilities. */
    private static void drawFromProbabilities(double[] p0, int m, RandomGenerator rng, int[] counts) {
        double[] cumulative = new double[p0.length];
        double running = 0;
        for (int i = 0; i < p0.length; i++) {
            running += p0[i];
            cumulative[i] = running;
        }
        Arrays.fill(counts, 0);
        for (int draw = 0; draw < m; draw++) {
            counts[Sampling.firstAbove(cumulative, p0.length, rng.nextDouble() * running)]++;
        }
    }

    /**
     * Later generations: M draws of u ~ U{0..M-1} located in the cumulative counts of live categories
     * (integers below 2^31, so exact as doubles).
     */
    private static void drawFromCounts(int[] counts, int m, RandomGenerator rng, int[] aliveIndex, double[] cumulative) {
        int alive = 0;
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                running += counts[i];
                aliveIndex[alive] = i;
                cumulative[alive] = running;
                alive++;
            }
            counts[i] = 0;
        }
        for (int draw = 0; draw < m; draw++) {
            counts[aliveIndex[Sampling.firstAbove(cumulative, alive, rng.nextInt(m))]]++;
        }
    }

    private static void record(double[][] values, int t, double[] p, double[] p0, int[] extinction) {
        int surviving = 0;
        double squares = 0;
        double entropy = 0;
        double lost = 0;
        double variation = 0;
        for (int i = 0; i < p.length; i++) {
            double v = p[i];
            if (v > 0) {
                surviving++;
                squares += v * v;
                entropy -= v * Math.log(v);
            } else {
                lost += p0[i];
                if (extinction[i] < 0) {
                    extinction[i] = t;
                }
            }
            variation += Math.abs(v - p0[i]);
        }
        values[CategoricalMetric.SURVIVING.ordinal()][t] = surviving;
        values[CategoricalMetric.GINI_SIMPSON.ordinal()][t] = 1 - squares;
        values[CategoricalMetric.ENTROPY.ordinal()][t] = entropy;
        values[CategoricalMetric.LOST_MASS.ordinal()][t] = lost;
        values[CategoricalMetric.TOTAL_VARIATION.ordinal()][t] = 0.5 * variation;
    }
}
