package io.github.genailab.benchmarks.watermark;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.ReferenceScheme;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkScheme;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Detection throughput in scored tokens per second at V = 50,257, gamma = 0.25, on uniformly random token ids
 * (so contexts almost never repeat and no memo helps: the "cold" case), for 200- and 1000-token texts.
 *
 * <p>Every invocation scores a different text from a pool of 64, so the reference memo stays cold (the "warm"
 * benchmarks reuse one text to show a memo hit rate of 100%). Baseline: the Python reference's cost model, one
 * full {@code randperm(V)} per scored token followed by a membership scan.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectionBenchmark {

    private static final int V = 50_257;
    private static final double GAMMA = 0.25;
    private static final int POOL = 64;

    private int[][] texts200;
    private int[][] texts1000;
    private int next;
    private WatermarkDetector referenceCold;
    private WatermarkDetector referenceWarm;
    private WatermarkDetector keyed;
    private WatermarkDetector keyedExact;
    private TorchRandperm permuter;
    private int k;

    @Setup(Level.Trial)
    public void setUp() {
        RandomGenerator rng = Rngs.seeded(2024);
        texts200 = new int[POOL][];
        texts1000 = new int[POOL][];
        for (int i = 0; i < POOL; i++) {
            texts200[i] = rng.ints(200, 0, V).toArray();
            texts1000[i] = rng.ints(1000, 0, V).toArray();
        }
        ReferenceScheme lefthash = WatermarkScheme.reference("lefthash", V, GAMMA, 2.0);
        referenceCold = WatermarkDetector.of(lefthash.withCacheCapacity(0));
        referenceWarm = WatermarkDetector.of(lefthash);
        WatermarkKey key = WatermarkKey.of(0x5EED_0001L, 0x5EED_0002L);
        keyed = WatermarkDetector.of(WatermarkScheme.keyed(key, 1, false, V, GAMMA, 2.0));
        keyedExact = WatermarkDetector.of(WatermarkScheme.keyedExactSize(key, 1, false, V, GAMMA, 2.0));
        permuter = TorchRandperm.of(V);
        k = (int) (V * GAMMA);
    }

    private int[] text200() {
        next = (next + 1) % POOL;
        return texts200[next];
    }

    private int[] text1000() {
        next = (next + 1) % POOL;
        return texts1000[next];
    }

    @Benchmark
    @OperationsPerInvocation(199)
    public Detection referenceLefthash200() {
        return referenceCold.detect(text200());
    }

    @Benchmark
    @OperationsPerInvocation(999)
    public Detection referenceLefthash1000() {
        return referenceCold.detect(text1000());
    }

    @Benchmark
    @OperationsPerInvocation(199)
    public Detection referenceLefthashWarmMemo200() {
        return referenceWarm.detect(texts200[0]);
    }

    @Benchmark
    @OperationsPerInvocation(199)
    public Detection keyed200() {
        return keyed.detect(text200());
    }

    @Benchmark
    @OperationsPerInvocation(999)
    public Detection keyed1000() {
        return keyed.detect(text1000());
    }

    @Benchmark
    @OperationsPerInvocation(999)
    public Detection keyedExactSize1000() {
        return keyedExact.detect(text1000());
    }

    /** Baseline: the reference's cost model, a full randperm(V) per scored token, then a scan of its first k. */
    @Benchmark
    @OperationsPerInvocation(199)
    public int baselineFullPermutationPerToken200() {
        int[] text = text200();
        return Baselines.greenByFullPermutation(text, text.length, V, k);
    }

    /** For reference: the early-exit walk alone, one call per token. */
    @Benchmark
    @OperationsPerInvocation(199)
    public int membershipWalkPerToken200() {
        int[] text = text200();
        int green = 0;
        for (int i = 1; i < text.length; i++) {
            green += permuter.inPrefix(Baselines.HASH_KEY * text[i - 1], k, text[i]) ? 1 : 0;
        }
        return green;
    }
}
