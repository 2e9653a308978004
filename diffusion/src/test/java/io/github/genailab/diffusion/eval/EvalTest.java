package io.github.genailab.diffusion.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Sample distances (closed forms, invariances), the nearest-centroid judge and the memorisation check. */
class EvalTest {

    private static double[][] gaussian(int n, int d, double shift, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int k = 0; k < d; k++) {
                row[k] = shift + rng.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void energyDistanceClosedFormsAndInvariances() {
        // single points at distance 1: 2 * 1 - 0 - 0
        assertThat(SampleDistance.energy(new double[][] {{0}}, new double[][] {{1}})).isEqualTo(2);
        // {0, 2} vs {1}: 2 * 1 - (0 + 2 + 2 + 0) / 4 - 0 = 1
        assertThat(SampleDistance.energy(new double[][] {{0}, {2}}, new double[][] {{1}})).isEqualTo(1);
        double[][] a = gaussian(200, 3, 0, 1);
        double[][] b = gaussian(150, 3, 0.5, 2);
        assertThat(SampleDistance.energy(a, a)).isZero();
        assertThat(SampleDistance.energy(a, b)).isCloseTo(SampleDistance.energy(b, a), within(1e-12)).isPositive();
        double[][] shiftedA = gaussian(200, 3, 7, 1);
        double[][] shiftedB = gaussian(150, 3, 7.5, 2);
        assertThat(SampleDistance.energy(shiftedA, shiftedB)).isCloseTo(SampleDistance.energy(a, b), within(1e-9));
    }

    @Test
    void slicedWassersteinClosedFormsAndInvariances() {
        // in one dimension every direction is +-1: SW2 is the 1-D W2, here a shift by 3
        double[][] x = {{0}, {1}, {5}};
        double[][] y = {{3}, {4}, {8}};
        assertThat(SampleDistance.slicedWasserstein(x, y, 5, Rngs.seeded(1))).isCloseTo(3, within(1e-12));
        double[][] a = gaussian(300, 4, 0, 3);
        assertThat(SampleDistance.slicedWasserstein(a, a, 20, Rngs.seeded(1))).isZero();
        // a shift v in d dimensions: E[(w.v)^2] = |v|^2 / d, so SW2 -> |v| / sqrt(d) = 2 / 2 for v = (1, 1, 1, 1)
        double[][] shifted = gaussian(300, 4, 1, 3);
        assertThat(SampleDistance.slicedWasserstein(a, shifted, 4000, Rngs.seeded(2))).isCloseTo(1, within(0.05));
    }

    @Test
    void nearestCentroidAndClassAccuracy() {
        double[][] data = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
        NearestCentroid judge = NearestCentroid.fit(data, new int[] {0, 0, 1, 1}, 2);
        assertThat(judge.centroids()).isDeepEqualTo(new double[][] {{0, 0.5}, {10, 0.5}});
        assertThat(judge.predict(new double[] {4, 0})).isZero();
        assertThat(judge.predict(new double[] {6, 0})).isEqualTo(1);
        ClassAccuracy accuracy = judge.accuracy(new double[][] {{1, 1}, {9, 9}, {2, 2}}, new int[] {0, 0, 1});
        assertThat(accuracy.correct()).containsExactly(1, 0);
        assertThat(accuracy.total()).containsExactly(2, 1);
        assertThat(accuracy.of(0)).isEqualTo(0.5);
        assertThat(accuracy.overall()).isEqualTo(1.0 / 3);
        assertThat(accuracy.toString()).isEqualTo("ClassAccuracy[overall 0.33 of 3, per class [0.50, 0.00]]");
        assertThat(judge.toString()).isEqualTo("NearestCentroid[2 classes, d=2]");
    }

    @Test
    void memorisationCheckSeparatesCopiesFromFreshDraws() {
        double[][] train = gaussian(300, 2, 0, 5);
        double[][] heldOut = gaussian(200, 2, 0, 6);
        NearestNeighbourResult copies = NearestNeighbourCheck.run(java.util.Arrays.copyOf(train, 100), train, heldOut);
        assertThat(copies.medianSampleDistance()).isZero();
        assertThat(copies.nearCopyShare()).isEqualTo(1);
        NearestNeighbourResult fresh = NearestNeighbourCheck.run(gaussian(400, 2, 0, 7), train, heldOut);
        // a fresh draw is as close as held-out data: about 5% below the held-out 5th percentile (4 SE = 0.044)
        assertThat(fresh.nearCopyShare()).isBetween(0.0, 0.05 + 0.044 + 0.02);
        assertThat(fresh.medianSampleDistance()).isCloseTo(fresh.medianHeldOutDistance(), within(0.03));
        assertThat(fresh.toString()).startsWith("NearestNeighbourResult[400 samples: median distance to training ");
    }
}
