package io.github.genailab.benchmarks.membership;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The strictest floor for {@link TokenStatisticsBenchmark}: a read of every logit of the same matrix
 * and nothing else, summed lane-wise with the Vector API (two accumulators, so the adds never wait on
 * each other). A scalar or auto-vectorised Java loop cannot read this fast: Java fixes the order of a
 * float sum, and HotSpot 17's vectorised int reduction and {@code System.arraycopy} are both slower.
 * In its own class because it needs {@code --add-modules jdk.incubator.vector} in its fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules=jdk.incubator.vector"})
public class VectorReadBenchmark {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private float[][] logits;

    /** The seeded matrix of {@link LogitsMatrix}. */
    @Setup(Level.Trial)
    public void setUp() {
        logits = LogitsMatrix.create().logits();
    }

    /**
     * Reads every logit once.
     *
     * @return the sum of all logits (whole vectors of each row; the tails are a few values)
     */
    @Benchmark
    public double readPass() {
        double total = 0;
        int step = 2 * SPECIES.length();
        for (float[] row : logits) {
            FloatVector even = FloatVector.zero(SPECIES);
            FloatVector odd = FloatVector.zero(SPECIES);
            for (int j = 0; j + step <= row.length; j += step) {
                even = even.add(FloatVector.fromArray(SPECIES, row, j));
                odd = odd.add(FloatVector.fromArray(SPECIES, row, j + SPECIES.length()));
            }
            total += even.add(odd).reduceLanes(VectorOperators.ADD);
        }
        return total;
    }
}
