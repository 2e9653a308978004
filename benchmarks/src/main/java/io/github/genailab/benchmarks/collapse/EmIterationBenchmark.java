package io.github.genailab.benchmarks.collapse;

import io.github.genailab.collapse.mixture.EmOptions;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.collapse.mixture.GaussianMixtureEm;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EM on N = 100,000 points, K = 8 full-covariance components, d = 2 and d = 10: two iterations from
 * the same starting mixture, GenAI Lab's {@link GaussianMixtureEm#fitFrom} against Commons Math 3.6.1's
 * {@link MultivariateNormalMixtureExpectationMaximization} (whose {@code fit(mixture, 1, threshold)}
 * runs exactly two passes of its loop before giving up with a {@link ConvergenceException}). Seconds per
 * iteration = score / 2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EmIterationBenchmark {

    private static final int N = 100_000;
    private static final int K = 8;

    @Param({"2", "10"})
    public int dimension;

    private double[][] data;
    private GaussianMixture start;
    private MixtureMultivariateNormalDistribution commonsStart;
    private EmOptions twoIterations;

    @Setup(Level.Trial)
    public void setUp() {
        RandomGenerator rng = Rngs.seeded(42);
        double[] weights = new double[K];
        double[][] means = new double[K][dimension];
        double[][][] covariances = new double[K][dimension][dimension];
        for (int c = 0; c < K; c++) {
            weights[c] = 1.0 / K;
            for (int j = 0; j < dimension; j++) {
                means[c][j] = 4 * rng.nextGaussian();
                covariances[c][j][j] = 0.5 + rng.nextDouble();
            }
        }
        GaussianMixture truth = GaussianMixture.of(weights, means, covariances);
        data = truth.sample(N, rng);
        start = GaussianMixtureEm.fit(data, K, EmOptions.defaults().withMaxIterations(0), Rngs.seeded(7));
        List<Pair<Double, MultivariateNormalDistribution>> components = new ArrayList<>();
        for (int c = 0; c < K; c++) {
            components.add(new Pair<>(start.weights()[c],
                    new MultivariateNormalDistribution(start.means()[c], start.covariances()[c])));
        }
        commonsStart = new MixtureMultivariateNormalDistribution(components);
        twoIterations = EmOptions.defaults().withTolerance(0).withMaxIterations(2).withRegularization(0);
    }

    /** Two EM iterations with GenAI Lab. */
    @Benchmark
    public GaussianMixture genailabTwoIterations() {
        return GaussianMixtureEm.fitFrom(data, start, twoIterations);
    }

    /** Two EM iterations with Commons Math 3.6.1 (it throws when not converged; the fit is done by then). */
    @Benchmark
    public MultivariateNormalMixtureExpectationMaximization commonsMathTwoIterations() {
        MultivariateNormalMixtureExpectationMaximization em =
                new MultivariateNormalMixtureExpectationMaximization(data);
        try {
            em.fit(commonsStart, 1, Double.MIN_VALUE);
        } catch (ConvergenceException expected) {
            // two passes done: the benchmark measures their cost
        }
        return em;
    }
}
