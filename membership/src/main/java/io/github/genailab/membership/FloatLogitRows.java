package io.github.genailab.membership;

import io.github.genailab.core.internal.FloatExp;

/**
 * Fast per-row statistics of a float32 logits row (log p of the target, mean and standard deviation
 * of log p under the softmax), reading each row from main memory once.
 *
 * <p><b>Algorithm.</b> First the row maximum {@code c} (one read of the row from memory, after
 * which it sits in the L2 cache). Then the row is processed in chunks of {@value #CHUNK} values that stay in
 * the L1 cache: {@code y_j = max(x_j - c, FLOOR)}; {@code e_j = exp(y_j)} in float; the chunk's
 * weight {@code w = sum e_j}, weighted mean {@code ybar} and weighted squared deviation
 * {@code M2 = sum e_j (y_j - ybar)^2} (a second pass over the cached chunk, so no cancellation).
 * Chunks are merged in double with the weighted form of Chan, Golub and LeVeque's parallel variance
 * update. Finally {@code log Z = c + log W}, {@code log p = x_target - log Z},
 * {@code mu = c + mean(y) - log Z}, {@code sigma = sqrt(M2 / W)}.
 *
 * <p><b>Why it looks like this.</b> HotSpot (JDK 17) auto-vectorizes only small, branch-free inner
 * loops of float arithmetic without int/float conversions, and some shapes not at all (a
 * {@code Math.max} on an offset array read, a loop that loads an array it does not store), which
 * were found by measurement. So {@code exp} is the float polynomial of {@link FloatExp}, the
 * scale {@code 2^-n} is a product of exact powers of two selected by the bits of n, each loop is
 * kept small (one bit of n per loop), and chunk sums are pairwise halvings (element-wise loops). Relative error of each
 * {@code e_j}: below 1e-7 (float precision); every cross-chunk quantity is double.
 *
 * <p><b>Range.</b> Values more than {@code -FLOOR} = 87 nats below the row maximum are given the
 * weight {@code exp(-87)} (1.6e-38, the smallest normal float range) instead of a smaller one, and
 * -infinity logits (masked tokens) are treated the same way: an absolute error below
 * {@code V * 1.6e-38 * 87^2}, about 6e-30 for V = 50,257, in {@code sigma^2} and far less in the
 * other sums. (A floor of 43.5 nats, one bit of {@code k} fewer, measurably distorted sigma of
 * near-deterministic rows, where {@code sigma^2} itself is about 1e-12.)
 *
 * <p>This is the portable kernel; {@code VectorLogitRows} computes the same statistics with the Vector
 * API in one pass per row, about six times faster (see {@link FloatRowKernel}). Not thread-safe: one instance per call, holding
 * four chunk buffers.
 */
final class FloatLogitRows implements FloatRowKernel {

    static final int CHUNK = 512;
    private static final float FLOOR = RowMoments.FLOOR;
    private static final float ROUND = FloatExp.ROUND;

    private final float[] shifted = new float[CHUNK];
    private final float[] weight = new float[CHUNK];
    private final float[] scratch = new float[CHUNK];
    private final float[] scratch2 = new float[CHUNK];

    @Override
    public void compute(float[][] logits, int[] targets, double[] outLogProb, double[] outMu, double[] outSigma) {
        for (int i = 0; i < logits.length; i++) {
            computeRow(logits[i], targets[i], i, outLogProb, outMu, outSigma);
        }
    }

    private void computeRow(float[] row, int target, int rowIndex, double[] outLogProb, double[] outMu,
            double[] outSigma) {
        float max = rowMax(row, rowIndex);
        RowMoments moments = new RowMoments();
        for (int start = 0; start < row.length; start += CHUNK) {
            int length = Math.min(CHUNK, row.length - start);
            weights(row, start, length, max);
            float w = sumOfWeights();
            double chunkMean = sumOfFirstMoments() / (double) w;
            float pivot = (float) chunkMean;
            double offset = chunkMean - pivot;
            // sum e (y - ybar)^2 = sum e (y - pivot)^2 - w (ybar - pivot)^2, pivot = ybar rounded to float
            moments.add(w, chunkMean, Math.max(sumOfSquaredDeviations(pivot) - w * offset * offset, 0));
        }
        moments.store(row, target, max, rowIndex, outLogProb, outMu, outSigma);
    }

    /** The row maximum, validated. */
    private static float rowMax(float[] row, int rowIndex) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            m = Math.max(m, v);
        }
        return RowMoments.checkedMaximum(m, row, rowIndex);
    }

    /** Fills {@code shifted} and {@code weight = exp(shifted)} for one chunk, zero-padding the tail. */
    private void weights(float[] row, int start, int length, float max) {
        float[] y = shifted;
        float[] e = weight;
        float[] k = scratch;
        for (int j = 0; j < length; j++) {
            y[j] = row[start + j] - max;
        }
        for (int j = 0; j < length; j++) {
            y[j] = Math.max(y[j], FLOOR);
        }
        // e^y = e^f * 2^-k with y = f - k ln 2, |f| <= ln2 / 2, k in [0, 126].
        for (int j = 0; j < length; j++) {
            float n = (y[j] * FloatExp.LOG2E + ROUND) - ROUND;
            float f = (y[j] - n * FloatExp.LN2_HI) - n * FloatExp.LN2_LO;
            float p = FloatExp.P0;
            p = p * f + FloatExp.P1;
            p = p * f + FloatExp.P2;
            p = p * f + FloatExp.P3;
            p = p * f + FloatExp.P4;
            p = p * f + FloatExp.P5;
            e[j] = p * f * f + f + 1f;
            k[j] = -n;
        }
        // 2^-k from the bits of k, high bits first, then the three low bits in one loop.
        applyBit(length, 64f, 0x1p-64f);
        applyBit(length, 32f, 0x1p-32f);
        applyBit(length, 16f, 0x1p-16f);
        applyBit(length, 8f, 0x1p-8f);
        for (int j = 0; j < length; j++) {
            float kj = k[j];
            float b = (kj * 0x1p-2f - 0.49609375f + ROUND) - ROUND;
            float r = 1f - b * (1f - 0x1p-4f);
            kj -= 4f * b;
            b = (kj * 0x1p-1f - 0.49609375f + ROUND) - ROUND;
            r *= 1f - b * 0.75f;
            kj -= 2f * b;
            r *= 1f - kj * 0.5f;
            e[j] *= r;
            k[j] = kj;
        }
        for (int j = length; j < CHUNK; j++) {
            y[j] = 0f;
            e[j] = 0f;
        }
    }

    /**
     * Multiplies each weight by {@code scale = 2^-bit} if {@code k} has the bit (its highest remaining
     * one) and removes it from {@code k}: the bit is {@code round(k / bit - 0.496)}, and the blend
     * {@code (1 - b) + b * scale} is exact. One bit per loop: HotSpot (JDK 17) did not vectorize the
     * same work written as two bits per loop (measured 20-30x slower).
     */
    private void applyBit(int length, float bit, float scale) {
        float inverse = 1f / bit;
        float[] e = weight;
        float[] k = scratch;
        for (int j = 0; j < length; j++) {
            float kj = k[j];
            float b = (kj * inverse - 0.49609375f + ROUND) - ROUND;
            e[j] *= (1f - b) + b * scale;
            k[j] = kj - bit * b;
        }
    }

    /** Pairwise float sum of the chunk's weights {@code e_j}. */
    private float sumOfWeights() {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            scratch[j] = weight[j] + weight[j + half];
        }
        return halve(scratch, half);
    }

    /** Pairwise float sum of {@code e_j y_j}. */
    private float sumOfFirstMoments() {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            scratch2[j] = weight[j] * shifted[j] + weight[j + half] * shifted[j + half];
        }
        return halve(scratch2, half);
    }

    /** Pairwise float sum of {@code e_j (y_j - pivot)^2}. */
    private float sumOfSquaredDeviations(float pivot) {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            float d0 = shifted[j] - pivot;
            float d1 = shifted[j + half] - pivot;
            scratch[j] = weight[j] * d0 * d0 + weight[j + half] * d1 * d1;
        }
        return halve(scratch, half);
    }

    /**
     * Sums {@code s[0, width)} by repeated halving (pairwise): element-wise loops down to 16 values,
     * then the last four halvings written out (short loops cost more than they add).
     */
    private static float halve(float[] s, int width) {
        for (int w = width / 2; w >= 16; w /= 2) {
            for (int j = 0; j < w; j++) {
                s[j] += s[j + w];
            }
        }
        float even = ((s[0] + s[8]) + (s[4] + s[12])) + ((s[2] + s[10]) + (s[6] + s[14]));
        float odd = ((s[1] + s[9]) + (s[5] + s[13])) + ((s[3] + s[11]) + (s[7] + s[15]));
        return even + odd;
    }
}
