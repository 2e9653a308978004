package io.github.genailab.benchmarks.collapse;

import io.github.genailab.collapse.mixture.MixtureRefitOptions;
import io.github.genailab.collapse.mixture.MixtureTrajectory;
import io.github.genailab.collapse.mixture.RecursiveMixture;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the paper's GMM collapse configuration at full size (predictions 20-21 of
 * docs/collapse-theory.md), too slow for a unit
 * test: 2-D N(0, I), K = 2, 2000 generations, EM tol 1e-5 / max_iter 2000 / reg 1e-6, at a given N,
 * for the given seeds, and prints one table row per seed.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.github.genailab.benchmarks.collapse.GmmCollapseReport N GENERATIONS SEED...
 *   e.g. ... GmmCollapseReport 1000 2000 1 2 3   and   ... GmmCollapseReport 10000 2000 1
 * </pre>
 */
public final class GmmCollapseReport {

    private GmmCollapseReport() {
    }

    /**
     * Runs the report.
     *
     * @param args N, generations, then one or more seeds
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int generations = Integer.parseInt(args[1]);
        MixtureRefitOptions options = MixtureRefitOptions.defaults().withSamplesPerGeneration(n)
                .withGenerations(generations).withSnapshotGenerations();
        System.out.println("| N | seed | max comp. std @50 | comp. stds @" + generations + " | L2^2 to first fit | "
                + "W2^2 to N(0,I) (moment) | mixture mean | tail fraction | mean EM iters | non-converged fits | "
                + "seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int s = 2; s < args.length; s++) {
            long seed = Long.parseLong(args[s]);
            long start = System.nanoTime();
            MixtureTrajectory t = RecursiveMixture.simulate(options, Rngs.seeded(seed), (stage, done, total) -> {
                if (done % 250 == 0) {
                    System.err.printf(Locale.ROOT, "N=%d seed=%d: generation %d/%d%n", n, seed, done, total);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            int g = generations;
            long notConverged = 0;
            for (boolean c : t.converged()) {
                notConverged += c ? 0 : 1;
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %.3f | %s | %.4g | %.3f | %s | %.4f | %.1f | %d | %.0f |%n", n,
                    seed, t.maxComponentStd()[Math.min(50, g)], format(t.componentStds()[g]),
                    t.l2SquaredToFirstFit()[g], t.w2SquaredToOriginal()[g], format(t.means()[g]), t.tailFraction()[g],
                    Arrays.stream(t.emIterations()).skip(1).average().orElse(0), notConverged, seconds);
        }
    }

    private static String format(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[i]));
        }
        return s.append(')').toString();
    }
}
