package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.collapse.internal.Sampling;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The d-dimensional recursive Gaussian refit behind {@link RecursiveGaussian} (1-D is d = 1).
 *
 * <p>Each model is kept as a mean and a Cholesky factor {@code L} of its covariance. Synthetic data
 * of a model are drawn in standardised coordinates ({@code x = mu + lambda L z}), so their statistics
 * are exact functions of standard normal draws: under {@link Workflow.Kind#REPLACE} the next factor is
 * the product {@code lambda L A / sqrt(den)} with {@code A} the Cholesky factor of the standardised
 * scatter, and the log-determinant is updated additively. This keeps the recursion meaningful after
 * the variance has fallen far below the resolution of the mean's doubles; a naive implementation that
 * recomputes the variance from {@code x} values freezes it at exactly 0 once {@code sigma / |mu|}
 * drops below about 1e-16 (a floating-point absorbing state, cf. the paper's remark that floats make
 * every model discrete). Other workflows combine batch statistics in data coordinates
 * ({@code n}, mean, centred scatter; Chan et al.'s pairwise update) and refactorise.
 *
 * <p>Not thread-safe: one engine per run (scratch buffers are fields).
 */
final class GaussianRefitEngine {

    /** Batch statistics in data coordinates. */
    private static final class Stats {
        long n;
        final double[] mean;
        final double[] scatter;

        Stats(int d) {
            mean = new double[d];
            scatter = new double[d * d];
        }

        void set(Stats other) {
            n = other.n;
            System.arraycopy(other.mean, 0, mean, 0, mean.length);
            System.arraycopy(other.scatter, 0, scatter, 0, scatter.length);
        }

        /** {@code this += other}, the exact pooled mean and scatter. */
        void add(Stats other) {
            long total = n + other.n;
            double w = (double) other.n / total;
            double c = (double) n * other.n / total;
            int d = mean.length;
            for (int j = 0; j < d; j++) {
                double dj = other.mean[j] - mean[j];
                for (int l = 0; l < d; l++) {
                    scatter[j * d + l] += other.scatter[j * d + l] + c * dj * (other.mean[l] - mean[l]);
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] += w * (other.mean[j] - mean[j]);
            }
            n = total;
        }
    }

    /** Raw output of one run: flat per-generation means, factors and log-determinants. */
    static final class Run {
        final double[] means;
        final double[] factors;
        final double[] logDets;
        final double[] heldOutMean;
        final double[] heldOutCovariance;

        Run(int generations, int d) {
            means = new double[(generations + 1) * d];
            factors = new double[(generations + 1) * d * d];
            logDets = new double[generations + 1];
            heldOutMean = new double[d];
            heldOutCovariance = new double[d * d];
        }
    }

    private final int d;
    private final double[] mu0;
    private final double[] l0;
    private final long[] sizes;
    private final VarianceEstimator estimator;
    private final Workflow workflow;
    private final Sampler sampler;
    private final double lambda;
    private final int heldOut;

    private final double[] z;
    private final double[] zMean;
    private final double[] zFactor;
    private final double[] zScatter;
    private final double[] tmp;
    private final double[] tmp2;
    private final double[] covariance;
    private final double[] view;
    private final Stats data;
    private final Stats batch;
    private final Stats pool;

    private final double logLambda;
    private long cachedSize = -1;
    private double cachedLogDivisor;
    private double[] originalPoints;
    private double[] poolPoints;
    private int[] permutation;
    private long poolSize;

    GaussianRefitEngine(double[] mu0, double[] l0, long[] sizes, VarianceEstimator estimator, Workflow workflow,
            Sampler sampler, double lambda, int heldOut) {
        this.d = mu0.length;
        this.mu0 = mu0;
        this.l0 = l0;
        this.sizes = sizes;
        this.estimator = estimator;
        this.workflow = workflow;
        this.sampler = sampler;
        this.lambda = lambda;
        this.heldOut = heldOut;
        this.logLambda = Math.log(lambda);
        z = new double[d];
        zMean = new double[d];
        zFactor = new double[d * d];
        zScatter = new double[d * d];
        tmp = new double[d * d];
        tmp2 = new double[d * d];
        covariance = new double[d * d];
        view = new double[d * d];
        data = new Stats(d);
        batch = new Stats(d);
        pool = new Stats(d);
    }

    Run run(RandomGenerator rng) {
        int generations = sizes.length;
        Run out = new Run(generations, d);
        System.arraycopy(mu0, 0, out.means, 0, d);
        System.arraycopy(l0, 0, out.factors, 0, d * d);
        out.logDets[0] = Linalg.logDetFromCholesky(l0, d);

        gaussianBatch(mu0, 0, l0, 0, 1, heldOut, rng, batch);
        System.arraycopy(batch.mean, 0, out.heldOutMean, 0, d);
        for (int i = 0; i < d * d; i++) {
            out.heldOutCovariance[i] = batch.scatter[i] / heldOut;
        }
        if (generations == 0) {
            return out;
        }
        originalData(sizes[0], rng, out);
        for (int t = 1; t < generations; t++) {
            nextGeneration(t, rng, out);
        }
        return out;
    }

    /** Generation 0: the original data, and the first fit. */
    private void originalData(long m, RandomGenerator rng, Run out) {
        Workflow.Kind kind = workflow.kind();
        if (kind == Workflow.Kind.REPLACE) {
            replaceStep(0, 1, m, rng, out);
            return;
        }
        if (kind == Workflow.Kind.KEEP_ORIGINAL || kind == Workflow.Kind.ACCUMULATE_SUBSAMPLE) {
            originalPoints = new double[(int) m * d];
            drawPoints(mu0, 0, l0, 0, 1, (int) m, rng, originalPoints, 0);
            pointStats(originalPoints, identity((int) m), (int) m, data);
            if (kind == Workflow.Kind.ACCUMULATE_SUBSAMPLE) {
                long capacity = m;
                for (int t = 1; t < sizes.length; t++) {
                    capacity += sizes[t];
                }
                poolPoints = Arrays.copyOf(originalPoints, (int) capacity * d);
                permutation = identity((int) capacity);
                poolSize = m;
            }
        } else {
            gaussianBatch(mu0, 0, l0, 0, 1, m, rng, data);
            pool.set(data);
        }
        fit(data, 1, out);
    }

    private void nextGeneration(int t, RandomGenerator rng, Run out) {
        long m = sizes[t];
        double[] mu = out.means;
        double[] l = out.factors;
        int mo = t * d;
        int lo = t * d * d;
        switch (workflow.kind()) {
            case REPLACE:
                replaceStep(t, lambda, m, rng, out);
                return;
            case ACCUMULATE:
                gaussianBatch(mu, mo, l, lo, lambda, m, rng, batch);
                pool.add(batch);
                data.set(pool);
                break;
            case FRESH_DATA:
                gaussianBatch(mu0, 0, l0, 0, 1, workflow.freshSamples(), rng, data);
                gaussianBatch(mu, mo, l, lo, lambda, m, rng, batch);
                data.add(batch);
                break;
            case KEEP_ORIGINAL: {
                int original = originalPoints.length / d;
                int share = workflow.originalShare(m, original);
                int[] chosen = subsample(original, share, rng);
                pointStats(originalPoints, chosen, share, data);
                gaussianBatch(mu, mo, l, lo, lambda, m - share, rng, batch);
                data.add(batch);
                break;
            }
            default: {
                drawPoints(mu, mo, l, lo, lambda, (int) m, rng, poolPoints, (int) poolSize * d);
                poolSize += m;
                int[] chosen = subsample((int) poolSize, (int) m, rng);
                pointStats(poolPoints, chosen, (int) m, data);
                break;
            }
        }
        fit(data, t + 1, out);
    }

    /** Replace: model t+1 from m standardised draws of model t, by the exact product update. */
    private void replaceStep(int t, double scale, long m, RandomGenerator rng, Run out) {
        boolean hasFactor = standardBatch(m, rng);
        if (!hasFactor) {
            Linalg.choleskyWithJitter(zScatter, d, zFactor, 1e-300, tmp);
        }
        double den = estimator.divisor(m);
        int mo = t * d;
        int lo = t * d * d;
        double[] l = out.factors;
        Linalg.lowerTimesVector(slice(l, lo), zMean, d, z);
        for (int j = 0; j < d; j++) {
            out.means[mo + d + j] = out.means[mo + j] + scale * z[j];
        }
        Linalg.multiplyLower(slice(l, lo), zFactor, d, tmp);
        double f = scale / Math.sqrt(den);
        for (int i = 0; i < d * d; i++) {
            out.factors[lo + d * d + i] = f * tmp[i];
        }
        double logDiag = 0;
        for (int j = 0; j < d; j++) {
            logDiag += Math.log(zFactor[j * d + j]);
        }
        if (m != cachedSize) {
            cachedSize = m;
            cachedLogDivisor = Math.log(den);
        }
        double logScale = scale == 1 ? 0 : logLambda;
        out.logDets[t + 1] = out.logDets[t] + d * (2 * logScale - cachedLogDivisor) + 2 * logDiag;
    }

    /** Fits generation {@code g}'s model to {@code stats}. */
    private void fit(Stats stats, int g, Run out) {
        double den = estimator.divisor(stats.n);
        for (int i = 0; i < d * d; i++) {
            covariance[i] = stats.scatter[i] / den;
        }
        System.arraycopy(stats.mean, 0, out.means, g * d, d);
        double base = 1e-12 * Math.max(Linalg.trace(covariance, d) / d, Double.MIN_NORMAL);
        Linalg.choleskyWithJitter(covariance, d, zFactor, base, tmp);
        System.arraycopy(zFactor, 0, out.factors, g * d * d, d * d);
        out.logDets[g] = Linalg.logDetFromCholesky(zFactor, d);
    }

    /** Standardised batch: zMean and either zFactor (returns true) or zScatter. */
    private boolean standardBatch(long m, RandomGenerator rng) {
        if (sampler == Sampler.FULL) {
            Sampling.drawnBatch(m, d, rng, z, zMean, zScatter);
            return false;
        }
        return Sampling.sufficientBatch(m, d, rng, z, zMean, zFactor, zScatter);
    }

    /** Statistics, in data coordinates, of m draws from N(mu, scale^2 L L^T). */
    private void gaussianBatch(double[] mu, int mo, double[] l, int lo, double scale, long m, RandomGenerator rng,
            Stats into) {
        double[] lt = slice(l, lo);
        boolean hasFactor = standardBatch(m, rng);
        Linalg.lowerTimesVector(lt, zMean, d, z);
        for (int j = 0; j < d; j++) {
            into.mean[j] = mu[mo + j] + scale * z[j];
        }
        if (hasFactor) {
            Linalg.multiplyLower(lt, zFactor, d, tmp2);
            Linalg.lowerTimesTranspose(tmp2, d, into.scatter);
        } else {
            Linalg.congruence(lt, zScatter, d, tmp2, into.scatter);
        }
        double s2 = scale * scale;
        for (int i = 0; i < d * d; i++) {
            into.scatter[i] *= s2;
        }
        into.n = m;
    }

    /** Writes m points of N(mu, scale^2 L L^T) into {@code target} from offset {@code at}. */
    private void drawPoints(double[] mu, int mo, double[] l, int lo, double scale, int m, RandomGenerator rng,
            double[] target, int at) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                zMean[j] = rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += l[lo + j * d + k] * zMean[k];
                }
                target[at + i * d + j] = mu[mo + j] + scale * s;
            }
        }
    }

    /** Two-pass statistics of the points {@code chosen[0..count)}. */
    private void pointStats(double[] points, int[] chosen, int count, Stats into) {
        Arrays.fill(into.mean, 0);
        Arrays.fill(into.scatter, 0);
        for (int i = 0; i < count; i++) {
            int p = chosen[i] * d;
            for (int j = 0; j < d; j++) {
                into.mean[j] += points[p + j];
            }
        }
        for (int j = 0; j < d; j++) {
            into.mean[j] /= count;
        }
        for (int i = 0; i < count; i++) {
            int p = chosen[i] * d;
            for (int j = 0; j < d; j++) {
                double dj = points[p + j] - into.mean[j];
                for (int k = 0; k < d; k++) {
                    into.scatter[j * d + k] += dj * (points[p + k] - into.mean[k]);
                }
            }
        }
        into.n = count;
    }

    /** A uniform random {@code m}-subset of {@code 0..n-1} (partial Fisher-Yates on a kept permutation). */
    private int[] subsample(int n, int m, RandomGenerator rng) {
        if (permutation == null || permutation.length < n) {
            permutation = identity(n);
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The {@code d x d} block of {@code l} at offset {@code lo} (the array itself when it is that block). */
    private double[] slice(double[] l, int lo) {
        if (lo == 0 && l.length == d * d) {
            return l;
        }
        System.arraycopy(l, lo, view, 0, d * d);
        return view;
    }
}
