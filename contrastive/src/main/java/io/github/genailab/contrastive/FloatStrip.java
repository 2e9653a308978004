package io.github.genailab.contrastive;

import io.github.genailab.core.internal.FloatExp;

/**
 * float32 rows, with the bulk operations as small, branch-free float loops that HotSpot vectorises
 * (see {@link FloatExp} for the rules they follow). Sums are formed in float over short runs and
 * carried on in double, so their relative error stays near that of the float inputs.
 */
final class FloatStrip extends Strip {

    /** Row sums add this many floats (in 8 interleaved float accumulators) before moving to double. */
    private static final int SUM_BLOCK = 256;

    private final float[] scratch;
    private final float[] scratch2;
    private final float[] scratch3;

    FloatStrip(int maxRows, int maxCols) {
        super(Precision.FLOAT32, maxRows, maxCols);
        scratch = new float[maxCols];
        scratch2 = new float[maxCols];
        scratch3 = new float[maxCols];
    }

    /** Column-wise running max and min of the rows (vectorised), then one scalar pass over the columns. */
    @Override
    double[] range() {
        int n = cols();
        float[] hi = scratch;
        float[] lo = scratch2;
        System.arraycopy(row(0).floats(), 0, hi, 0, n);
        System.arraycopy(row(0).floats(), 0, lo, 0, n);
        for (int r = 1; r < rows(); r++) {
            float[] v = row(r).floats();
            for (int c = 0; c < n; c++) {
                // max(a, b) = (a + b + |a - b|) / 2: vectorised, unlike Math.max on floats in JDK 17.
                float a = hi[c];
                float b = lo[c];
                hi[c] = 0.5f * (a + v[c] + Math.abs(a - v[c]));
                lo[c] = 0.5f * (b + v[c] - Math.abs(b - v[c]));
            }
        }
        float max = hi[0];
        float min = lo[0];
        for (int c = 1; c < n; c++) {
            max = hi[c] > max ? hi[c] : max;
            min = lo[c] < min ? lo[c] : min;
        }
        // The midpoint formula can be off by an ulp of the operands; widen by that much.
        double slack = Math.ulp(Math.max(Math.abs(max), Math.abs(min)));
        return new double[] {min - slack, max + slack};
    }

    @Override
    void expAffine(double a, double b) {
        for (int r = 0; r < rows(); r++) {
            FloatExp.expAffine(row(r).floats(), cols(), (float) a, (float) b, scratch);
        }
    }

    @Override
    double rowSum(int r) {
        return sum(row(r).floats(), cols());
    }

    /** {@code v[0] + ... + v[n - 1]}: floats over blocks of {@link #SUM_BLOCK}, the blocks in double. */
    private static double sum(float[] v, int n) {
        double total = 0;
        int c = 0;
        for (int end = SUM_BLOCK; end <= n; end += SUM_BLOCK) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            for (; c < end; c += 8) {
                s0 += v[c];
                s1 += v[c + 1];
                s2 += v[c + 2];
                s3 += v[c + 3];
                s4 += v[c + 4];
                s5 += v[c + 5];
                s6 += v[c + 6];
                s7 += v[c + 7];
            }
            total += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
        for (; c < n; c++) {
            total += v[c];
        }
        return total;
    }

    /** Column sums of the strip's rows in float (a strip has at most a few dozen rows), then to double. */
    @Override
    void addColumnSums(double[] acc, int at, double factor) {
        int n = cols();
        float[] sum = scratch;
        System.arraycopy(row(0).floats(), 0, sum, 0, n);
        for (int r = 1; r < rows(); r++) {
            float[] v = row(r).floats();
            for (int c = 0; c < n; c++) {
                sum[c] += v[c];
            }
        }
        for (int c = 0; c < n; c++) {
            acc[at + c] += factor * sum[c];
        }
    }

    @Override
    void scale(double common, double[] rowFactor, int rowAt, double[] colFactor, int colAt) {
        int n = cols();
        float[] fc = scratch;
        for (int c = 0; c < n; c++) {
            fc[c] = (float) (common * colFactor[colAt + c]);
        }
        for (int r = 0; r < rows(); r++) {
            float fr = (float) (common * rowFactor[rowAt + r]);
            float[] v = row(r).floats();
            for (int c = 0; c < n; c++) {
                v[c] *= fr + fc[c];
            }
        }
    }

    /**
     * The float32 form of {@link Strip#sigmoidRow}: the negative pairs in three vectorised loops and
     * {@link FloatExp}, summed as in {@link #rowSum}; then the positive pair in double.
     * <pre>
     *   L = t v + b                        (float; |L| &lt;= SigmoidPairs.FLOAT_LOGIT_LIMIT)
     *   e = exp(max(-|L|, -87))            (FloatExp; the floor changes e by at most exp(-87) = 1.6e-38)
     *   softplus(L) = max(L, 0) + log1p(e)
     *   log1p(e) = 2 atanh(s) = 2 s (1 + s^2/3 + s^4/5 + ... + s^12/13),   s = e / (2 + e) in [0, 1/3]
     *   sigmoid(L) = max(e, min(2^30 max(L, 0), 1)) / (1 + e)
     * </pre>
     * The series' remainder is below {@code (1/9)^7 / 15 * 9/8 = 1.6e-8} relative (less than half a
     * float ulp). In the sigmoid, the numerator is 1 for {@code L >= 2^-30} and {@code e} for
     * {@code L <= 0}; in between {@code e} rounds to 1 in float, so it is 1 there too: a branch-free
     * {@code L >= 0 ? 1 : e}. {@code Math.max} and {@code Math.min} on floats vectorise in JDK 17; a
     * conditional expression does not.
     */
    @Override
    void sigmoidRow(int r, double t, double bias, double weight, int positive, double positiveLogit,
                    double[] sums) {
        float[] v = row(r).floats();
        int n = cols();
        float ft = (float) t;
        float fb = (float) bias;
        float fw = (float) weight;
        float[] e = scratch;
        float[] softplus = scratch2;
        float[] gradTheta = scratch3;
        for (int c = 0; c < n; c++) {
            v[c] *= ft;
            e[c] = Math.max(-Math.abs(v[c] + fb), -FloatExp.MAX_ARGUMENT);
        }
        FloatExp.expAffine(e, n, 1, 0, softplus);
        for (int c = 0; c < n; c++) {
            float l = v[c] + fb;
            float ec = e[c];
            float s = ec / (2 + ec);
            float w = s * s;
            float series = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                    1f / 13, w, 1f / 11), w, 1f / 9), w, 1f / 7), w, 1f / 5), w, 1f / 3), w, 1);
            float positivePart = Math.max(l, 0);
            softplus[c] = Math.fma(2 * s, series, positivePart);
            float g = Math.max(ec, Math.min(positivePart * 0x1p30f, 1)) / (1 + ec) * fw;
            gradTheta[c] = g * v[c];
            v[c] = g;
        }
        if (positive >= 0) {
            softplus[positive] = 0;
            gradTheta[positive] = 0;
            v[positive] = 0;
        }
        sums[0] += sum(softplus, n);
        sums[1] += sum(gradTheta, n);
        sums[2] += sum(v, n);
        if (positive >= 0) {
            sigmoidPositive(r, positive, positiveLogit, bias, weight, sums);
        }
    }
}
