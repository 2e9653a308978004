package io.github.genailab.diffusion;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.data.PointCloud;
import io.github.genailab.diffusion.data.PointClouds;

/** Small seeded models shared by the tests, trained once per JVM. */
final class TestModels {

    /** A 100-step linear schedule with the paper's total noise (beta scaled by 1000 / T). */
    static final NoiseSchedule SHORT = NoiseSchedule.linear(100, 1e-3, 0.2);

    /** A 100-step cosine schedule (Nichol and Dhariwal), better on tight clusters. */
    static final NoiseSchedule SHORT_COSINE = NoiseSchedule.cosine(100, 0.008);

    /** 1,000 Adam steps of batch 64 on 600 points: about a second. */
    static final DdpmOptions SMALL = DdpmOptions.defaults().withSchedule(SHORT).withEpochs(100).withBatchSize(64);

    static final PointCloud MOONS = PointClouds.twoMoons(600, 0.05, Rngs.seeded(5));

    static final PointCloud MIXTURE = PointClouds.gaussianMixture(600, 3, 1.5, 0.15, Rngs.seeded(5));

    /** Unconditional, on the two moons. */
    static final DiffusionModel UNCONDITIONAL = Ddpm.train(MOONS.points(), SMALL, Rngs.seeded(6));

    /** Conditional on the three Gaussians, with a fourth class spare for a trigger. */
    static final DiffusionModel CONDITIONAL = Ddpm.fit(MIXTURE.points(), MIXTURE.labels(), 4,
            SMALL.withSchedule(SHORT_COSINE), Rngs.seeded(7), ProgressListener.none()).model();

    private TestModels() {
    }
}
