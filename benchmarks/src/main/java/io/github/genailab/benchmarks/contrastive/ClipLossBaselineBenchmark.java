package io.github.genailab.benchmarks.contrastive;

import java.util.concurrent.TimeUnit;
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
 * The baseline of {@link ClipLossBenchmark}: CLIP forward and backward with plain Java triple loops
 * ({@link NaiveClipLoss}), float32, D = 512. B = 4096 is left out of the default parameters (one
 * operation takes minutes); run it with {@code -p batch=4096} and single-shot mode if wanted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ClipLossBaselineBenchmark {

    /** Batch size B. */
    @Param({"256", "1024"})
    public int batch;

    /** Embedding dimension D. */
    @Param({"512"})
    public int dimension;

    private float[][] image;
    private float[][] text;
    private float[][] gradImage;
    private float[][] gradText;

    /** Draws unit-norm rows (seeded) and allocates the gradients. */
    @Setup(Level.Trial)
    public void setUp() {
        image = Embeddings.unitRows(1, batch, dimension);
        text = Embeddings.unitRows(2, batch, dimension);
        gradImage = new float[batch][dimension];
        gradText = new float[batch][dimension];
    }

    /**
     * Naive CLIP forward and backward.
     *
     * @return the loss (consumed by JMH)
     */
    @Benchmark
    public double clipNaive() {
        return NaiveClipLoss.lossAndGradients(image, text, (float) (1 / 0.07), gradImage, gradText);
    }
}
