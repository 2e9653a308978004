package io.github.genailab.benchmarks.watermark;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.ReferenceScheme;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The JMH cases of {@link DetectionBenchmark} and {@link ProcessorBenchmark} timed in <em>thread CPU time</em>
 * instead of wall-clock time, for a shared machine where the scheduler, not the code, dominates wall-clock
 * numbers. Each case runs a warm-up, then a timed loop; the result is CPU nanoseconds per operation.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.genailab.benchmarks.watermark.WatermarkCpuTime}.
 * CPU time still includes cache and hyper-thread contention from other processes, so treat it as an upper bound.
 */
public final class WatermarkCpuTime {

    private static final int V = 50_257;
    private static final double GAMMA = 0.25;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static Object sink;

    private WatermarkCpuTime() {
    }

    private static double cpuNanosPerOp(IntFunction<Object> op, int warmup, int reps) {
        for (int i = 0; i < warmup; i++) {
            sink = op.apply(i);
        }
        long start = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) {
            sink = op.apply(i);
        }
        return (CPU.getCurrentThreadCpuTime() - start) / (double) reps;
    }

    private static void detection(String name, int tokensScored, IntFunction<Object> op, int warmup, int reps) {
        double ns = cpuNanosPerOp(op, warmup, reps);
        System.out.printf(Locale.ROOT, "%-44s %12.1f us/op %14.0f scored tokens/s%n", name, ns / 1e3,
                tokensScored / (ns / 1e9));
    }

    private static void row(String name, IntFunction<Object> op, int warmup, int reps) {
        System.out.printf(Locale.ROOT, "%-44s %12.1f us/op%n", name, cpuNanosPerOp(op, warmup, reps) / 1e3);
    }

    /**
     * Prints CPU time per operation for every case.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        RandomGenerator rng = Rngs.seeded(2024);
        int[][] t200 = new int[64][];
        int[][] t1000 = new int[64][];
        for (int i = 0; i < 64; i++) {
            t200[i] = rng.ints(200, 0, V).toArray();
            t1000[i] = rng.ints(1000, 0, V).toArray();
        }
        ReferenceScheme lefthash = WatermarkScheme.reference("lefthash", V, GAMMA, 2.0);
        WatermarkDetector cold = WatermarkDetector.of(lefthash.withCacheCapacity(0));
        WatermarkDetector warm = WatermarkDetector.of(lefthash);
        WatermarkKey key = WatermarkKey.of(0x5EED_0001L, 0x5EED_0002L);
        WatermarkDetector keyed = WatermarkDetector.of(WatermarkScheme.keyed(key, 1, false, V, GAMMA, 2.0));
        WatermarkDetector exact = WatermarkDetector.of(WatermarkScheme.keyedExactSize(key, 1, false, V, GAMMA, 2.0));
        int k = (int) (V * GAMMA);

        detection("reference lefthash, T=199", 199, i -> cold.detect(t200[i & 63]), 100, 300);
        detection("reference lefthash, T=999", 999, i -> cold.detect(t1000[i & 63]), 20, 60);
        detection("reference lefthash, warm memo, T=199", 199, i -> warm.detect(t200[0]), 2000, 5000);
        detection("baseline: full randperm per token (x29)", 29,
                i -> Baselines.greenByFullPermutation(t200[i & 63], 30, V, k), 5, 20);
        detection("keyed, T=199", 199, i -> keyed.detect(t200[i & 63]), 20_000, 100_000);
        detection("keyed, T=999", 999, i -> keyed.detect(t1000[i & 63]), 20_000, 50_000);
        detection("keyed exact-size, T=999", 999, i -> exact.detect(t1000[i & 63]), 20_000, 50_000);

        double[] logits = rng.doubles(V).toArray();
        int[] contexts = rng.ints(4096, 0, V).toArray();
        WatermarkLogitsProcessor refCold = WatermarkLogitsProcessor.of(lefthash.withCacheCapacity(0));
        WatermarkLogitsProcessor refWarm = WatermarkLogitsProcessor.of(lefthash);
        WatermarkLogitsProcessor keyedP = WatermarkLogitsProcessor.of(WatermarkScheme.keyed(key, 1, false, V, GAMMA, 2.0));
        WatermarkLogitsProcessor exactP = WatermarkLogitsProcessor.of(WatermarkScheme.keyedExactSize(key, 1, false, V, GAMMA, 2.0));
        row("processor: reference lefthash", i -> {
            refCold.process(new int[] {contexts[i & 4095]}, 1, logits);
            return logits;
        }, 2000, 3000);
        row("processor: reference lefthash, warm memo", i -> {
            refWarm.process(new int[] {contexts[0]}, 1, logits);
            return logits;
        }, 2000, 3000);
        row("processor: keyed", i -> {
            keyedP.process(new int[] {contexts[i & 4095]}, 1, logits);
            return logits;
        }, 3000, 5000);
        row("processor: keyed exact-size", i -> {
            exactP.process(new int[] {contexts[i & 4095]}, 1, logits);
            return logits;
        }, 3000, 5000);
        row("processor baseline: full randperm + bias",
                i -> Baselines.biasByFullPermutation(logits, contexts[i & 4095], k, 2.0), 300, 1000);
    }
}
