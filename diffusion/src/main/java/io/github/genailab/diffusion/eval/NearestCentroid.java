package io.github.genailab.diffusion.eval;

import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * The nearest-centroid classifier: class {@code c}'s centroid is the mean of its training rows; a point
 * gets the class of the nearest centroid (Euclidean; ties to the smaller class). A simple, transparent
 * judge of generated samples: how often does a sample conditioned on class {@code c} look like {@code c}?
 * (T. Hastie, R. Tibshirani, J. Friedman, "The Elements of Statistical Learning", 2nd ed., Springer 2009,
 * section 18.2.)
 *
 * <p>Immutable and thread-safe. Fitting {@code O(n d)}, predicting {@code O(K d)} per point.
 *
 * @since 0.1.0
 */
public final class NearestCentroid {

    private final double[][] centroids;

    private NearestCentroid(double[][] centroids) {
        this.centroids = centroids;
    }

    /**
     * Fits the centroids.
     *
     * @param data    rows of equal width, finite
     * @param labels  the class of each row, in {@code [0, classes)}; every class at least once
     * @param classes the number of classes, in {@code [1, 1000]}
     * @return the classifier
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException if the data are empty, ragged or not finite, the lengths differ, a
     *                                  label is out of range or a class has no rows
     */
    public static NearestCentroid fit(double[][] data, int[] labels, int classes) {
        int d = Checks.finiteMatrix(data, "data");
        Checks.notNull(labels, "labels");
        Checks.inRange(classes, 1, 1000, "classes");
        Checks.sameLength(labels.length, data.length, "labels", "data");
        double[][] sums = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < data.length; i++) {
            int c = Checks.inRange(labels[i], 0, classes - 1, "labels[" + i + "]");
            counts[c]++;
            for (int k = 0; k < d; k++) {
                sums[c][k] += data[i][k];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                throw Checks.fail("labels", "contain every class in [0, " + classes + ")", "no row of class " + c);
            }
            for (int k = 0; k < d; k++) {
                sums[c][k] /= counts[c];
            }
        }
        return new NearestCentroid(sums);
    }

    /**
     * The centroids, a copy.
     *
     * @return one row per class
     */
    public double[][] centroids() {
        return Copies.deepCopy(centroids, "centroids");
    }

    /**
     * The predicted class of a point.
     *
     * @param x a point of the training width, finite
     * @return the class of the nearest centroid
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if its length differs or it is not finite
     */
    public int predict(double[] x) {
        Checks.allFinite(Checks.notNull(x, "x"), "x");
        Checks.sameLength(x.length, centroids[0].length, "x", "centroid width");
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = SampleDistance.euclidean(x, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /**
     * Accuracy per class of labelled points (e.g. samples generated for those labels).
     *
     * @param points rows of the training width, finite
     * @param labels the intended class of each point
     * @return per-class and overall accuracy
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException if the points are empty, ragged, not finite or of the wrong width,
     *                                  the lengths differ or a label is out of range
     */
    public ClassAccuracy accuracy(double[][] points, int[] labels) {
        int d = Checks.finiteMatrix(points, "points");
        Checks.sameLength(d, centroids[0].length, "points columns", "centroid width");
        Checks.notNull(labels, "labels");
        Checks.sameLength(labels.length, points.length, "labels", "points");
        int classes = centroids.length;
        int[] total = new int[classes];
        int[] correct = new int[classes];
        for (int i = 0; i < points.length; i++) {
            int c = Checks.inRange(labels[i], 0, classes - 1, "labels[" + i + "]");
            total[c]++;
            if (predict(points[i]) == c) {
                correct[c]++;
            }
        }
        return new ClassAccuracy(correct, total);
    }

    /**
     * One line.
     *
     * @return e.g. {@code NearestCentroid[10 classes, d=64]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NearestCentroid[%d classes, d=%d]", centroids.length, centroids[0].length);
    }
}
