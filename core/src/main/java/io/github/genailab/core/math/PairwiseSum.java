package io.github.genailab.core.math;

/**
 * Pairwise summation exactly as numpy's {@code np.sum} / {@code np.mean} computes it for a contiguous
 * float64 array, so means computed here equal the Python references bit for bit.
 *
 * <p>Algorithm: numpy's reduction hands the inner loop blocks of at most 8192 elements (its buffer
 * size, {@code NPY_BUFSIZE}); the result starts at the identity {@code 0.0} and each block's pairwise
 * sum is added to it in order. Within a block ({@code numpy/_core/src/umath/loops_utils.h.src},
 * {@code pairwise_sum}):
 * <ul>
 *   <li>n &lt; 8: sequential left-to-right sum starting from {@code -0.0};</li>
 *   <li>8 &le; n &le; 128: eight strided accumulators {@code r[j] = a[j] + a[j+8] + a[j+16] + ...},
 *       combined as {@code ((r0+r1)+(r2+r3)) + ((r4+r5)+(r6+r7))}, then the {@code n mod 8} leftover
 *       elements added sequentially;</li>
 *   <li>n &gt; 128: split at {@code n2 = n/2 - (n/2 mod 8)} and return
 *       {@code sum(a[0..n2)) + sum(a[n2..n))}.</li>
 * </ul>
 * The rounding error grows as O(log n) within a block rather than O(n) for naive summation. The
 * blocking and the {@code 0.0} start were checked against numpy 1.24.2 (lengths 1 to 1000 and up to
 * 10<sup>6</sup>; an empty array or one of negative zeros sums to {@code +0.0}). Naive summation differs
 * from numpy in the last bits for about a third of random Min-K% inputs (1685 of 4400 in the check
 * described in docs/membership-conventions.md, 'Summation'), which
 * is why every mean in GenAI Lab that mirrors a Python reference goes through this class.
 *
 * <p>Complexity: O(n) time, O(log n) stack, no allocation.
 *
 * @see <a href="https://github.com/numpy/numpy/blob/main/numpy/_core/src/umath/loops_utils.h.src">numpy pairwise_sum</a>
 *
 * @since 0.1.0
 */
public final class PairwiseSum {

    private static final int BLOCK = 128;
    /** numpy's ufunc buffer size: the reduction sees the array in chunks of this many elements. */
    private static final int BUFFER = 8192;

    private PairwiseSum() {
    }

    /**
     * Sums an array as numpy does.
     *
     * @param values the values (not modified)
     * @return the pairwise sum ({@code 0.0} for an empty array)
     * @throws NullPointerException if {@code values} is null
     */
    public static double sum(double[] values) {
        Checks.notNull(values, "values");
        return sum(values, 0, values.length);
    }

    /**
     * Sums {@code values[from, from + length)} as numpy does.
     *
     * @param values the values (not modified)
     * @param from first index
     * @param length number of elements
     * @return the pairwise sum
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if the range is outside the array
     */
    public static double sum(double[] values, int from, int length) {
        Checks.notNull(values, "values");
        if (from < 0 || length < 0 || from > values.length - length) {
            throw new IllegalArgumentException("range [from, from + length) must lie within values (length "
                    + values.length + "), got from=" + from + ", length=" + length);
        }
        return blocked(values, from, length);
    }

    /**
     * The arithmetic mean as {@code np.mean}: pairwise sum divided by n.
     *
     * @param values the values (not modified), at least one
     * @return the mean
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static double mean(double[] values) {
        Checks.nonEmpty(values, "values");
        return blocked(values, 0, values.length) / values.length;
    }

    private static double blocked(double[] a, int from, int n) {
        double res = 0.0;
        for (int done = 0; done < n; done += BUFFER) {
            res += pairwise(a, from + done, Math.min(BUFFER, n - done));
        }
        return res;
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = -0.0;
            for (int i = from; i < from + n; i++) {
                res += a[i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int p = from + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
