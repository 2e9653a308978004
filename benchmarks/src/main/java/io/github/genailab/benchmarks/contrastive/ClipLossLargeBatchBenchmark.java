package io.github.genailab.benchmarks.contrastive;

import io.github.genailab.contrastive.ClipLoss;
import io.github.genailab.contrastive.ClipLossOptions;
import java.util.concurrent.TimeUnit;
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
 * The tiled CLIP loss at B = 65,536, D = 512, float32, in a JVM limited to {@code -Xmx2g}: a dense
 * float32 {@code B x B} logit matrix alone would need 16 GiB. One forward + backward per iteration
 * ({@code 8 B^2 D = 17.6} TFLOP), single shot. Returns the loss so the result is consumed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ClipLossLargeBatchBenchmark {

    /** Batch size B. */
    @Param({"65536"})
    public int batch;

    /** Tile edge. */
    @Param({"4096"})
    public int tile;

    private float[][] image;
    private float[][] text;

    /** Draws unit-norm rows (seeded). */
    @Setup(Level.Trial)
    public void setUp() {
        image = Embeddings.unitRows(1, batch, 512);
        text = Embeddings.unitRows(2, batch, 512);
    }

    /**
     * Tiled CLIP forward and backward.
     *
     * @return the loss
     */
    @Benchmark
    public double clipTiled() {
        return ClipLoss.compute(image, text, ClipLossOptions.defaults().withNormalize(false).withTileSize(tile))
                .loss();
    }
}
