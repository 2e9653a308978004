package io.github.genailab.benchmarks.collapse;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.core.math.Rngs;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 1-D refit at the size: 1000 runs x 2000 generations x M = 100 (the MLE, the authors'
 * notebook estimator), with full sampling and with the sufficient-statistic sampler, against a naive
 * port of the notebook loop (draw M points into an array, two-pass mean and variance, per run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RecursiveGaussianBenchmark {

    private static final int RUNS = 1000;
    private static final int GENERATIONS = 2000;
    private static final int M = 100;

    /** Worker threads for the library's runs (the naive baseline is single-threaded). */
    @State(Scope.Benchmark)
    public static class Threads {
        @Param({"1", "2"})
        public int threads;
    }

    private final RefitOptions full = RefitOptions.defaults().withSamplesPerGeneration(M).withGenerations(GENERATIONS)
            .withEstimator(VarianceEstimator.MLE);

    /** Full sampling: every one of the 2e8 points is drawn. */
    @Benchmark
    public GaussianEnsemble fullSampling(Threads t) {
        return RecursiveGaussian.simulateRuns(full, RUNS, Rngs.seeded(1), t.threads);
    }

    /** Sufficient statistics: a normal mean and a chi-square scatter per generation. */
    @Benchmark
    public GaussianEnsemble sufficientStatistics(Threads t) {
        return RecursiveGaussian.simulateRuns(full.withSampler(Sampler.SUFFICIENT_STATISTICS), RUNS, Rngs.seeded(1),
                t.threads);
    }

    /** Baseline: the notebook's loop ported literally (single thread). */
    @Benchmark
    public double[][] naiveFullSampling() {
        RandomGenerator rng = Rngs.seeded(1);
        double[][] sigmas = new double[RUNS][GENERATIONS + 1];
        double[] x = new double[M];
        for (int run = 0; run < RUNS; run++) {
            double mu = 0;
            double sigma = 1;
            sigmas[run][0] = sigma;
            for (int g = 1; g <= GENERATIONS; g++) {
                for (int i = 0; i < M; i++) {
                    x[i] = mu + sigma * rng.nextGaussian();
                }
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= M;
                double ss = 0;
                for (double v : x) {
                    ss += (v - mean) * (v - mean);
                }
                mu = mean;
                sigma = Math.sqrt(ss / M);
                sigmas[run][g] = sigma;
            }
        }
        return sigmas;
    }
}
