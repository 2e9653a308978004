package io.github.genailab.collapse.internal;

import java.util.random.RandomGenerator;

/**
 * Exact samplers behind the simulations: gamma and chi-square variates (Marsaglia &amp; Tsang 2000),
 * and the sufficient statistics of a batch of standard normal vectors, either by drawing every point
 * or directly (normal mean plus Wishart scatter by the Bartlett decomposition).
 *
 * <p>Batch statistics are in standardised coordinates: for {@code m} i.i.d. {@code z ~ N(0, I_d)} the
 * mean {@code zbar} and the centred scatter {@code S = sum (z - zbar)(z - zbar)^T}. Both routes give
 * exactly the same joint law: {@code zbar ~ N(0, I/m)} independent of {@code S ~ Wishart_d(I, m - 1)}.
 *
 * @since 0.1.0
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * A Gamma(shape, 1) variate by Marsaglia &amp; Tsang, "A simple method for generating gamma
     * variables", ACM TOMS 26(3), 2000; shapes below 1 use the boost {@code G(a) = G(a+1) U^(1/a)}.
     */
    public static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A chi-square variate with {@code df > 0} degrees of freedom. */
    public static double chiSquare(double df, RandomGenerator rng) {
        return 2 * gamma(df / 2, rng);
    }

    /**
     * Standardised statistics of {@code m} points drawn one by one: {@code mean} ({@code d}) and centred
     * {@code scatter} ({@code d x d}, flat). Uses raw sums, which is accurate here because standard
     * normal coordinates are O(1).
     */
    public static void drawnBatch(long m, int d, RandomGenerator rng, double[] z, double[] mean, double[] scatter) {
        java.util.Arrays.fill(mean, 0, d, 0);
        java.util.Arrays.fill(scatter, 0, d * d, 0);
        if (d == 1) {
            double s1 = 0;
            double s2 = 0;
            for (long i = 0; i < m; i++) {
                double x = rng.nextGaussian();
                s1 += x;
                s2 += x * x;
            }
            mean[0] = s1 / m;
            scatter[0] = Math.max(0, s2 - s1 * mean[0]);
            return;
        }
        for (long i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
                mean[j] += z[j];
            }
            for (int j = 0; j < d; j++) {
                double zj = z[j];
                for (int l = 0; l <= j; l++) {
                    scatter[j * d + l] += zj * z[l];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= m;
        }
        for (int j = 0; j < d; j++) {
            for (int l = 0; l <= j; l++) {
                double v = scatter[j * d + l] - m * mean[j] * mean[l];
                scatter[j * d + l] = v;
                scatter[l * d + j] = v;
            }
        }
    }

    /**
     * Standardised statistics of {@code m} points drawn directly from their joint law: the mean as
     * {@code N(0, I/m)} and the scatter's Cholesky factor {@code a} (lower, flat) by Bartlett's
     * decomposition when {@code m - 1 >= d}: {@code a_jj = sqrt(chi2(m - 1 - j))}, {@code a_jl ~ N(0,1)}
     * below the diagonal. Returns false (and fills {@code scatter} instead, as a sum of {@code m - 1}
     * outer products) when the scatter is singular, i.e. {@code m - 1 < d}.
     */
    public static boolean sufficientBatch(long m, int d, RandomGenerator rng, double[] z, double[] mean,
            double[] factor, double[] scatter) {
        double sd = 1 / Math.sqrt(m);
        for (int j = 0; j < d; j++) {
            mean[j] = sd * rng.nextGaussian();
        }
        long df = m - 1;
        if (df >= d) {
            for (int j = 0; j < d; j++) {
                for (int l = 0; l < j; l++) {
                    factor[j * d + l] = rng.nextGaussian();
                }
                factor[j * d + j] = Math.sqrt(chiSquare(df - j, rng));
                for (int l = j + 1; l < d; l++) {
                    factor[j * d + l] = 0;
                }
            }
            return true;
        }
        java.util.Arrays.fill(scatter, 0, d * d, 0);
        for (long i = 0; i < df; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                for (int l = 0; l < d; l++) {
                    scatter[j * d + l] += z[j] * z[l];
                }
            }
        }
        return false;
    }

    /**
     * First index {@code i < length} with {@code cumulative[i] > u} (clamped to {@code length - 1}): the
     * inverse-CDF draw of a category from ascending cumulative weights.
     *
     * @param cumulative ascending cumulative weights
     * @param length how many entries of {@code cumulative} are in use, at least 1
     * @param u the uniform draw scaled to the total weight
     * @return the category index
     */
    public static int firstAbove(double[] cumulative, int length, double u) {
        int lo = 0;
        int hi = length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
