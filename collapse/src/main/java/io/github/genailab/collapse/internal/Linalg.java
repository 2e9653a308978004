package io.github.genailab.collapse.internal;

import io.github.genailab.core.math.Checks;

/**
 * Small dense linear algebra on flat row-major {@code d x d} arrays: Cholesky factorisation (with an
 * escalating-jitter fallback), triangular inverses and products, log-determinants.
 *
 * <p>Everything works on caller-supplied buffers so that hot loops (EM, refit generations) allocate
 * nothing. Matrices are symmetric positive definite unless stated; only the lower triangle of a
 * factor is meaningful, its upper triangle is kept at zero.
 *
 * @since 0.1.0
 */
public final class Linalg {

    /** Jitter attempts before giving up: the jitter grows 10x per attempt, from the base. */
    private static final int JITTER_ATTEMPTS = 40;

    private Linalg() {
    }

    /**
     * Cholesky factorisation {@code a = l l^T}.
     *
     * @return false if {@code a} is not (numerically) positive definite; {@code l} is then garbage
     */
    public static boolean cholesky(double[] a, int d, double[] l) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
                        return false;
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
            for (int j = i + 1; j < d; j++) {
                l[i * d + j] = 0;
            }
        }
        return true;
    }

    /**
     * Cholesky factorisation of {@code a + jitter * I} with the smallest jitter in
     * {@code 0, base, 10 base, 100 base, ...} that succeeds.
     *
     * @param scratch a buffer of {@code d * d} doubles
     * @return the jitter added (0 when {@code a} itself factorises)
     * @throws IllegalStateException if no jitter up to {@code base * 1e39} helps (only for non-finite input)
     */
    public static double choleskyWithJitter(double[] a, int d, double[] l, double base, double[] scratch) {
        if (cholesky(a, d, l)) {
            return 0;
        }
        double jitter = base;
        for (int attempt = 0; attempt < JITTER_ATTEMPTS; attempt++, jitter *= 10) {
            System.arraycopy(a, 0, scratch, 0, d * d);
            for (int i = 0; i < d; i++) {
                scratch[i * d + i] += jitter;
            }
            if (cholesky(scratch, d, l)) {
                return jitter;
            }
        }
        throw new IllegalStateException("covariance could not be factorised even with jitter " + jitter);
    }

    /** {@code log det(a)} from its Cholesky factor: {@code 2 sum_j log l_jj}. */
    public static double logDetFromCholesky(double[] l, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += Math.log(l[j * d + j]);
        }
        return 2 * s;
    }

    /** Inverse of a lower-triangular matrix (lower-triangular again). */
    public static void invertLower(double[] l, int d, double[] out) {
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < j; i++) {
                out[i * d + j] = 0;
            }
            out[j * d + j] = 1 / l[j * d + j];
            for (int i = j + 1; i < d; i++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i * d + k] * out[k * d + j];
                }
                out[i * d + j] = s / l[i * d + i];
            }
        }
    }

    /** {@code out = a b} for lower-triangular {@code a}, {@code b}; {@code out} may not alias them. */
    public static void multiplyLower(double[] a, double[] b, int d, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = j; k <= i; k++) {
                    s += a[i * d + k] * b[k * d + j];
                }
                out[i * d + j] = j <= i ? s : 0;
            }
        }
    }

    /** {@code out = l l^T}; {@code out} may not alias {@code l}. */
    public static void lowerTimesTranspose(double[] l, int d, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += l[i * d + k] * l[j * d + k];
                }
                out[i * d + j] = s;
                out[j * d + i] = s;
            }
        }
    }

    /** {@code out = l s l^T} for lower-triangular {@code l} and symmetric {@code s}; uses {@code tmp}. */
    public static void congruence(double[] l, double[] s, int d, double[] tmp, double[] out) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k <= i; k++) {
                    v += l[i * d + k] * s[k * d + j];
                }
                tmp[i * d + j] = v;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k <= j; k++) {
                    v += tmp[i * d + k] * l[j * d + k];
                }
                out[i * d + j] = v;
                out[j * d + i] = v;
            }
        }
    }

    /** {@code out = l v} for lower-triangular {@code l}. */
    public static void lowerTimesVector(double[] l, double[] v, int d, double[] out) {
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += l[i * d + k] * v[k];
            }
            out[i] = s;
        }
    }

    /** Squared norm of {@code l^{-1} v} by forward substitution; {@code tmp} holds {@code d} doubles. */
    public static double inverseQuadratic(double[] l, double[] v, int d, double[] tmp) {
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = v[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * d + k] * tmp[k];
            }
            tmp[i] = s / l[i * d + i];
            q += tmp[i] * tmp[i];
        }
        return q;
    }

    /** Solves {@code (l l^T) x = b} by forward then back substitution; {@code x} may alias {@code b}. */
    public static void solveWithCholesky(double[] l, int d, double[] b, double[] x) {
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * d + k] * x[k];
            }
            x[i] = s / l[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k * d + i] * x[k];
            }
            x[i] = s / l[i * d + i];
        }
    }

    /** Trace of a flat square matrix. */
    public static double trace(double[] a, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += a[i * d + i];
        }
        return s;
    }

    /** Row-major flattening of a square matrix (a copy). */
    public static double[] flatten(double[][] m) {
        int d = m.length;
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, out, i * d, d);
        }
        return out;
    }

    /**
     * Validates a data matrix (non-empty, rectangular, finite) and returns it flattened row-major. The
     * scan is a plain loop; only when something is wrong does it defer to {@link Checks#finiteMatrix}
     * for the standard message (which builds a parameter name per row, too slow for 1e5 rows).
     *
     * @throws NullPointerException if the matrix or a row is null
     * @throws IllegalArgumentException if empty, ragged or not finite (naming the cell)
     */
    public static double[] flattenRows(double[][] rows, String name) {
        if (rows == null || rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            Checks.finiteMatrix(rows, name);
        }
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null || row.length != d) {
                Checks.finiteMatrix(rows, name);
            }
            for (int j = 0; j < d; j++) {
                double v = row[j];
                if (!Double.isFinite(v)) {
                    Checks.finiteMatrix(rows, name);
                }
                flat[i * d + j] = v;
            }
        }
        return flat;
    }

    /** A square {@code double[d][d]} from a flat row-major array (a copy). */
    public static double[][] square(double[] flat, int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    /**
     * Validates a covariance matrix: {@code d x d}, finite, symmetric (to 1e-12 relative) and positive
     * definite, and returns its Cholesky factor (flat).
     *
     * @throws NullPointerException if the matrix or a row is null
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static double[] covarianceFactor(double[][] covariance, int d, String name) {
        Checks.notNull(covariance, name);
        if (covariance.length != d) {
            throw Checks.fail(name, "be " + d + " x " + d, covariance.length + " rows");
        }
        int cols = Checks.finiteMatrix(covariance, name);
        if (cols != d) {
            throw Checks.fail(name, "be " + d + " x " + d, cols + " columns");
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = covariance[i][j];
                double b = covariance[j][i];
                double scale = Math.max(Math.abs(a), Math.abs(b));
                if (Math.abs(a - b) > 1e-12 * scale) {
                    throw Checks.fail(name + "[" + i + "][" + j + "]", "equal " + name + "[" + j + "][" + i
                            + "] (symmetric)", a + " vs " + b);
                }
            }
        }
        double[] l = new double[d * d];
        if (!cholesky(flatten(covariance), d, l)) {
            throw Checks.fail(name, "be positive definite", "a matrix whose Cholesky factorisation fails");
        }
        return l;
    }
}
