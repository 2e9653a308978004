package io.github.genailab.collapse.mixture;

import io.github.genailab.collapse.internal.Sampling;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Greedy k-means++ seeding and Lloyd's k-means on flat row-major data, the initialisation of
 * {@link GaussianMixtureEm} (behaviour of scikit-learn's {@code KMeans(n_init=1)}; our own code).
 *
 * <p>Seeding (Arthur &amp; Vassilvitskii 2007, greedy variant): the first centre is uniform; each next
 * one is the best, by resulting potential, of {@code 2 + floor(ln k)} candidates drawn with
 * probability proportional to the squared distance to the nearest centre. When every point already
 * sits on a centre (duplicates, {@code n < k}) candidates are drawn uniformly. Lloyd: at most 300
 * iterations, stopping when the labels repeat or the total squared centre shift is at most
 * {@code 1e-4 * mean feature variance}; an empty cluster is moved to the point farthest from its centre.
 */
final class KMeans {

    private static final int MAX_ITERATIONS = 300;
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private KMeans() {
    }

    /** Indices of the k seed points. */
    static int[] seeds(double[] x, int n, int d, int k, RandomGenerator rng) {
        int[] chosen = new int[k];
        double[] closest = new double[n];
        double[] candidateDistances = new double[n];
        double[] bestDistances = new double[n];
        chosen[0] = rng.nextInt(n);
        double potential = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = squaredDistance(x, i * d, x, chosen[0] * d, d);
            potential += closest[i];
        }
        int trials = 2 + (int) Math.log(k);
        double[] cumulative = new double[n];
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int candidate = potential > 0 ? Sampling.firstAbove(cumulative, n, rng.nextDouble() * running) : rng.nextInt(n);
                double candidatePotential = 0;
                for (int i = 0; i < n; i++) {
                    double dist = Math.min(closest[i], squaredDistance(x, i * d, x, candidate * d, d));
                    candidateDistances[i] = dist;
                    candidatePotential += dist;
                }
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    best = candidate;
                    System.arraycopy(candidateDistances, 0, bestDistances, 0, n);
                }
            }
            chosen[c] = best;
            potential = bestPotential;
            System.arraycopy(bestDistances, 0, closest, 0, n);
        }
        return chosen;
    }

    /** Lloyd's k-means from k-means++ seeds; returns the final labels. */
    static int[] labels(double[] x, int n, int d, int k, RandomGenerator rng) {
        int[] seeds = seeds(x, n, d, k, rng);
        double[] centers = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(x, seeds[c] * d, centers, c * d, d);
        }
        double tolerance = RELATIVE_TOLERANCE * meanFeatureVariance(x, n, d);
        int[] labels = new int[n];
        int[] previous = new int[n];
        double[] distances = new double[n];
        double[] next = new double[k * d];
        int[] counts = new int[k];
        assign(x, n, d, centers, k, labels, distances);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(next, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int c = labels[i];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    next[c * d + j] += x[i * d + j];
                }
            }
            relocateEmpty(x, d, k, counts, next, distances);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double v = next[c * d + j] / counts[c];
                    double delta = v - centers[c * d + j];
                    shift += delta * delta;
                    centers[c * d + j] = v;
                }
            }
            System.arraycopy(labels, 0, previous, 0, n);
            assign(x, n, d, centers, k, labels, distances);
            if (Arrays.equals(labels, previous) || shift <= tolerance) {
                break;
            }
        }
        return labels;
    }

    /** Moves each empty cluster onto the point farthest from its current centre. */
    private static void relocateEmpty(double[] x, int d, int k, int[] counts, double[] sums, double[] distances) {
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                continue;
            }
            int far = 0;
            for (int i = 1; i < distances.length; i++) {
                if (distances[i] > distances[far]) {
                    far = i;
                }
            }
            distances[far] = -1;
            System.arraycopy(x, far * d, sums, c * d, d);
            counts[c] = 1;
        }
    }

    private static void assign(double[] x, int n, int d, double[] centers, int k, int[] labels, double[] distances) {
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDistance = squaredDistance(x, i * d, centers, 0, d);
            for (int c = 1; c < k; c++) {
                double dist = squaredDistance(x, i * d, centers, c * d, d);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            labels[i] = best;
            distances[i] = bestDistance;
        }
    }

    /** Mean over features of the (MLE) variance of each column of flat {@code n x d} data. */
    static double meanFeatureVariance(double[] x, int n, int d) {
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double s = 0;
            for (int i = 0; i < n; i++) {
                double r = x[i * d + j] - mean;
                s += r * r;
            }
            total += s / n;
        }
        return total / d;
    }

    private static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double r = a[ao + j] - b[bo + j];
            s += r * r;
        }
        return s;
    }
}
