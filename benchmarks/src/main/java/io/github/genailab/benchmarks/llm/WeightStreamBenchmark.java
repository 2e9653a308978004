package io.github.genailab.benchmarks.llm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The memory-bandwidth floor of one decoding step: moving as many bytes as the weights a step reads.
 * A single-token step reads every weight matrix once (GPT-2 small: 84.9 M floats of blocks plus the
 * 38.6 M-float tied head, 494 MB; SmolLM2-135M: 106.2 M + 28.3 M floats, 538 MB).
 * <ul>
 *   <li>{@code copy}: {@link System#arraycopy} of that many bytes (a memcpy: reads and writes them);</li>
 *   <li>{@code read}: a Vector API sum of every float, split in two halves over 2 threads as the
 *       model's matrix products are (a read and nothing else).</li>
 * </ul>
 * Floor per token = the time of one pass; decode can approach the {@code read} floor, never beat it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--add-modules=jdk.incubator.vector"})
public class WeightStreamBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Floats read per decoding step. */
    @Param({"123532032", "134479872"})
    public int floats;

    private float[] weights;
    private float[] target;

    /** Random contents, so that nothing is a page of zeros. */
    @Setup(Level.Trial)
    public void setUp() {
        weights = new float[floats];
        target = new float[floats];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < floats; i++) {
            weights[i] = (float) rng.nextDouble();
        }
    }

    /**
     * One memcpy of the weights (one thread).
     *
     * @return a copied value
     */
    @Benchmark
    public float copy() {
        System.arraycopy(weights, 0, target, 0, floats);
        return target[floats - 1];
    }

    /** Per-thread half of the read. */
    @State(Scope.Thread)
    public static class Half {
        int index;

        /**
         * Assigns halves 0 and 1 to the two benchmark threads.
         *
         * @param bench the shared state
         */
        @Setup(Level.Trial)
        public void pick(WeightStreamBenchmark bench) {
            synchronized (bench) {
                index = bench.nextHalf++;
            }
        }
    }

    private int nextHalf;

    /**
     * Reads every weight once, two threads each reading one half.
     *
     * @param half which half this thread reads
     * @return the sum of the half
     */
    @Benchmark
    @Threads(2)
    public float read(Half half) {
        int n = floats / 2 - (floats / 2) % (2 * S.length());
        int from = (half.index % 2) * n;
        FloatVector a = FloatVector.zero(S);
        FloatVector b = FloatVector.zero(S);
        for (int i = from; i < from + n; i += 2 * S.length()) {
            a = a.add(FloatVector.fromArray(S, weights, i));
            b = b.add(FloatVector.fromArray(S, weights, i + S.length()));
        }
        return a.add(b).reduceLanes(VectorOperators.ADD);
    }
}
