package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.GenerationTable;
import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a recursive Gaussian-mixture refit: per generation the moment-matched mean and covariance,
 * the components' weights and RMS standard deviations, distances to the original and to the first fit,
 * the held-out log-likelihood, the sampled tail fraction and the EM diagnostics; plus whole mixtures at
 * the snapshot generations.
 *
 * <p>Index 0 is the original Gaussian (a one-component mixture); index {@code n} is the {@code n}-th
 * fit, so the notebook's "iteration m" (m = 0 is the fit to real data) is our generation {@code m + 1}.
 * Per-generation metrics:
 * <ul>
 *   <li>{@code l2SquaredToFirstFit[n]} = L2^2(fit 1, model n), the authors' distance (closed form);
 *       at index 0, L2^2(fit 1, original) (0 when G = 0);</li>
 *   <li>{@code w2SquaredToOriginal[n]} = W2^2 between the moment-matched Gaussian of model n and the
 *       original (mixture W2 has no closed form; this summary ignores the split into components);</li>
 *   <li>{@code heldOutLogLikelihood[n]}: mean log-likelihood of a fixed set of original points;</li>
 *   <li>{@code tailFraction[n]}: fraction of the {@code N} points drawn from model n (the next
 *       generation's data) outside the original's {@code 3 sigma} Mahalanobis ellipsoid (the region of
 *       original mass 0.0026998), a Monte-Carlo estimate of the model's tail mass; exact at index 0.</li>
 * </ul>
 *
 * @param options the settings that produced the run
 * @param means {@code (G+1) x d} mixture means
 * @param covariances {@code (G+1) x d x d} mixture covariances (moment-matched)
 * @param weights per generation the component weights (length 1 at index 0, K after)
 * @param componentStds per generation each component's {@code sqrt(tr S_k / d)}
 * @param l2SquaredToFirstFit see above
 * @param w2SquaredToOriginal see above
 * @param heldOutLogLikelihood see above
 * @param tailFraction see above
 * @param emIterations EM iterations of each fit (0 at index 0)
 * @param converged whether each fit converged (true at index 0)
 * @param snapshots the mixtures at {@link MixtureRefitOptions#snapshotGenerations()} that are at most G,
 *     in that order
 *
 * @since 0.1.0
 */
public record MixtureTrajectory(MixtureRefitOptions options, double[][] means, double[][][] covariances,
        double[][] weights, double[][] componentStds, double[] l2SquaredToFirstFit, double[] w2SquaredToOriginal,
        double[] heldOutLogLikelihood, double[] tailFraction, int[] emIterations, boolean[] converged,
        List<GaussianMixture> snapshots) implements GenerationTable {

    /**
     * Checks shapes and copies the arrays.
     *
     * @param options the settings that produced the run
     * @param means {@code (G+1) x d} mixture means
     * @param covariances {@code (G+1) x d x d} mixture covariances (moment-matched)
     * @param weights per generation the component weights (length 1 at index 0, K after)
     * @param componentStds per generation each component's {@code sqrt(tr S_k / d)}
     * @param l2SquaredToFirstFit see above
     * @param w2SquaredToOriginal see above
     * @param heldOutLogLikelihood see above
     * @param tailFraction see above
     * @param emIterations EM iterations of each fit (0 at index 0)
     * @param converged whether each fit converged (true at index 0)
     * @param snapshots the mixtures at {@link MixtureRefitOptions#snapshotGenerations()} that are at most G,
     *     in that order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a per-generation array does not have {@code G + 1} entries or
     *     the snapshot count is wrong
     */
    public MixtureTrajectory {
        Checks.notNull(options, "options");
        int length = options.generations() + 1;
        check(Checks.notNull(means, "means").length, length, "means");
        check(Checks.notNull(covariances, "covariances").length, length, "covariances");
        check(Checks.notNull(weights, "weights").length, length, "weights");
        check(Checks.notNull(componentStds, "componentStds").length, length, "componentStds");
        check(Checks.notNull(l2SquaredToFirstFit, "l2SquaredToFirstFit").length, length, "l2SquaredToFirstFit");
        check(Checks.notNull(w2SquaredToOriginal, "w2SquaredToOriginal").length, length, "w2SquaredToOriginal");
        check(Checks.notNull(heldOutLogLikelihood, "heldOutLogLikelihood").length, length, "heldOutLogLikelihood");
        check(Checks.notNull(tailFraction, "tailFraction").length, length, "tailFraction");
        check(Checks.notNull(emIterations, "emIterations").length, length, "emIterations");
        check(Checks.notNull(converged, "converged").length, length, "converged");
        snapshots = Checks.noNullElements(snapshots, "snapshots");
        check(snapshots.size(), snapshotGenerationsUpTo(options).length, "snapshots");
        means = Copies.deepCopy(means, "means");
        covariances = Copies.deepCopy(covariances, "covariances");
        weights = Copies.deepCopy(weights, "weights");
        componentStds = Copies.deepCopy(componentStds, "componentStds");
        l2SquaredToFirstFit = l2SquaredToFirstFit.clone();
        w2SquaredToOriginal = w2SquaredToOriginal.clone();
        heldOutLogLikelihood = heldOutLogLikelihood.clone();
        tailFraction = tailFraction.clone();
        emIterations = emIterations.clone();
        converged = converged.clone();
    }

    private static void check(int actual, int expected, String name) {
        Checks.sameLength(actual, expected, name, "expected entries");
    }

    static int[] snapshotGenerationsUpTo(MixtureRefitOptions options) {
        return Arrays.stream(options.snapshotGenerations()).filter(g -> g <= options.generations()).toArray();
    }

    /**
     * Number of fits G.
     *
     * @return G
     */
    public int generations() {
        return options.generations();
    }

    /**
     * The largest component RMS standard deviation of each generation: below 0.1 at generation 2000
     * with N = 1000 in the notebook's setting, not with N = 10,000 (docs/collapse-theory.md,
     * 'Predictions', items 20-21).
     *
     * @return {@code G + 1} values
     */
    public double[] maxComponentStd() {
        double[] out = new double[componentStds.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = Arrays.stream(componentStds[n]).max().orElse(0);
        }
        return out;
    }

    /**
     * The generations whose mixtures are in {@link #snapshots()}.
     *
     * @return sorted generations, at most G
     */
    public int[] snapshotGenerations() {
        return snapshotGenerationsUpTo(options);
    }

    /**
     * The mixture kept at one snapshot generation.
     *
     * @param generation one of {@link #snapshotGenerations()}
     * @return the mixture (index 0: the original as a one-component mixture)
     * @throws IllegalArgumentException if no snapshot was kept at that generation
     */
    public GaussianMixture snapshot(int generation) {
        int i = Arrays.binarySearch(snapshotGenerations(), generation);
        if (i < 0) {
            throw Checks.fail("generation", "be one of the snapshot generations "
                    + Arrays.toString(snapshotGenerations()), generation);
        }
        return snapshots.get(i);
    }

    /**
     * The mixture means (a copy).
     *
     * @return {@code (G+1) x d}
     */
    @Override
    public double[][] means() {
        return Copies.deepCopy(means, "means");
    }

    /**
     * The moment-matched covariances (a copy).
     *
     * @return {@code (G+1) x d x d}
     */
    @Override
    public double[][][] covariances() {
        return Copies.deepCopy(covariances, "covariances");
    }

    /**
     * The component weights (a copy).
     *
     * @return per generation
     */
    @Override
    public double[][] weights() {
        return Copies.deepCopy(weights, "weights");
    }

    /**
     * The component RMS standard deviations (a copy).
     *
     * @return per generation
     */
    @Override
    public double[][] componentStds() {
        return Copies.deepCopy(componentStds, "componentStds");
    }

    /**
     * L2^2 to the first fit (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public double[] l2SquaredToFirstFit() {
        return l2SquaredToFirstFit.clone();
    }

    /**
     * Moment-matched W2^2 to the original (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public double[] w2SquaredToOriginal() {
        return w2SquaredToOriginal.clone();
    }

    /**
     * Held-out log-likelihood (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public double[] heldOutLogLikelihood() {
        return heldOutLogLikelihood.clone();
    }

    /**
     * Sampled tail fraction (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public double[] tailFraction() {
        return tailFraction.clone();
    }

    /**
     * EM iterations (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public int[] emIterations() {
        return emIterations.clone();
    }

    /**
     * EM convergence flags (a copy).
     *
     * @return {@code G + 1} values
     */
    @Override
    public boolean[] converged() {
        return converged.clone();
    }

    /**
     * CSV: {@code generation}, {@code mean_j}, {@code trace}, {@code max_component_std},
     * {@code l2_squared_to_first_fit}, {@code w2_squared_to_original}, {@code held_out_log_likelihood},
     * {@code tail_fraction}, {@code em_iterations}, {@code converged} (1/0).
     *
     * @return the CSV text
     */
    @Override
    public String toCsv() {
        int length = means.length;
        int d = options.dimension();
        Csv csv = new Csv().add("generation", Csv.index(length)).addColumns("mean_", means, d);
        double[] trace = new double[length];
        long[] iterations = new long[length];
        long[] flags = new long[length];
        for (int n = 0; n < length; n++) {
            trace[n] = Linalg.trace(Linalg.flatten(covariances[n]), d);
            iterations[n] = emIterations[n];
            flags[n] = converged[n] ? 1 : 0;
        }
        return csv.add("trace", trace).add("max_component_std", maxComponentStd())
                .add("l2_squared_to_first_fit", l2SquaredToFirstFit).add("w2_squared_to_original", w2SquaredToOriginal)
                .add("held_out_log_likelihood", heldOutLogLikelihood).add("tail_fraction", tailFraction)
                .add("em_iterations", iterations).add("converged", flags).build();
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MixtureTrajectory t && options.equals(t.options) && Arrays.deepEquals(means, t.means)
                && Arrays.deepEquals(covariances, t.covariances) && Arrays.deepEquals(weights, t.weights)
                && Arrays.deepEquals(componentStds, t.componentStds)
                && Arrays.equals(l2SquaredToFirstFit, t.l2SquaredToFirstFit)
                && Arrays.equals(w2SquaredToOriginal, t.w2SquaredToOriginal)
                && Arrays.equals(heldOutLogLikelihood, t.heldOutLogLikelihood)
                && Arrays.equals(tailFraction, t.tailFraction) && Arrays.equals(emIterations, t.emIterations)
                && Arrays.equals(converged, t.converged) && snapshots.equals(t.snapshots);
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * options.hashCode() + Arrays.deepHashCode(means)) + Arrays.hashCode(l2SquaredToFirstFit);
    }

    /**
     * One line: settings, and at the last generation the mean, largest component std, L2^2 to the first
     * fit and W2^2 to the original.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = generations();
        return "MixtureTrajectory[" + options + ": at n=" + g + " mean=" + Formats.tuple(means[g], 4)
                + ", component stds=" + Formats.tuple(componentStds[g], 4) + ", L2^2 to first fit="
                + Formats.significant(l2SquaredToFirstFit[g], 4) + ", W2^2 to original=" + Formats.significant(w2SquaredToOriginal[g], 4)
                + "]";
    }
}
