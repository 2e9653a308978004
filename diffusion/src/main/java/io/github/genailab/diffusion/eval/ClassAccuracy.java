package io.github.genailab.diffusion.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * How often a classifier recognised the intended class, per class and overall.
 *
 * @param correct per class, the points classified as their intended class
 * @param total   per class, the points intended as that class
 *
 * @since 0.1.0
 */
public record ClassAccuracy(int[] correct, int[] total) {

    /**
     * Validates and copies the counts.
     *
     * @param correct per-class hits, each in {@code [0, total[c]]}
     * @param total   per-class counts, each {@code >= 0}, at least one class
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ or a count is out of range
     */
    public ClassAccuracy {
        Checks.nonEmpty(total, "total");
        Checks.notNull(correct, "correct");
        Checks.sameLength(correct.length, total.length, "correct", "total");
        for (int c = 0; c < total.length; c++) {
            Checks.nonNegative(total[c], "total[" + c + "]");
            Checks.inRange(correct[c], 0, total[c], "correct[" + c + "]");
        }
        correct = correct.clone();
        total = total.clone();
    }

    /**
     * The hits per class, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] correct() {
        return correct.clone();
    }

    /**
     * The counts per class, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] total() {
        return total.clone();
    }

    /**
     * Accuracy of class {@code c} (NaN if it has no points).
     *
     * @param c the class
     * @return {@code correct[c] / total[c]}
     * @throws IllegalArgumentException if {@code c} is out of range
     */
    public double of(int c) {
        Checks.inRange(c, 0, total.length - 1, "c");
        return total[c] == 0 ? Double.NaN : (double) correct[c] / total[c];
    }

    /**
     * Accuracy over all points (NaN if there are none).
     *
     * @return hits over points
     */
    public double overall() {
        int hits = Arrays.stream(correct).sum();
        int points = Arrays.stream(total).sum();
        return points == 0 ? Double.NaN : (double) hits / points;
    }

    /**
     * Compares the counts.
     *
     * @param other the object to compare with
     * @return whether the counts agree
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClassAccuracy a && Arrays.equals(correct, a.correct) && Arrays.equals(total, a.total);
    }

    /**
     * Hash of the counts.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(correct) * 31 + Arrays.hashCode(total);
    }

    /**
     * One line: overall and per class.
     *
     * @return e.g. {@code ClassAccuracy[overall 0.91 of 100, per class [1.00, 0.80, ...]]}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "ClassAccuracy[overall %.2f of %d, per class [",
                overall(), Arrays.stream(total).sum()));
        for (int c = 0; c < total.length; c++) {
            s.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", of(c)));
        }
        return s.append("]]").toString();
    }
}
