package io.github.genailab.membership;

import java.util.Arrays;

/**
 * The m smallest values of an array, in ascending order, found by partial selection.
 *
 * <p>The reference sorts all N values and takes a prefix ({@code np.sort(x)[:m]}). Only the m
 * selected values need sorting: an introselect (quickselect with three-way partitioning, falling
 * back to a sort of the remaining range after 2 log2 N rounds) moves the m smallest to the front in
 * O(N) expected time, then only those m are sorted. The sort is kept because numpy's pairwise sum
 * depends on the order of its inputs: summing the selection in ascending order is what makes the
 * mean equal to the reference bit for bit.
 *
 * <p>Complexity: O(N + m log m) time, one copy of the input. Three-way partitioning keeps heavily
 * tied inputs (n-gram models produce many equal log-probabilities) linear.
 */
final class Selection {

    private static final int INSERTION_SORT_MAX = 24;

    private Selection() {
    }

    /**
     * Returns a new array whose first {@code m} elements are the {@code m} smallest of
     * {@code values} in ascending order (the rest is unspecified).
     *
     * @param values finite values (not modified)
     * @param m how many to select, in [1, values.length]
     * @return a working copy with the selection sorted at its front
     */
    static double[] smallestFirst(double[] values, int m) {
        double[] a = values.clone();
        if (m < a.length) {
            select(a, m);
        }
        Arrays.sort(a, 0, m);
        return a;
    }

    /** Rearranges {@code a} so that {@code a[0, m)} holds its m smallest values (in any order). */
    private static void select(double[] a, int m) {
        int lo = 0;
        int hi = a.length;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length));
        while (hi - lo > INSERTION_SORT_MAX) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi);
                return;
            }
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi - 1]);
            // Dutch-flag partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot.
            int lt = lo;
            int i = lo;
            int gt = hi - 1;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    swap(a, lt++, i++);
                } else if (v > pivot) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (m <= lt) {
                hi = lt;
            } else if (m > gt + 1) {
                lo = gt + 1;
            } else {
                return;
            }
        }
        Arrays.sort(a, lo, hi);
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
