package io.github.genailab.benchmarks.watermark;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.ReferenceScheme;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to watermark one 50,257-wide logits row (gamma = 0.25, delta = 2): the generation processor per step.
 *
 * <p>The context token changes every call (a cycle of 4096 random ids), so the reference memo is cold unless
 * stated ("WarmMemo" reuses one context). Baseline: the reference's cost model, a full {@code randperm(V)} per
 * step, then {@code logits[perm[:k]] += delta}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessorBenchmark {

    private static final int V = 50_257;
    private static final double GAMMA = 0.25;

    private double[] logits;
    private int[] contexts;
    private int next;
    private WatermarkLogitsProcessor referenceCold;
    private WatermarkLogitsProcessor referenceWarm;
    private WatermarkLogitsProcessor keyed;
    private WatermarkLogitsProcessor keyedExact;
    private int k;

    @Setup(Level.Trial)
    public void setUp() {
        RandomGenerator rng = Rngs.seeded(7);
        logits = rng.doubles(V).toArray();
        contexts = rng.ints(4096, 0, V).toArray();
        ReferenceScheme lefthash = WatermarkScheme.reference("lefthash", V, GAMMA, 2.0);
        referenceCold = WatermarkLogitsProcessor.of(lefthash.withCacheCapacity(0));
        referenceWarm = WatermarkLogitsProcessor.of(lefthash);
        WatermarkKey key = WatermarkKey.of(11, 12);
        keyed = WatermarkLogitsProcessor.of(WatermarkScheme.keyed(key, 1, false, V, GAMMA, 2.0));
        keyedExact = WatermarkLogitsProcessor.of(WatermarkScheme.keyedExactSize(key, 1, false, V, GAMMA, 2.0));
        k = (int) (V * GAMMA);
    }

    private int[] context() {
        next = (next + 1) & 4095;
        return new int[] {contexts[next]};
    }

    @Benchmark
    public double[] referenceLefthash() {
        referenceCold.process(context(), 1, logits);
        return logits;
    }

    @Benchmark
    public double[] referenceLefthashWarmMemo() {
        referenceWarm.process(new int[] {contexts[0]}, 1, logits);
        return logits;
    }

    @Benchmark
    public double[] keyed() {
        keyed.process(context(), 1, logits);
        return logits;
    }

    @Benchmark
    public double[] keyedExactSize() {
        keyedExact.process(context(), 1, logits);
        return logits;
    }

    /** Baseline: a full randperm(V) per step, then bias its first k entries. */
    @Benchmark
    public double[] baselineFullPermutation() {
        return Baselines.biasByFullPermutation(logits, context()[0], k, 2.0);
    }
}
