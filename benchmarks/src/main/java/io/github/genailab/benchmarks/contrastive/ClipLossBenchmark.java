package io.github.genailab.benchmarks.contrastive;

import io.github.genailab.contrastive.ClipLoss;
import io.github.genailab.contrastive.ClipLossOptions;
import io.github.genailab.contrastive.ClipLossResult;
import io.github.genailab.contrastive.SigLipLoss;
import io.github.genailab.contrastive.SigLipLossOptions;
import io.github.genailab.contrastive.SigLipLossResult;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * CLIP and SigLIP loss, forward and backward, float32, D = 512, B in {256, 1024, 4096}: the dense
 * path (three ND4J GEMMs, {@code 6 B^2 D} flops), the tiled path (tile 1024, one recomputation,
 * {@code 8 B^2 D} flops) and SigLIP (dense), against {@link NaiveClipLoss} (plain Java triple loops)
 * in {@link ClipLossBaselineBenchmark} and against the BLAS floor: the dense path's three GEMMs alone
 * on preallocated ND4J arrays ({@link #blasFloor()}). GFLOP/s = flops / (ms/op) / 1e6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ClipLossBenchmark {

    /** Batch size B. */
    @Param({"256", "1024", "4096"})
    public int batch;

    /** Embedding dimension D. */
    @Param({"512"})
    public int dimension;

    private float[][] image;
    private float[][] text;
    private final ClipLossOptions dense = ClipLossOptions.defaults().withNormalize(false);
    private final ClipLossOptions tiled = dense.withTileSize(1024);
    private INDArray x;
    private INDArray y;
    private INDArray similarities;
    private INDArray gradX;
    private INDArray gradY;

    /** Draws unit-norm rows (seeded). */
    @Setup(Level.Trial)
    public void setUp() {
        image = Embeddings.unitRows(1, batch, dimension);
        text = Embeddings.unitRows(2, batch, dimension);
        x = Nd4j.create(image);
        y = Nd4j.create(text);
        similarities = Nd4j.createUninitialized(DataType.FLOAT, batch, batch);
        gradX = Nd4j.createUninitialized(DataType.FLOAT, batch, dimension);
        gradY = Nd4j.createUninitialized(DataType.FLOAT, batch, dimension);
    }

    /**
     * The BLAS floor of the dense path: {@code C = X Y^T}, {@code G X-gradient = C Y},
     * {@code Y-gradient = C^T X}, three SGEMMs on preallocated arrays, nothing else.
     *
     * @return the last product (consumed by JMH)
     */
    @Benchmark
    public INDArray blasFloor() {
        Nd4j.gemm(x, y, similarities, false, true, 1.0, 0.0);
        Nd4j.gemm(similarities, y, gradX, false, false, 1.0, 0.0);
        return Nd4j.gemm(similarities, x, gradY, true, false, 1.0, 0.0);
    }

    /**
     * Dense CLIP forward and backward.
     *
     * @return the result (consumed by JMH)
     */
    @Benchmark
    public ClipLossResult clipDense() {
        return ClipLoss.compute(image, text, dense);
    }

    /**
     * Tiled CLIP forward and backward (tile 1024; at B = 256 this is one tile, i.e. dense).
     *
     * @return the result (consumed by JMH)
     */
    @Benchmark
    public ClipLossResult clipTiled() {
        return ClipLoss.compute(image, text, tiled);
    }

    /**
     * Dense SigLIP forward and backward.
     *
     * @return the result (consumed by JMH)
     */
    @Benchmark
    public SigLipLossResult sigLipDense() {
        return SigLipLoss.compute(image, text, SigLipLossOptions.defaults().withNormalize(false));
    }
}
