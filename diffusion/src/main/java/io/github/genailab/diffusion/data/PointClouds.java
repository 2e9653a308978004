package io.github.genailab.diffusion.data;

import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Two-dimensional toy data a student can see, each of about unit scale (so a diffusion model with the
 * paper's schedule, which ends near {@code N(0, I)}, needs no rescaling), with a class per point.
 *
 * <ul>
 *   <li>{@link #twoMoons}: the two interleaving half circles of scikit-learn's {@code make_moons}
 *       ({@code (cos u, sin u)} and {@code (1 - cos u, 1/2 - sin u)}, {@code u ~ U[0, pi]}), shifted by
 *       {@code (-1/2, -1/4)}; class = moon.</li>
 *   <li>{@link #swissRoll}: {@code (u cos u, u sin u) / 10} with {@code u = 3 pi / 2 (1 + 2 v)},
 *       {@code v ~ U[0, 1)}; class = third of the roll ({@code floor(3 v)}).</li>
 *   <li>{@link #gaussianMixture}: {@code k} equally likely isotropic Gaussians with centres evenly on a circle;
 *       class = component.</li>
 *   <li>{@link #letter}: points uniform along the strokes of a capital letter drawn in {@code [-1, 1]^2}; one class.</li>
 * </ul>
 * Each point gets Gaussian noise of standard deviation {@code noise} per coordinate. The generator is
 * used point by point (class or position, then the noise), so a seed gives the same cloud.
 *
 * @since 0.1.0
 */
public final class PointClouds {

    /** The most points one call makes. */
    public static final int MAX_POINTS = 1 << 20;

    /** The letters {@link #letter} can draw. */
    public static final String LETTERS = "AEHLTVWXZ";

    /** Strokes {x0, y0, x1, y1, ...} per letter, in [-1, 1]^2. */
    private static final Map<Character, double[][]> STROKES = Map.of(
            'A', new double[][] {{-0.8, -1, 0, 1, 0.8, -1}, {-0.4, 0, 0.4, 0}},
            'E', new double[][] {{0.7, 1, -0.7, 1, -0.7, -1, 0.7, -1}, {-0.7, 0, 0.4, 0}},
            'H', new double[][] {{-0.7, 1, -0.7, -1}, {0.7, 1, 0.7, -1}, {-0.7, 0, 0.7, 0}},
            'L', new double[][] {{-0.6, 1, -0.6, -1, 0.7, -1}},
            'T', new double[][] {{-0.8, 1, 0.8, 1}, {0, 1, 0, -1}},
            'V', new double[][] {{-0.8, 1, 0, -1, 0.8, 1}},
            'W', new double[][] {{-1, 1, -0.5, -1, 0, 0.4, 0.5, -1, 1, 1}},
            'X', new double[][] {{-0.8, 1, 0.8, -1}, {-0.8, -1, 0.8, 1}},
            'Z', new double[][] {{-0.7, 1, 0.7, 1, -0.7, -1, 0.7, -1}});

    private PointClouds() {
    }

    /**
     * Two interleaving half circles.
     *
     * @param n     the number of points, in {@code [1, 2^20]}; the first {@code ceil(n/2)} on the upper moon
     * @param noise the noise's standard deviation, finite and {@code >= 0}
     * @param rng   the source of randomness
     * @return the cloud, 2 classes
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code n} or {@code noise} is out of range
     */
    public static PointCloud twoMoons(int n, double noise, RandomGenerator rng) {
        check(n, noise, rng);
        double[][] points = new double[n][];
        int[] labels = new int[n];
        int upper = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            double u = Math.PI * rng.nextDouble();
            labels[i] = i < upper ? 0 : 1;
            points[i] = i < upper
                    ? noisy(Math.cos(u) - 0.5, Math.sin(u) - 0.25, noise, rng)
                    : noisy(0.5 - Math.cos(u), 0.25 - Math.sin(u), noise, rng);
        }
        return new PointCloud("two moons", points, labels, 2);
    }

    /**
     * A two-dimensional Swiss roll (a spiral).
     *
     * @param n     the number of points, in {@code [1, 2^20]}
     * @param noise the noise's standard deviation, finite and {@code >= 0}
     * @param rng   the source of randomness
     * @return the cloud, 3 classes
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code n} or {@code noise} is out of range
     */
    public static PointCloud swissRoll(int n, double noise, RandomGenerator rng) {
        check(n, noise, rng);
        double[][] points = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double v = rng.nextDouble();
            double u = 1.5 * Math.PI * (1 + 2 * v);
            labels[i] = Math.min(2, (int) (3 * v));
            points[i] = noisy(u * Math.cos(u) / 10, u * Math.sin(u) / 10, noise, rng);
        }
        return new PointCloud("Swiss roll", points, labels, 3);
    }

    /**
     * A mixture of {@code components} equally likely Gaussians centred evenly on a circle (the first
     * centre at angle 0).
     *
     * @param n          the number of points, in {@code [1, 2^20]}
     * @param components the number of Gaussians, in {@code [1, 1000]}
     * @param radius     the circle's radius, finite and {@code >= 0}
     * @param noise      each Gaussian's standard deviation, finite and {@code >= 0}
     * @param rng        the source of randomness
     * @return the cloud, one class per component
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static PointCloud gaussianMixture(int n, int components, double radius, double noise, RandomGenerator rng) {
        check(n, noise, rng);
        Checks.inRange(components, 1, 1000, "components");
        Checks.finite(radius, "radius");
        Checks.nonNegative(radius, "radius");
        double[][] points = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(components);
            double angle = 2 * Math.PI * c / components;
            labels[i] = c;
            points[i] = noisy(radius * Math.cos(angle), radius * Math.sin(angle), noise, rng);
        }
        return new PointCloud(components + " Gaussians", points, labels, components);
    }

    /**
     * Points along a capital letter (a watermark shape, or a shape to learn).
     *
     * @param letter one of {@value #LETTERS}
     * @param n      the number of points, in {@code [1, 2^20]}
     * @param noise  the noise's standard deviation, finite and {@code >= 0}
     * @param rng    the source of randomness
     * @return the cloud, one class
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if the letter is not drawable or {@code n} or {@code noise} is out of range
     */
    public static PointCloud letter(char letter, int n, double noise, RandomGenerator rng) {
        check(n, noise, rng);
        double[][] strokes = STROKES.get(letter);
        if (strokes == null) {
            throw Checks.fail("letter", "be one of " + LETTERS, letter);
        }
        List<double[]> segments = new ArrayList<>();
        for (double[] stroke : strokes) {
            for (int s = 0; s + 3 < stroke.length; s += 2) {
                segments.add(new double[] {stroke[s], stroke[s + 1], stroke[s + 2], stroke[s + 3],
                    Math.hypot(stroke[s + 2] - stroke[s], stroke[s + 3] - stroke[s + 1])});
            }
        }
        double total = segments.stream().mapToDouble(g -> g[4]).sum();
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double position = total * rng.nextDouble();
            int g = 0;
            while (g + 1 < segments.size() && position > segments.get(g)[4]) {
                position -= segments.get(g)[4];
                g++;
            }
            double[] seg = segments.get(g);
            double f = Math.min(1, position / seg[4]);
            points[i] = noisy(seg[0] + f * (seg[2] - seg[0]), seg[1] + f * (seg[3] - seg[1]), noise, rng);
        }
        return new PointCloud("letter " + letter, points, new int[n], 1);
    }

    private static void check(int n, double noise, RandomGenerator rng) {
        Checks.inRange(n, 1, MAX_POINTS, "n");
        Checks.finite(noise, "noise");
        Checks.nonNegative(noise, "noise");
        Checks.notNull(rng, "rng");
    }

    private static double[] noisy(double x, double y, double noise, RandomGenerator rng) {
        return new double[] {x + noise * rng.nextGaussian(), y + noise * rng.nextGaussian()};
    }
}
