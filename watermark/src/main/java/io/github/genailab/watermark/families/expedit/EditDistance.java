package io.github.genailab.watermark.families.expedit;

import java.util.Arrays;

/**
 * Kuditipudi et al.'s Levenshtein statistic against every cyclic shift of the key at once, in float32 like
 * the reference's Cython kernel ({@code jthickstun/watermark@80d4ec8}, {@code demo/levenshtein.pyx}):
 * <pre>
 *   A[0][c] = c gamma,  A[t][0] = t gamma
 *   A[t][c] = min(A[t-1][c] + gamma, A[t][c-1] + gamma, A[t-1][c-1] + cost[t-1][(shift + c - 1) mod n])
 *   d(shift) = A[k][k];   result = min over shifts
 * </pre>
 * The shift is the innermost index, so each update is a contiguous loop over n shifts that the JIT
 * vectorises; the cost rows are stored twice over so that {@code (shift + c - 1) mod n} is a contiguous
 * slice. Two layers of {@code (k + 1) n} floats are reused across calls; an instance serves one thread.
 */
final class EditDistance {

    private final int length;
    private final int shifts;
    private final float gap;
    private float[][] previous;
    private float[][] current;

    EditDistance(int length, int shifts, float gap) {
        this.length = length;
        this.shifts = shifts;
        this.gap = gap;
        this.previous = new float[length + 1][shifts];
        this.current = new float[length + 1][shifts];
    }

    /**
     * Returns the minimum over shifts of the edit cost.
     *
     * @param costs per token, the 2n-entry doubled row of costs against each key row
     */
    float minimum(float[][] costs) {
        int n = shifts;
        for (int c = 0; c <= length; c++) {
            Arrays.fill(previous[c], c * gap);
        }
        for (int t = 1; t <= length; t++) {
            float[] row = costs[t - 1];
            Arrays.fill(current[0], t * gap);
            for (int c = 1; c <= length; c++) {
                // Four distinct rows and one read-only slice: a loop the JIT's superword pass vectorises.
                float[] out = current[c];
                float[] left = current[c - 1];
                float[] above = previous[c];
                float[] diagonal = previous[c - 1];
                int offset = (c - 1) % n;
                for (int s = 0; s < n; s++) {
                    out[s] = Math.min(Math.min(above[s] + gap, left[s] + gap), diagonal[s] + row[offset + s]);
                }
            }
            float[][] swap = previous;
            previous = current;
            current = swap;
        }
        float best = Float.POSITIVE_INFINITY;
        for (float d : previous[length]) {
            best = Math.min(best, d);
        }
        return best;
    }
}
