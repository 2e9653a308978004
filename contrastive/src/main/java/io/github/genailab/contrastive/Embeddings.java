package io.github.genailab.contrastive;

import io.github.genailab.core.math.PairwiseSum;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One modality's embeddings as the kernels use them: the (optionally L2-normalised) rows, on the heap
 * in the input's precision and staged block by block into ND4J for the GEMMs, plus what the backward
 * pass through the normalisation needs.
 *
 * <p>Normalisation follows PyTorch's {@code F.normalize(u, dim=-1)}, which open_clip applies:
 * {@code x = u / max(||u||, 1e-12)}. Its Jacobian, applied to the gradient {@code g} w.r.t. {@code x},
 * <pre>
 *   dl/du = (g - (g.x) x) / ||u||     if ||u|| &gt; 1e-12   (projection onto the tangent space)
 *   dl/du = g / 1e-12                 otherwise            (the clamp is constant in u)
 * </pre>
 * so an all-zero row is legal: it embeds to the zero vector and gets the gradient PyTorch gives it.
 */
final class Embeddings {

    /** PyTorch's default {@code eps} of {@code F.normalize}: the norm is clamped from below at this. */
    static final double NORM_EPS = 1e-12;

    private final RowMatrix raw;
    private final boolean normalize;
    private final double[] norms;
    private final double[] scales;
    private final double maxRowNorm;
    private final HostArray matrix;

    private Embeddings(RowMatrix raw, boolean normalize) {
        this.raw = raw;
        this.normalize = normalize;
        int rows = raw.rows();
        int cols = raw.cols();
        norms = new double[rows];
        scales = new double[rows];
        matrix = HostArray.zeros(raw.precision(), rows * cols);
        double[] row = new double[cols];
        double max = 0;
        for (int i = 0; i < rows; i++) {
            raw.row(i, row);
            double norm = Math.sqrt(dot(row, row));
            double scale = normalize ? 1.0 / Math.max(norm, NORM_EPS) : 1.0;
            for (int j = 0; j < cols; j++) {
                row[j] *= scale;
            }
            norms[i] = norm;
            scales[i] = scale;
            max = Math.max(max, norm * scale);
            matrix.narrow(row, i * cols);
        }
        maxRowNorm = max;
    }

    /** Copies (and, if asked, normalises) the rows into a heap matrix of the input's precision. */
    static Embeddings prepare(RowMatrix raw, boolean normalize) {
        return new Embeddings(raw, normalize);
    }

    /** Copies rows {@code [row0, row0 + count)} as the GEMMs see them into {@code dst} ({@code count x dimension}). */
    void stage(INDArray dst, int row0, int count) {
        matrix.toNd(row0 * dimension(), dst, 0, count * dimension());
    }

    /** A new {@code rows x dimension} matrix of zeros in this precision, row-major. */
    HostArray zeros() {
        return HostArray.zeros(precision(), rows() * dimension());
    }

    int rows() {
        return raw.rows();
    }

    int dimension() {
        return raw.cols();
    }

    Precision precision() {
        return raw.precision();
    }

    /** The largest Euclidean norm of a row as the GEMMs see it (1 after normalisation, 0 for zero rows). */
    double maxRowNorm() {
        return maxRowNorm;
    }

    /**
     * Row-wise inner products {@code x_i . y_i} with the other modality's rows, computed in double
     * from the caller's values: the positive-pair cosines when both sides are normalised.
     */
    double[] pairedDots(Embeddings other) {
        int cols = dimension();
        double[] a = new double[cols];
        double[] b = new double[cols];
        double[] out = new double[rows()];
        for (int i = 0; i < out.length; i++) {
            raw.row(i, a);
            other.raw.row(i, b);
            out[i] = dot(a, b) * scales[i] * other.scales[i];
        }
        return out;
    }

    /**
     * {@code sum_i x_i . g_i} over all rows, with {@code x_i} the rows the GEMMs saw: for
     * {@code g = dl/dX = s G Y} this is {@code <G, L>}, the derivative w.r.t. the log-scale.
     *
     * @param gradient {@code rows x dimension}, row-major
     */
    double dot(HostArray gradient) {
        int cols = dimension();
        double[] a = new double[cols];
        double[] b = new double[cols];
        double[] rowDots = new double[rows()];
        for (int i = 0; i < rowDots.length; i++) {
            matrix.widen(i * cols, a);
            gradient.widen(i * cols, b);
            rowDots[i] = dot(a, b);
        }
        return PairwiseSum.sum(rowDots);
    }

    /**
     * Maps the gradient w.r.t. the rows the GEMMs saw to the gradient w.r.t. the caller's raw rows.
     *
     * @param gradient {@code rows x dimension}, row-major
     * @return a new {@code double[rows][dimension]}
     */
    double[][] backward(HostArray gradient) {
        int cols = dimension();
        double[][] out = new double[rows()][cols];
        double[] u = new double[cols];
        for (int i = 0; i < out.length; i++) {
            double[] g = out[i];
            gradient.widen(i * cols, g);
            if (!normalize) {
                continue;
            }
            if (norms[i] > NORM_EPS) {
                raw.row(i, u);
                double gx = dot(g, u) / norms[i];
                for (int j = 0; j < cols; j++) {
                    g[j] = (g[j] - gx * u[j] / norms[i]) / norms[i];
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    g[j] /= NORM_EPS;
                }
            }
        }
        return out;
    }

    /** Inner product with four interleaved accumulators (a single one waits on every add's latency). */
    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= a.length; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < a.length; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
