package io.github.genailab.diffusion.data;

import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Labelled points: a toy data set for a diffusion model, with the class of each point (the moon, the
 * mixture component, the part of the roll) for conditional training.
 *
 * @param name    what the points show, e.g. {@code "two moons"}
 * @param points  one row per point, all of the same width, finite
 * @param labels  the class of each point, in {@code [0, classes)}
 * @param classes the number of classes, {@code >= 1}
 *
 * @since 0.1.0
 */
public record PointCloud(String name, double[][] points, int[] labels, int classes) {

    /**
     * Validates and copies.
     *
     * @param name    the name
     * @param points  the points, at least one, rectangular and finite
     * @param labels  one label per point, in {@code [0, classes)}
     * @param classes the number of classes, in {@code [1, 1000]}
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if the points are empty, ragged or not finite, or a label does not fit
     */
    public PointCloud {
        Checks.notNull(name, "name");
        Checks.finiteMatrix(points, "points");
        Checks.notNull(labels, "labels");
        Checks.sameLength(labels.length, points.length, "labels", "points");
        Checks.inRange(classes, 1, 1000, "classes");
        for (int i = 0; i < labels.length; i++) {
            Checks.inRange(labels[i], 0, classes - 1, "labels[" + i + "]");
        }
        points = Copies.deepCopy(points, "points");
        labels = labels.clone();
    }

    /**
     * The points, a copy.
     *
     * @return a new matrix
     */
    @Override
    public double[][] points() {
        return Copies.deepCopy(points, "points");
    }

    /**
     * The labels, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The number of points.
     *
     * @return the size
     */
    public int size() {
        return labels.length;
    }

    /**
     * The points of one class, in order.
     *
     * @param c the class, in {@code [0, classes)}
     * @return a new matrix (possibly with no rows)
     * @throws IllegalArgumentException if {@code c} is out of range
     */
    public double[][] ofClass(int c) {
        Checks.inRange(c, 0, classes - 1, "c");
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                out.add(points[i].clone());
            }
        }
        return out.toArray(new double[0][]);
    }

    /**
     * Compares by content.
     *
     * @param other the object to compare with
     * @return whether name, points, labels and classes agree
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PointCloud p && name.equals(p.name) && Arrays.deepEquals(points, p.points)
                && Arrays.equals(labels, p.labels) && classes == p.classes;
    }

    /**
     * Hash by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.deepHashCode(points)) * 31 + Arrays.hashCode(labels);
    }

    /**
     * One line.
     *
     * @return e.g. {@code PointCloud[two moons, 2000 points in 2-D, 2 classes]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PointCloud[%s, %d points in %d-D, %d classes]", name, size(),
                points[0].length, classes);
    }
}
