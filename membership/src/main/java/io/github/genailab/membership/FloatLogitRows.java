package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * Fast per-row statistics of a float32 logits row (log p of the target, mean and standard deviation
 * of log p under the softmax), reading each row from memory once.
 *
 * <p><b>Algorithm.</b> The row is processed in chunks of {@value #CHUNK} values that stay in the L1
 * cache. For each chunk: its maximum {@code c}; {@code y_j = max(x_j - c, FLOOR)}; {@code e_j = exp(y_j)}
 * in float; the chunk's weight {@code w = sum e_j}, weighted mean {@code ybar} and weighted squared
 * deviation {@code M2 = sum e_j (y_j - ybar)^2} (two passes over the cached chunk). Chunks are merged
 * in double with the weighted form of Chan, Golub and LeVeque's parallel variance update, rescaling
 * weights by {@code exp(c_old - c_new)} when a larger maximum appears (as an online softmax does).
 * Finally {@code log Z = c + log W}, {@code log p = x_target - log Z}, {@code mu = mean(x) - log Z},
 * {@code sigma = sqrt(M2 / W)}.
 *
 * <p><b>Why it looks like this.</b> HotSpot (JDK 17) only auto-vectorizes small, branch-free inner
 * loops of float arithmetic without int/float conversions, so {@code exp} is a float polynomial
 * (Cephes {@code expf} coefficients, Cody-Waite reduction by ln 2 with the magic-number rounding
 * {@code (z + 1.5 * 2^23) - 1.5 * 2^23}) and the scale {@code 2^-n} is built by multiplying exact
 * powers of two selected by the bits of n, each loop kept small enough to be unrolled and
 * vectorized. Relative error of each {@code e_j}: below 1e-7 (float precision). Chunk sums are
 * pairwise (halving) float sums, also vectorized; every cross-chunk quantity is double.
 *
 * <p><b>Range.</b> Values more than {@code -FLOOR} = 43.5 nats below their chunk maximum are given the
 * weight {@code exp(-43.5)} (about 1.3e-19) instead of a smaller one, and -infinity logits (masked
 * tokens) are treated the same way; relative effect on the sums below V * 1.3e-19 (1e-14 for
 * V = 50,257), far below float32 resolution.
 *
 * <p>Not thread-safe: one instance per call, holding three chunk buffers.
 */
final class FloatLogitRows {

    static final int CHUNK = 512;
    private static final float FLOOR = -43.5f;
    private static final float ROUND = 12582912f; // 1.5 * 2^23: (z + ROUND) - ROUND rounds z to an integer
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145751953125f; // few mantissa bits: n * LN2_HI is exact
    private static final float LN2_LO = 1.428606765330187e-06f;

    private final float[] shifted = new float[CHUNK];
    private final float[] weight = new float[CHUNK];
    private final float[] scratch = new float[CHUNK];

    /**
     * Fills {@code out*[index]} from one row.
     *
     * @param row logits (finite, or -infinity for impossible tokens)
     * @param target the target token id, already checked to be in range
     * @param rowIndex the row's index, for error messages
     */
    void compute(float[] row, int target, int rowIndex, double[] outLogProb, double[] outMu, double[] outSigma) {
        double max = Double.NEGATIVE_INFINITY;
        double totalWeight = 0;
        double mean = 0;
        double squaredDeviation = 0;
        for (int start = 0; start < row.length; start += CHUNK) {
            int length = Math.min(CHUNK, row.length - start);
            float chunkMax = chunkMax(row, start, length, rowIndex);
            if (chunkMax == Float.NEGATIVE_INFINITY) {
                continue;
            }
            weights(row, start, length, chunkMax);
            float w = sumOfWeights();
            double meanShifted = sumOfFirstMoments() / (double) w;
            float pivot = (float) meanShifted;
            double offset = meanShifted - pivot;
            // sum e (y - ybar)^2 = sum e (y - pivot)^2 - w (ybar - pivot)^2, pivot = ybar rounded to float
            double m2 = Math.max(sumOfSquaredDeviations(pivot) - w * offset * offset, 0);
            double chunkWeight = w;
            if (chunkMax > max) {
                double scale = Math.exp(max - chunkMax);
                totalWeight *= scale;
                squaredDeviation *= scale;
                max = chunkMax;
            } else {
                double scale = Math.exp(chunkMax - max);
                chunkWeight *= scale;
                m2 *= scale;
            }
            double merged = totalWeight + chunkWeight;
            double delta = chunkMax + meanShifted - mean;
            mean += delta * chunkWeight / merged;
            squaredDeviation += m2 + delta * delta * totalWeight * chunkWeight / merged;
            totalWeight = merged;
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw Checks.fail("logits[" + rowIndex + "]", "have at least one finite entry", "all -Infinity");
        }
        if (row[target] == Float.NEGATIVE_INFINITY) {
            throw Checks.fail("logits[" + rowIndex + "][" + target + "]",
                    "be finite (the target token must have probability > 0)", row[target]);
        }
        double logZ = max + Math.log(totalWeight);
        outLogProb[rowIndex] = Math.min(row[target] - logZ, 0);
        outMu[rowIndex] = Math.min(mean - logZ, 0);
        outSigma[rowIndex] = Math.sqrt(squaredDeviation / totalWeight);
    }

    /** The chunk maximum; rejects NaN and +infinity (both make the vectorized maximum non-finite). */
    private static float chunkMax(float[] row, int start, int length, int rowIndex) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = start; j < start + length; j++) {
            m = Math.max(m, row[j]);
        }
        if (!(m < Float.POSITIVE_INFINITY)) {
            for (int j = start; j < start + length; j++) {
                if (!(row[j] < Float.POSITIVE_INFINITY)) {
                    throw Checks.fail("logits[" + rowIndex + "][" + j + "]", "be finite or -Infinity", row[j]);
                }
            }
        }
        return m;
    }

    /** Fills {@code shifted} and {@code weight = exp(shifted)} for one chunk, zero-padding the tail. */
    private void weights(float[] row, int start, int length, float chunkMax) {
        float[] y = shifted;
        float[] e = weight;
        float[] k = scratch;
        for (int j = 0; j < length; j++) {
            y[j] = Math.max(row[start + j] - chunkMax, FLOOR);
        }
        // e^y = e^f * 2^-k with y = f - k ln 2, |f| <= ln2 / 2, k in [0, 63].
        for (int j = 0; j < length; j++) {
            float n = (y[j] * LOG2E + ROUND) - ROUND;
            float f = (y[j] - n * LN2_HI) - n * LN2_LO;
            float p = 1.9875691500e-4f;
            p = p * f + 1.3981999507e-3f;
            p = p * f + 8.3334519073e-3f;
            p = p * f + 4.1665795894e-2f;
            p = p * f + 1.6666665459e-1f;
            p = p * f + 5.0000001201e-1f;
            e[j] = p * f * f + f + 1f;
            k[j] = -n;
        }
        // 2^-k from the bits of k: bit b of k is round(k / 2^b - 0.496) after removing higher bits.
        for (int j = 0; j < length; j++) {
            float kj = k[j];
            float b = (kj * 0x1p-5f - 0.49609375f + ROUND) - ROUND;
            float r = (1f - b) + b * 0x1p-32f;
            kj -= 32f * b;
            b = (kj * 0x1p-4f - 0.49609375f + ROUND) - ROUND;
            r *= 1f - b * (1f - 0x1p-16f);
            kj -= 16f * b;
            b = (kj * 0x1p-3f - 0.49609375f + ROUND) - ROUND;
            r *= 1f - b * (1f - 0x1p-8f);
            e[j] *= r;
            k[j] = kj - 8f * b;
        }
        for (int j = 0; j < length; j++) {
            float kj = k[j];
            float b = (kj * 0x1p-2f - 0.49609375f + ROUND) - ROUND;
            float r = 1f - b * (1f - 0x1p-4f);
            kj -= 4f * b;
            b = (kj * 0x1p-1f - 0.49609375f + ROUND) - ROUND;
            r *= 1f - b * 0.75f;
            kj -= 2f * b;
            e[j] *= r * (1f - kj * 0.5f);
        }
        for (int j = length; j < CHUNK; j++) {
            y[j] = 0f;
            e[j] = 0f;
        }
    }

    /** Pairwise float sum of the chunk's weights {@code e_j}. */
    private float sumOfWeights() {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            scratch[j] = weight[j] + weight[j + half];
        }
        return halve(half);
    }

    /** Pairwise float sum of {@code e_j y_j}. */
    private float sumOfFirstMoments() {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            scratch[j] = weight[j] * shifted[j] + weight[j + half] * shifted[j + half];
        }
        return halve(half);
    }

    /** Pairwise float sum of {@code e_j (y_j - pivot)^2}. */
    private float sumOfSquaredDeviations(float pivot) {
        int half = CHUNK / 2;
        for (int j = 0; j < half; j++) {
            float d0 = shifted[j] - pivot;
            float d1 = shifted[j + half] - pivot;
            scratch[j] = weight[j] * d0 * d0 + weight[j + half] * d1 * d1;
        }
        return halve(half);
    }

    /** Sums {@code scratch[0, width)} by repeated halving; each step is a vectorizable loop. */
    private float halve(int width) {
        for (int w = width / 2; w >= 1; w /= 2) {
            for (int j = 0; j < w; j++) {
                scratch[j] += scratch[j + w];
            }
        }
        return scratch[0];
    }
}
