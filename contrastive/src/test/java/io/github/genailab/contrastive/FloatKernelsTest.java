package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.internal.FloatExp;
import io.github.genailab.core.math.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The float32 SigLIP row step against the double reference on the same float values. Per negative pair,
     * the float kernel rounds {@code t v} and {@code t v + b} to float, so its logit is off by at most
     * {@code dL = u (2 |t v| + |L|)} ({@code u = 2^-24}); {@code sigmoid} and {@code softplus} move by at
     * most {@code g dL} and {@code dL} (their log-derivative and derivative are at most 1). On top: a few
     * ulps for FloatExp, the division and the log1p series (8 u allowed), {@code exp(-87)} from the floor of
     * {@code e}, and the float block sums: at most 35 u of the sum of absolute terms (32 terms per float
     * accumulator, then 3 more additions).
     */
    @ParameterizedTest(name = "t={0} b={1}")
    @CsvSource({"10, -10", "200, -10", "3.7, 0.3"})
    void floatSigmoidRowMatchesTheDoubleReference(double t, double bias) {
        double u = 0x1p-24;
        double floor = 1.7e-38;
        double weight = 1.0 / 300;
        for (int r = 0; r < ROWS; r++) {
            Strip f = load(Precision.FLOAT32);
            Strip d = load(Precision.FLOAT64);
            double[] tv = new double[COLS];
            double[] dL = new double[COLS];
            for (int c = 0; c < COLS; c++) {
                tv[c] = t * d.get(r, c);
                dL[c] = u * (2 * Math.abs(tv[c]) + Math.abs(tv[c] + bias));
            }
            double[] sumsF = new double[3];
            double[] sumsD = new double[3];
            f.sigmoidRow(r, t, bias, weight, r + 2, 3.0, sumsF);
            d.sigmoidRowExact(r, t, bias, weight, r + 2, 3.0, sumsD);
            double lossTol = 0;
            double thetaTol = 0;
            double biasTol = 0;
            for (int c = 0; c < COLS; c++) {
                double g = d.get(r, c);
                if (c == r + 2) {
                    assertThat(f.get(r, c)).isEqualTo((float) g);
                    continue;
                }
                double l = tv[c] + bias;
                double softplus = Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
                assertThat(f.get(r, c)).as("g(%d, %d)", r, c)
                        .isCloseTo(g, within(g * (8 * u + dL[c]) + weight * floor));
                lossTol += softplus * 43 * u + dL[c] + floor;
                thetaTol += Math.abs(g * tv[c]) * (44 * u + dL[c]) + Math.abs(tv[c]) * weight * floor;
                biasTol += g * (44 * u + dL[c]) + weight * floor;
            }
            assertThat(sumsF[0]).isCloseTo(sumsD[0], within(lossTol));
            assertThat(sumsF[1]).isCloseTo(sumsD[1], within(thetaTol));
            assertThat(sumsF[2]).isCloseTo(sumsD[2], within(biasTol));
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
