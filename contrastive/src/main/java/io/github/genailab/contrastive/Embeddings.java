package io.github.genailab.contrastive;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One modality's embeddings as the kernels use them: the (optionally L2-normalised) rows in an ND4J
 * matrix for the GEMMs, plus what the backward pass through the normalisation needs.
 *
 * <p>Normalisation follows PyTorch's {@code F.normalize(u, dim=-1)}, which open_clip applies:
 * {@code x = u / max(||u||, 1e-12)}. Its Jacobian, applied to the gradient {@code g} w.r.t. {@code x},
 * <pre>
 *   dl/du = (g - (g.x) x) / ||u||     if ||u|| &gt; 1e-12   (projection onto the tangent space)
 *   dl/du = g / 1e-12                 otherwise            (the clamp is constant in u)
 * </pre>
 * so an all-zero row is legal: it embeds to the zero vector and gets the gradient PyTorch gives it.
 *
 * <p>{@link #close()} frees the off-heap matrix at once instead of whenever the GC notices it.
 */
final class Embeddings implements AutoCloseable {

    /** PyTorch's default {@code eps} of {@code F.normalize}: the norm is clamped from below at this. */
    static final double NORM_EPS = 1e-12;

    private final RowMatrix raw;
    private final boolean normalize;
    private final double[] norms;
    private final double[] scales;
    private final double maxRowNorm;
    private final INDArray matrix;

    private Embeddings(RowMatrix raw, boolean normalize) {
        this.raw = raw;
        this.normalize = normalize;
        int rows = raw.rows();
        int cols = raw.cols();
        norms = new double[rows];
        scales = new double[rows];
        matrix = NdBuffers.matrix(raw.precision(), rows, cols);
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
            NdBuffers.write(matrix, (long) i * cols, row, cols);
        }
        maxRowNorm = max;
    }

    /** Copies (and, if asked, normalises) the rows into a new ND4J matrix of the input's precision. */
    static Embeddings prepare(RowMatrix raw, boolean normalize) {
        return new Embeddings(raw, normalize);
    }

    /** The rows the GEMMs see ({@code rows x dimension}, C order). */
    INDArray matrix() {
        return matrix;
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
     * Maps the gradient w.r.t. the rows the GEMMs saw to the gradient w.r.t. the caller's raw rows.
     *
     * @param gradient {@code rows x dimension} ND4J matrix, C order, not a view
     * @return a new {@code double[rows][dimension]}
     */
    double[][] backward(INDArray gradient) {
        int cols = dimension();
        double[][] out = new double[rows()][cols];
        double[] u = new double[cols];
        for (int i = 0; i < out.length; i++) {
            double[] g = out[i];
            NdBuffers.read(gradient, (long) i * cols, g, cols);
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

    /** Releases the ND4J matrix. */
    @Override
    public void close() {
        matrix.close();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
