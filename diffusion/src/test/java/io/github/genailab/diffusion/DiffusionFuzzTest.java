package io.github.genailab.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.data.DigitVectors;
import io.github.genailab.diffusion.data.PointCloud;
import io.github.genailab.diffusion.data.PointClouds;
import io.github.genailab.diffusion.eval.ClassAccuracy;
import io.github.genailab.diffusion.eval.NearestCentroid;
import io.github.genailab.diffusion.eval.NearestNeighbourCheck;
import io.github.genailab.diffusion.eval.NearestNeighbourResult;
import io.github.genailab.diffusion.eval.SampleDistance;
import io.github.genailab.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/** Every public entry point of the diffusion module called with generated arguments (tiny models, so nothing times out). */
class DiffusionFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        double[][] data = {{1, 0}, {0, 1}, {0.5, 0.5}};
        NoiseSchedule schedule = NoiseSchedule.linear(4, 0.1, 0.5);
        DdpmOptions tiny = DdpmOptions.defaults().withSchedule(schedule).withHiddenUnits(3).withHiddenLayers(1)
                .withTimeEmbedding(2).withEpochs(1).withBatchSize(2);
        DiffusionModel plain = Ddpm.train(data, tiny, Rngs.seeded(1));
        DiffusionModel labelled = Ddpm.fit(data, new int[] {0, 1, 0}, 3, tiny, Rngs.seeded(1), ProgressListener.none())
                .model();
        Fuzzer.Report report = Fuzzer.create(3000, 10)
                .sample(char.class, 'W', 'Q')
                .sample(NoiseSchedule.class, schedule)
                .sample(DdpmOptions.class, tiny)
                .sample(DiffusionModel.class, plain, labelled)
                .sample(SamplingOptions.class, SamplingOptions.defaults(), SamplingOptions.ddim(2, 0.5))
                .sample(TriggerWatermarkOptions.class, new TriggerWatermarkOptions(0.2, 1, 2, 1, 3, 0.25,
                        SamplingOptions.ddim(2, 0)))
                .sample(PointCloud.class, PointClouds.twoMoons(5, 0.1, Rngs.seeded(1)))
                .sample(NearestCentroid.class, NearestCentroid.fit(data, new int[] {0, 1, 0}, 2))
                .sample(ClassAccuracy.class, new ClassAccuracy(new int[] {1, 0}, new int[] {2, 1}))
                .sample(NearestNeighbourResult.class, NearestNeighbourCheck.run(data, data, data))
                .run(18, NoiseSchedule.class, DdpmOptions.class, SamplingOptions.class, Ddpm.class, DiffusionModel.class,
                        TriggerWatermark.class, TriggerWatermarkOptions.class, PointClouds.class, PointCloud.class,
                        DigitVectors.class, SampleDistance.class, NearestCentroid.class, ClassAccuracy.class,
                        NearestNeighbourCheck.class, NearestNeighbourResult.class);
        System.out.println("diffusion fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
