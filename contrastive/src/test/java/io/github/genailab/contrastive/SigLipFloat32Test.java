package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SigLIP on float32 inputs (the float kernel of {@link FloatStrip#sigmoidRow}) against float64 on the same
 * values, with tolerances derived from the precision of the float path.
 *
 * <p>Error of a logit, {@code u = 2^-24}: the float GEMM of two unit rows is off by at most
 * {@code D u} and the normalised rows, rounded to float, by {@code 2 u} more, times {@code t}; the kernel
 * rounds {@code t v} and {@code t v + b}, {@code u (2 t + |L|)}. Each loss term {@code softplus(+-L)} then
 * moves by at most {@code dL softplus}, since its derivative {@code sigmoid} is at most {@code softplus}
 * ({@code x / (1 + x) <= log(1 + x)}), so the mean loss moves by at most {@code max dL} relatively, plus
 * {@code 43 u} for the series, FloatExp and the float block sums (see {@code FloatKernelsTest}). The
 * gradient w.r.t. the bias sums {@code |g|} at most {@code |gradBias| + 2} (the positive terms add up to at
 * most 1 in absolute value); w.r.t. the log-scale, each term also carries {@code |t v| <= t}.
 */
class SigLipFloat32Test {

    private static final double U = 0x1p-24;

    private static double[][] widen(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int k = 0; k < m[i].length; k++) {
                out[i][k] = m[i][k];
            }
        }
        return out;
    }

    private static void assertAgrees(int b, int d, double t, double bias, long seed) {
        float[][] image = TestData.toFloat(TestData.gaussian(seed, b, d));
        float[][] text = TestData.toFloat(TestData.gaussian(seed + 1, b, d));
        SigLipLossOptions options = SigLipLossOptions.defaults().withLogitScale(t).withLogitBias(bias);
        SigLipLossResult f32 = SigLipLoss.compute(image, text, options);
        SigLipLossResult f64 = SigLipLoss.compute(widen(image), widen(text), options);
        assertThat(f32.precision()).isEqualTo(Precision.FLOAT32);

        double maxLogit = t + Math.abs(bias);
        double dL = t * (d + 2) * U + U * (2 * t + maxLogit);
        double relative = dL + 43 * U;
        assertThat(f32.loss()).isCloseTo(f64.loss(), within(relative * f64.loss()));
        double sumAbsG = Math.abs(f64.gradBias()) + 2;
        assertThat(f32.gradBias()).isCloseTo(f64.gradBias(), within(relative * sumAbsG));
        assertThat(f32.gradLogScale()).isCloseTo(f64.gradLogScale(), within(relative * sumAbsG * maxLogit));
        for (int i = 0; i < b; i++) {
            assertThat(f32.rowLosses()[i]).isCloseTo(f64.rowLosses()[i], within(relative * f64.rowLosses()[i]));
        }
        // dl/dx_i = t sum_j G_ij y_j (unit rows y_j) by a float GEMM: each G_ij is off by `relative` of
        // itself and the GEMM adds (B + 2) u of sum_j |G_ij| per component, so the vector error is at most
        // sqrt(D) t (relative + (B + 2) u) sum_j |G_ij|, with sum_j |G_ij| <= (1 + sum of the row's or
        // column's softplus terms) / B <= 1 / B + loss; the normalisation's Jacobian divides by ||u_i||.
        double gradTol = gradientTolerance(relative, t, f64.loss(), image, text);
        assertThat(TestData.maxAbsDiff(f32.gradImage(), f64.gradImage())).isLessThan(gradTol);
        assertThat(TestData.maxAbsDiff(f32.gradText(), f64.gradText())).isLessThan(gradTol);
    }

    private static double gradientTolerance(double relative, double t, double loss, float[][] image,
                                            float[][] text) {
        int b = image.length;
        double minNorm = Math.min(minNorm(image), minNorm(text));
        return Math.sqrt(image[0].length) * t * (relative + (b + 2) * U) * (1.0 / b + loss) / minNorm;
    }

    private static double minNorm(float[][] rows) {
        double min = Double.POSITIVE_INFINITY;
        for (float[] row : rows) {
            double sq = 0;
            for (float v : row) {
                sq += (double) v * v;
            }
            min = Math.min(min, Math.sqrt(sq));
        }
        return min;
    }

    @Test
    void defaultSettingAgreesWithFloat64() {
        assertAgrees(300, 64, 10, -10, 31);
    }

    @Test
    void logitsPastTheFloorOfTheFloatExponentialAgreeWithFloat64() {
        // D = 3: cosines span [-1, 1], so at t = 100, b = -10 the logits reach -110 (e floored at exp(-87)).
        assertAgrees(200, 3, 100, -10, 33);
    }

    @Test
    void logitsBeyondTheFloatLimitTakeTheDoubleKernel() {
        // Unnormalised rows of norm ~1e15: logits ~1e31 > FLOAT_LOGIT_LIMIT; the double kernel gives the
        // float64 result up to the float GEMM's rounding of the similarities ((D + 2) u relative).
        double[][] rows = TestData.gaussian(35, 6, 4);
        for (double[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= 1e15;
            }
        }
        float[][] image = TestData.toFloat(rows);
        SigLipLossResult f32 = SigLipLoss.compute(image, image, 10, -10, false);
        SigLipLossResult f64 = SigLipLoss.compute(widen(image), widen(image), 10, -10, false);
        assertThat(f32.loss()).isFinite().isCloseTo(f64.loss(), within(6 * U * f64.loss()));
        assertThat(f32.gradBias()).isEqualTo(f64.gradBias());
    }

    @Test
    void float32ShardsCombineToTheGlobalLoss() {
        float[][] image = TestData.toFloat(TestData.gaussian(37, 40, 8));
        float[][] text = TestData.toFloat(TestData.gaussian(38, 40, 8));
        SigLipLossOptions options = SigLipLossOptions.defaults().withTileSize(16);
        SigLipLossResult global = SigLipLoss.compute(image, text, options);
        SigLipLossResult combined = SigLipLoss.combineShards(List.of(
                SigLipLoss.computeShard(image, text, 0, 25, options),
                SigLipLoss.computeShard(image, text, 25, 15, options)));
        // Each scored row sees the same strips in the same order: the same loss bits per row. The gradients
        // carry the weight 1 / shardSize instead of 1 / B, rounded to float with each g (2 u relative each),
        // then summed as in the global call (35 u): 40 u of sum |g| <= |gradBias| + 2 for the bias.
        assertThat(combined.rowLosses()).containsExactly(global.rowLosses());
        assertThat(combined.loss()).isCloseTo(global.loss(), within(1e-15));
        assertThat(combined.gradBias())
                .isCloseTo(global.gradBias(), within(40 * U * (Math.abs(global.gradBias()) + 2)));
        double gradTol = gradientTolerance(4 * U, 10, global.loss(), image, text);
        assertThat(TestData.maxAbsDiff(combined.gradImage(), global.gradImage())).isLessThan(gradTol);
        assertThat(TestData.maxAbsDiff(combined.gradText(), global.gradText())).isLessThan(gradTol);
    }
}
