package io.github.genailab.benchmarks.membership;

import io.github.genailab.core.math.PairwiseSum;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.membership.MinKProb;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Min-K% Prob on 10^6 token log-probabilities: partial selection ({@link MinKProb#score}) against the
 * reference's full sort ({@code np.sort(x)[:m]} then the pairwise mean). Both give the same bits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class MinKSelectionBenchmark {

    /** The fraction of tokens averaged. */
    @Param({"0.05", "0.2", "0.6"})
    public double k;

    private double[] logProbs;

    /** 10^6 log-probabilities from an exponential distribution (mean 2 nats). */
    @Setup(Level.Trial)
    public void setUp() {
        RandomGenerator rng = Rngs.seeded(99);
        logProbs = new double[1_000_000];
        for (int i = 0; i < logProbs.length; i++) {
            logProbs[i] = -2 * rng.nextExponential();
        }
    }

    /**
     * Baseline: sort everything, average the prefix.
     *
     * @return Min-K%
     */
    @Benchmark
    public double fullSort() {
        double[] sorted = logProbs.clone();
        Arrays.sort(sorted);
        int m = Math.max(1, (int) (sorted.length * k));
        return PairwiseSum.sum(sorted, 0, m) / m;
    }

    /**
     * Partial selection, then a sort of the selection only.
     *
     * @return Min-K%
     */
    @Benchmark
    public double partialSelection() {
        return MinKProb.score(logProbs, k);
    }
}
