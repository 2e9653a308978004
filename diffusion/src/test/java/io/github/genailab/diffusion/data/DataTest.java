package io.github.genailab.diffusion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The toy clouds (shapes, scale, classes, seeds) and the digit scaling round trip. */
class DataTest {

    @Test
    void moonsAreTwoShiftedHalfCircles() {
        PointCloud moons = PointClouds.twoMoons(101, 0, Rngs.seeded(1));
        assertThat(moons.size()).isEqualTo(101);
        assertThat(moons.ofClass(0)).hasNumberOfRows(51);
        for (double[] p : moons.ofClass(0)) {
            assertThat(Math.hypot(p[0] + 0.5, p[1] + 0.25)).isCloseTo(1, within(1e-12));
            assertThat(p[1]).isGreaterThanOrEqualTo(-0.25);
        }
        for (double[] p : moons.ofClass(1)) {
            assertThat(Math.hypot(p[0] - 0.5, p[1] - 0.25)).isCloseTo(1, within(1e-12));
        }
        assertThat(PointClouds.twoMoons(101, 0.1, Rngs.seeded(2))).isEqualTo(PointClouds.twoMoons(101, 0.1, Rngs.seeded(2)));
        assertThat(moons.toString()).isEqualTo("PointCloud[two moons, 101 points in 2-D, 2 classes]");
    }

    @Test
    void rollMixtureAndLettersHaveTheirShapes() {
        PointCloud roll = PointClouds.swissRoll(500, 0, Rngs.seeded(3));
        for (double[] p : roll.points()) {
            double r = Math.hypot(p[0], p[1]) * 10;
            assertThat(r).isBetween(1.5 * Math.PI, 4.5 * Math.PI + 1e-9);
        }
        assertThat(roll.classes()).isEqualTo(3);
        PointCloud mixture = PointClouds.gaussianMixture(400, 4, 2, 0, Rngs.seeded(4));
        for (int c = 0; c < 4; c++) {
            for (double[] p : mixture.ofClass(c)) {
                assertThat(p[0]).isCloseTo(2 * Math.cos(Math.PI / 2 * c), within(1e-12));
            }
        }
        for (char letter : PointClouds.LETTERS.toCharArray()) {
            PointCloud shape = PointClouds.letter(letter, 200, 0, Rngs.seeded(letter));
            for (double[] p : shape.points()) {
                assertThat(p[0]).isBetween(-1.0, 1.0);
                assertThat(p[1]).isBetween(-1.0, 1.0);
            }
        }
        // T: a bar at y = 1 and a stem at x = 0
        for (double[] p : PointClouds.letter('T', 100, 0, Rngs.seeded(5)).points()) {
            assertThat(Math.abs(p[1] - 1) < 1e-12 || Math.abs(p[0]) < 1e-12).isTrue();
        }
    }

    @Test
    void digitsMapToMinusOneOneAndBack() {
        Digits digits = Digits.load().subset(new int[] {0, 1, 2});
        double[][] vectors = DigitVectors.of(digits);
        assertThat(vectors[0]).hasSize(64);
        assertThat(Arrays.stream(vectors).flatMapToDouble(Arrays::stream).min().orElseThrow()).isEqualTo(-1);
        for (int i = 0; i < 3; i++) {
            assertThat(DigitVectors.toGrey(vectors[i])).containsExactly(digits.pixels()[i]);
        }
        double[] wild = new double[64];
        wild[0] = 5;
        wild[1] = -5;
        float[] grey = DigitVectors.toGrey(wild);
        assertThat(grey[0]).isEqualTo(16);
        assertThat(grey[1]).isZero();
        assertThat(grey[2]).isEqualTo(8);
    }
}
