package io.github.genailab.spark;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * The grid of a collapse sweep ({@link SparkCollapse#sweep}): every combination of samples per generation and
 * generations, crossed with every estimator and workflow for the recursive Gaussian and with every mixture size
 * for the recursive Gaussian mixture, each run {@code runs} times with seeds derived from the grid point.
 *
 * <pre>
 *   Gaussian points  = samplesPerGeneration x generations x estimators x workflows
 *   mixture points   = samplesPerGeneration x generations x mixtureComponents     (1-D, N(0, 1) original)
 *   runs in total    = (Gaussian points + mixture points) x runs
 * </pre>
 * An empty {@code estimators} or {@code workflows} list leaves out the Gaussian points, an empty
 * {@code mixtureComponents} list (the default) the mixture points.
 *
 * @param samplesPerGeneration the sample sizes M (N for mixtures), each at least 2, not empty
 * @param generations the numbers of refits G, each at least 0, not empty
 * @param estimators the variance estimators of the Gaussian refits
 * @param workflows the data workflows of the Gaussian refits
 * @param mixtureComponents the mixture sizes K, each at least 1
 * @param runs the runs per grid point, at least 1
 * @param seed the sweep's seed, from which every run's seed is derived
 *
 * @since 0.1.0
 */
public record CollapseSweepOptions(List<Integer> samplesPerGeneration, List<Integer> generations,
        List<VarianceEstimator> estimators, List<Workflow> workflows, List<Integer> mixtureComponents, int runs,
        long seed) {

    /**
     * Validates and copies the lists.
     *
     * @param samplesPerGeneration the sample sizes M (N for mixtures), each at least 2, not empty
     * @param generations the numbers of refits G, each at least 0, not empty
     * @param estimators the variance estimators of the Gaussian refits
     * @param workflows the data workflows of the Gaussian refits
     * @param mixtureComponents the mixture sizes K, each at least 1
     * @param runs the runs per grid point, at least 1
     * @param seed the sweep's seed
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if a value is out of range or the grid has no point (naming it)
     */
    public CollapseSweepOptions {
        samplesPerGeneration = List.copyOf(Checks.noNullElements(samplesPerGeneration, "samplesPerGeneration"));
        generations = List.copyOf(Checks.noNullElements(generations, "generations"));
        estimators = List.copyOf(Checks.noNullElements(estimators, "estimators"));
        workflows = List.copyOf(Checks.noNullElements(workflows, "workflows"));
        mixtureComponents = List.copyOf(Checks.noNullElements(mixtureComponents, "mixtureComponents"));
        if (samplesPerGeneration.isEmpty() || generations.isEmpty()) {
            throw Checks.fail(samplesPerGeneration.isEmpty() ? "samplesPerGeneration" : "generations",
                    "not be empty", "[]");
        }
        for (int i = 0; i < samplesPerGeneration.size(); i++) {
            if (samplesPerGeneration.get(i) < 2) {
                throw Checks.fail("samplesPerGeneration[" + i + "]", "be >= 2", samplesPerGeneration.get(i));
            }
        }
        for (int i = 0; i < generations.size(); i++) {
            Checks.nonNegative(generations.get(i), "generations[" + i + "]");
        }
        for (int i = 0; i < mixtureComponents.size(); i++) {
            Checks.positive(mixtureComponents.get(i), "mixtureComponents[" + i + "]");
        }
        if ((estimators.isEmpty() || workflows.isEmpty()) && mixtureComponents.isEmpty()) {
            throw Checks.fail("estimators, workflows and mixtureComponents", "give at least one grid point",
                    "no Gaussian and no mixture point");
        }
        Checks.positive(runs, "runs");
    }

    /**
     * A small grid: M in {10, 100}, 50 generations, both estimators, replace and accumulate, no mixtures, 4 runs,
     * seed 42 (32 runs).
     *
     * @return the defaults
     */
    public static CollapseSweepOptions defaults() {
        return new CollapseSweepOptions(List.of(10, 100), List.of(50), List.of(VarianceEstimator.values()),
                List.of(Workflow.replace(), Workflow.accumulate()), List.of(), 4, 42);
    }

    /**
     * Returns a copy with other sample sizes.
     *
     * @param values the sample sizes, each at least 2
     * @return the new options
     */
    public CollapseSweepOptions withSamplesPerGeneration(int... values) {
        return new CollapseSweepOptions(boxed(values, "samplesPerGeneration"), generations, estimators, workflows,
                mixtureComponents, runs, seed);
    }

    /**
     * Returns a copy with other numbers of generations.
     *
     * @param values the generation counts, each at least 0
     * @return the new options
     */
    public CollapseSweepOptions withGenerations(int... values) {
        return new CollapseSweepOptions(samplesPerGeneration, boxed(values, "generations"), estimators, workflows,
                mixtureComponents, runs, seed);
    }

    /**
     * Returns a copy with other estimators (none: no Gaussian points).
     *
     * @param values the estimators
     * @return the new options
     */
    public CollapseSweepOptions withEstimators(VarianceEstimator... values) {
        return new CollapseSweepOptions(samplesPerGeneration, generations,
                Arrays.asList(Checks.notNull(values, "estimators")), workflows, mixtureComponents, runs, seed);
    }

    /**
     * Returns a copy with other workflows (none: no Gaussian points).
     *
     * @param values the workflows
     * @return the new options
     */
    public CollapseSweepOptions withWorkflows(Workflow... values) {
        return new CollapseSweepOptions(samplesPerGeneration, generations, estimators,
                Arrays.asList(Checks.notNull(values, "workflows")), mixtureComponents, runs, seed);
    }

    /**
     * Returns a copy with other mixture sizes (none: no mixture points).
     *
     * @param values the component counts, each at least 1
     * @return the new options
     */
    public CollapseSweepOptions withMixtureComponents(int... values) {
        return new CollapseSweepOptions(samplesPerGeneration, generations, estimators, workflows,
                boxed(values, "mixtureComponents"), runs, seed);
    }

    /**
     * Returns a copy with another number of runs per point.
     *
     * @param value the runs, at least 1
     * @return the new options
     */
    public CollapseSweepOptions withRuns(int value) {
        return new CollapseSweepOptions(samplesPerGeneration, generations, estimators, workflows, mixtureComponents,
                value, seed);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param value the seed
     * @return the new options
     */
    public CollapseSweepOptions withSeed(long value) {
        return new CollapseSweepOptions(samplesPerGeneration, generations, estimators, workflows, mixtureComponents,
                runs, value);
    }

    /**
     * The number of runs the sweep makes.
     *
     * @return (Gaussian points + mixture points) x runs
     */
    public long runCount() {
        long sizes = (long) samplesPerGeneration.size() * generations.size();
        return sizes * ((long) estimators.size() * workflows.size() + mixtureComponents.size()) * runs;
    }

    /**
     * One line with the grid.
     *
     * @return e.g. {@code "CollapseSweepOptions[M=[10, 100], G=[50], estimators=[UNBIASED, MLE], ...]"}
     */
    @Override
    public String toString() {
        return "CollapseSweepOptions[M=" + samplesPerGeneration + ", G=" + generations + ", estimators=" + estimators
                + ", workflows=" + workflows + ", mixtureComponents=" + mixtureComponents + ", runs=" + runs
                + ", seed=" + seed + ": " + runCount() + " runs]";
    }

    private static List<Integer> boxed(int[] values, String name) {
        return Arrays.stream(Checks.notNull(values, name)).boxed().toList();
    }
}
