package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: seeded CLIP and SigLIP losses and gradients pinned in double precision (the same bits on JDK 17
 * and 25 with the same BLAS), and the losses computed on 8 threads as on one.
 */
class DeterminismAndConcurrencyTest {

    private static double[][] gaussian(int rows, int cols, RandomGenerator rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void seededLossesAndGradientsArePinned() {
        RandomGenerator rng = Rngs.seeded(12);
        double[][] image = gaussian(16, 8, rng);
        double[][] text = gaussian(16, 8, rng);
        ClipLossResult clip = ClipLoss.compute(image, text, 10.0, true);
        SigLipLossResult sig = SigLipLoss.compute(image, text, 10.0, -10.0, true);
        assertThat(new int[] {Double.hashCode(clip.loss()), Arrays.deepHashCode(clip.gradImage()),
            Double.hashCode(sig.loss()), Arrays.deepHashCode(sig.gradText())}).containsExactly(PINNED);
    }

    private static final int[] PINNED = {389251369, 590470646, 1957314786, -1383815596};

    @Test
    void lossesOnEightThreadsEqualThoseOnOne() throws Exception {
        RandomGenerator rng = Rngs.seeded(13);
        List<double[][][]> batches = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            batches.add(new double[][][] {gaussian(32, 16, rng), gaussian(32, 16, rng)});
        }
        List<ClipLossResult> expected = new ArrayList<>();
        for (double[][][] batch : batches) {
            expected.add(ClipLoss.compute(batch[0], batch[1], 20.0, true));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ClipLossResult>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (double[][][] batch : batches) {
                    futures.add(pool.submit(() -> ClipLoss.compute(batch[0], batch[1], 20.0, true)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % batches.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
