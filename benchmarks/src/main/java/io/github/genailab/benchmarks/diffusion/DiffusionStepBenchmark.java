package io.github.genailab.benchmarks.diffusion;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.Ddpm;
import io.github.genailab.diffusion.DdpmOptions;
import io.github.genailab.diffusion.DdpmResult;
import io.github.genailab.diffusion.DiffusionModel;
import io.github.genailab.diffusion.SamplingOptions;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
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
 * One DDPM training step and one reverse (sampling) step, on the lecture's two networks: d = 2 (two moons,
 * 3 hidden layers of 64) and d = 64 (digits, 3 hidden layers of 256), the paper's T = 1000 schedule.
 *
 * <ul>
 *   <li>{@code trainingStep}: {@code Ddpm.fineTune} over one batch of 128 rows for one epoch: one Adam step
 *       (forward, backward, update, weight average), plus copying the weights in and out.</li>
 *   <li>{@code samplingStep}: {@code sample(256, DDIM with 1 step)}: the 256 x_T draws and one reverse step
 *       of a block of 256 samples (one network call); DDPM with T steps costs about T of these.</li>
 *   <li>{@code forwardBatched} / {@code forwardPerItem} ({@link MlpForward}): the network's forward pass over
 *       256 items feature-major (the library's layout) against item by item (the tiny CLIP's layout),
 *       same weights, same bits.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DiffusionStepBenchmark {

    @Param({"2", "64"})
    public int dimension;

    private DiffusionModel model;
    private double[][] batch;
    private RandomGenerator rng;
    private MlpForward mlp;

    @Setup(Level.Trial)
    public void setUp() {
        rng = Rngs.seeded(42);
        batch = new double[128][dimension];
        for (double[] row : batch) {
            for (int k = 0; k < dimension; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        DdpmOptions options = DdpmOptions.defaults().withEpochs(1).withHiddenUnits(dimension == 2 ? 64 : 256);
        model = Ddpm.train(batch, options, rng);
        mlp = new MlpForward(dimension, options.timeEmbedding(), options.hiddenUnits(), options.hiddenLayers(), 256,
                Rngs.seeded(7));
    }

    /** One Adam step on a batch of 128. */
    @Benchmark
    public DdpmResult trainingStep() {
        return Ddpm.fineTune(model, batch, 1, rng);
    }

    /** One reverse step of 256 samples. */
    @Benchmark
    public double[][] samplingStep() {
        return model.sample(256, SamplingOptions.ddim(1, 0), rng);
    }

    /** The forward pass of 256 items, feature-major. */
    @Benchmark
    public double[][] forwardBatched() {
        return mlp.batched();
    }

    /** The same forward pass item by item. */
    @Benchmark
    public double[][] forwardPerItem() {
        return mlp.perItem();
    }
}
