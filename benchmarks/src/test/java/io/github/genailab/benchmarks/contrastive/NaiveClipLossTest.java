package io.github.genailab.benchmarks.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.contrastive.ClipLoss;
import io.github.genailab.contrastive.ClipLossResult;
import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The naive triple-loop baseline must compute the same loss and gradients as the library. */
class NaiveClipLossTest {

    @Test
    void naiveLossAndGradientsEqualTheLibrarys() {
        int b = 9;
        int d = 6;
        float[][] x = unitRows(b, d, Rngs.seeded(1));
        float[][] y = unitRows(b, d, Rngs.seeded(2));
        float[][] gradImage = new float[b][d];
        float[][] gradText = new float[b][d];
        double naive = NaiveClipLoss.lossAndGradients(x, y, 10f, gradImage, gradText);
        ClipLossResult r = ClipLoss.compute(x, y, 10.0, false);
        assertThat(naive).isCloseTo(r.loss(), within(1e-4));
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < d; k++) {
                assertThat((double) gradImage[i][k]).isCloseTo(r.gradImage()[i][k], within(1e-4));
                assertThat((double) gradText[i][k]).isCloseTo(r.gradText()[i][k], within(1e-4));
            }
        }
    }

    private static float[][] unitRows(int rows, int cols, RandomGenerator rng) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            double norm = 0;
            for (int k = 0; k < cols; k++) {
                row[k] = (float) rng.nextGaussian();
                norm += row[k] * row[k];
            }
            for (int k = 0; k < cols; k++) {
                row[k] /= (float) Math.sqrt(norm);
            }
        }
        return m;
    }
}
