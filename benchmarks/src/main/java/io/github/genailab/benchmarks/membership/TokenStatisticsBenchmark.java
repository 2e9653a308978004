package io.github.genailab.benchmarks.membership;

import io.github.genailab.membership.TokenStatistics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-token statistics for Min-K%++ (log p of the target, mean and standard deviation of log p)
 * from a float32 logits matrix [1024 x 50,257] (GPT-2's vocabulary; 206 MB, far larger than any
 * cache, so every row comes from main memory).
 *
 * <ul>
 *   <li>{@code memoryPass}: one memory-bandwidth pass: every row copied ({@link System#arraycopy}, a
 *       memcpy) into one reused row buffer that stays in cache;</li>
 *   <li>{@code rowMaxima}: one scalar read of every logit keeping the row maximum (the baseline the
 *       first measurements used; a dependent chain of {@code Math.max}, so bound by compute, not by
 *       memory: about twice the memory pass);</li>
 *   <li>{@code naiveDouble}: the straightforward port, {@code Math.exp} in double, three passes per row
 *       (max, sum of exp and of p log p, variance);</li>
 *   <li>{@code fromLogitsFloat}: {@link TokenStatistics#fromLogits(float[][], int[])} on a default JVM
 *       (the portable kernel);</li>
 *   <li>{@code fromLogitsFloatVectorApi}: the same call on a JVM started with
 *       {@code --add-modules jdk.incubator.vector} (the Vector API kernel).</li>
 * </ul>
 * Target (issue 5): within 2x of one memory-bandwidth pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TokenStatisticsBenchmark {

    private static final int VOCABULARY = LogitsMatrix.VOCABULARY;

    private float[][] logits;
    private int[] targets;
    private final float[] rowBuffer = new float[VOCABULARY];

    /** The seeded matrix of {@link LogitsMatrix}. */
    @Setup(Level.Trial)
    public void setUp() {
        LogitsMatrix matrix = LogitsMatrix.create();
        logits = matrix.logits();
        targets = matrix.targets();
    }

    /**
     * Baseline: one memory-bandwidth pass, every row copied into a buffer that stays in cache.
     *
     * @return one copied value per row, summed (so the copies cannot be skipped)
     */
    @Benchmark
    public double memoryPass() {
        double total = 0;
        for (float[] row : logits) {
            System.arraycopy(row, 0, rowBuffer, 0, VOCABULARY);
            total += rowBuffer[VOCABULARY - 1];
        }
        return total;
    }

    /**
     * Baseline: one scalar read of every logit, keeping each row's maximum.
     *
     * @return the sum of the row maxima
     */
    @Benchmark
    public double rowMaxima() {
        double total = 0;
        for (float[] row : logits) {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            total += max;
        }
        return total;
    }

    /**
     * Baseline: the straightforward double-precision port.
     *
     * @return the sum of the three statistics over all rows
     */
    @Benchmark
    public double naiveDouble() {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            float[] row = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double first = 0;
            for (float v : row) {
                double e = Math.exp(v - max);
                sum += e;
                first += e * (v - max);
            }
            double mean = first / sum;
            double second = 0;
            for (float v : row) {
                double d = v - max - mean;
                second += Math.exp(v - max) * d * d;
            }
            double logSum = Math.log(sum);
            total += (row[targets[i]] - max - logSum) + (mean - logSum) + Math.sqrt(second / sum);
        }
        return total;
    }

    /**
     * The library's fast path.
     *
     * @return the statistics
     */
    @Benchmark
    public TokenStatistics fromLogitsFloat() {
        return TokenStatistics.fromLogits(logits, targets);
    }

    /**
     * The library's fast path with the Vector API kernel enabled.
     *
     * @return the statistics
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
    public TokenStatistics fromLogitsFloatVectorApi() {
        return TokenStatistics.fromLogits(logits, targets);
    }
}
