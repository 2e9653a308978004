package io.github.genailab.core.math;

/**
 * Log-space arithmetic: log-sum-exp, log-softmax and softmax, all stable for any finite input.
 *
 * <p>Formulas (natural logarithms throughout):
 * <pre>
 *   logSumExp(x)  = m + log( sum_i exp(x_i - m) ),   m = max_i x_i
 *   logSoftmax(x) = x_i - logSumExp(x)
 *   softmax(x)    = exp(x_i - m) / sum_j exp(x_j - m)
 * </pre>
 * Subtracting the maximum first means no term overflows; entries equal to {@code -Infinity} (masked
 * logits) contribute zero probability. At least one entry must be finite.
 *
 * <p>Complexity: two passes over the input, no allocation beyond the returned array.
 *
 * @since 0.1.0
 */
public final class LogMath {

    private LogMath() {
    }

    /**
     * Computes {@code log(sum_i exp(x_i))} stably.
     *
     * @param x the values; {@code -Infinity} allowed, at least one finite, no NaN or {@code +Infinity}
     * @return the log-sum-exp
     * @throws NullPointerException if {@code x} is null
     * @throws IllegalArgumentException if empty, if any entry is NaN or {@code +Infinity}, or if all are
     *     {@code -Infinity}
     */
    public static double logSumExp(double[] x) {
        Checks.nonEmpty(x, "x");
        return logSumExp(x, 0, x.length);
    }

    /**
     * Computes {@code log(sum_i exp(x_i))} over {@code x[from, from + length)}.
     *
     * @param x the values
     * @param from first index
     * @param length number of entries, at least one
     * @return the log-sum-exp
     * @throws IllegalArgumentException if the range is invalid or the entries are not as in
     *     {@link #logSumExp(double[])}
     */
    public static double logSumExp(double[] x, int from, int length) {
        Checks.notNull(x, "x");
        if (from < 0 || length <= 0 || from > x.length - length) {
            throw new IllegalArgumentException("range [from, from + length) must be non-empty and lie within x (length "
                    + x.length + "), got from=" + from + ", length=" + length);
        }
        double max = checkedMax(x, from, length);
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += Math.exp(x[i] - max);
        }
        return max + Math.log(s);
    }

    /**
     * Returns {@code x_i - logSumExp(x)} as a new array.
     *
     * @param x the logits (not modified)
     * @return the log-probabilities
     * @throws IllegalArgumentException as {@link #logSumExp(double[])}
     */
    public static double[] logSoftmax(double[] x) {
        double lse = logSumExp(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - lse;
        }
        return out;
    }

    /**
     * Returns {@code exp(x_i - m) / sum_j exp(x_j - m)} as a new array; the entries sum to 1 up to
     * rounding and equal logits get exactly equal probabilities (two equal logits give exactly 0.5).
     *
     * @param x the logits (not modified)
     * @return the probabilities
     * @throws NullPointerException if {@code x} is null
     * @throws IllegalArgumentException as {@link #logSumExp(double[])}
     */
    public static double[] softmax(double[] x) {
        Checks.nonEmpty(x, "x");
        double max = checkedMax(x, 0, x.length);
        double[] out = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(x[i] - max);
            s += out[i];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] /= s;
        }
        return out;
    }

    /** The maximum of the range, after checking that no entry is NaN or +Infinity and one is finite. */
    private static double checkedMax(double[] x, int from, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            double v = x[i];
            if (!(v < Double.POSITIVE_INFINITY)) {
                throw Checks.fail("x[" + i + "]", "be finite or -Infinity", v);
            }
            if (v > max) {
                max = v;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw Checks.fail("x", "have at least one finite entry", "all -Infinity");
        }
        return max;
    }
}
