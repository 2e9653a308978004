package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.internal.FloatExp;
import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The float32 strip kernels against the double-precision reference ({@link Strip}). */
class FloatKernelsTest {

    private static final int ROWS = 5;
    private static final int COLS = 301;

    @Test
    void floatExpIsWithinOneUlpOfMathExp() {
        // 2^20 evenly spaced floats over the documented range, plus both ends.
        int n = 1 << 20;
        float[] x = new float[n + 2];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (-FloatExp.MAX_ARGUMENT + 2.0 * FloatExp.MAX_ARGUMENT * k / n);
        }
        x[n] = -FloatExp.MAX_ARGUMENT;
        x[n + 1] = FloatExp.MAX_ARGUMENT;
        float[] e = x.clone();
        FloatExp.expAffine(e, e.length, 1, 0, new float[e.length]);
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            double exact = Math.exp(x[k]);
            worst = Math.max(worst, Math.abs(e[k] - exact) / exact);
        }
        assertThat(worst).isLessThan(8.7e-8);
    }

    @Test
    void floatStripMatchesTheDoubleReference() {
        Strip f = load(Precision.FLOAT32);
        Strip d = load(Precision.FLOAT64);
        assertThat(f.range()[0]).isCloseTo(d.range()[0], within(1e-6));
        assertThat(f.range()[1]).isCloseTo(d.range()[1], within(1e-6));
        assertThat(f.range()[0]).isLessThanOrEqualTo(d.range()[0]);
        assertThat(f.range()[1]).isGreaterThanOrEqualTo(d.range()[1]);

        // Arguments reach |14.25 v - 3| ~ 16, rounded to float first: up to ulp(16) / 2 ~ 1e-6 relative.
        f.expAffine(14.25, -3);
        d.expAffine(14.25, -3);
        for (int r = 0; r < ROWS; r++) {
            assertThat(f.rowSum(r)).isCloseTo(d.rowSum(r), within(2e-6 * d.rowSum(r)));
        }
        double[] colF = new double[COLS + 2];
        double[] colD = new double[COLS + 2];
        f.addColumnSums(colF, 2, 0.5);
        d.addColumnSums(colD, 2, 0.5);
        assertThat(colF[0]).isZero();
        for (int c = 2; c < colD.length; c++) {
            assertThat(colF[c]).isCloseTo(colD[c], within(2e-6 * colD[c]));
        }

        double[] rowFactor = {0, 0, 0.1, 0.2, 0.3, 0.4, 0.5};
        double[] colFactor = new double[COLS];
        for (int c = 0; c < COLS; c++) {
            colFactor[c] = 1e-3 * c;
        }
        f.scale(2, rowFactor, 2, colFactor, 0);
        d.scale(2, rowFactor, 2, colFactor, 0);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                assertThat(f.get(r, c)).isCloseTo(d.get(r, c), within(2e-6 * Math.abs(d.get(r, c))));
            }
        }
    }

    /** The same seeded strip in either precision, positioned at pair (7, 11). */
    private static Strip load(Precision precision) {
        RandomGenerator rng = Rngs.seeded(5);
        HostArray tile = HostArray.zeros(precision, ROWS * COLS);
        for (int k = 0; k < ROWS * COLS; k++) {
            tile.set(k, (float) rng.nextGaussian(0, 0.3));
        }
        Strip strip = Strip.create(precision, ROWS, COLS);
        strip.load(tile, 0, ROWS, COLS, 7, 11, 0);
        return strip;
    }
}
