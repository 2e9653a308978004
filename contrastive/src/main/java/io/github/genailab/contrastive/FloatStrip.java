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

    FloatStrip(int maxRows, int maxCols) {
        super(Precision.FLOAT32, maxRows, maxCols);
        scratch = new float[maxCols];
        scratch2 = new float[maxCols];
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
        float[] v = row(r).floats();
        int n = cols();
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
}
