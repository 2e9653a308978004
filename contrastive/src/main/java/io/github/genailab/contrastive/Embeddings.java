package io.github.genailab.contrastive;

import io.github.genailab.core.math.PairwiseSum;
import java.nio.Buffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One modality's embeddings as the kernels use them: the rows the GEMMs see, staged block by block
 * into ND4J (the caller's rows as they are, or their L2-normalised copy on the heap in the input's
 * precision), plus what the backward pass through the normalisation needs.
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
    /** The normalised rows in the input's precision; null without normalisation (the caller's rows serve). */
    private final HostArray normalized;

    private Embeddings(RowMatrix raw, boolean normalize) {
        this.raw = raw;
        this.normalize = normalize;
        norms = new double[raw.rows()];
        scales = new double[raw.rows()];
        normalized = normalize ? HostArray.zeros(raw.precision(), raw.rows() * raw.cols()) : null;
    }

    /**
     * Measures (and, if asked, normalises into heap matrices of the input's precision) the rows of both
     * modalities, in one pass that also forms the positive-pair inner products {@code x_i . y_i} in
     * double from the caller's values (the positive-pair cosines when both sides are normalised).
     */
    static Batch prepare(RowMatrix image, RowMatrix text, boolean normalize) {
        Embeddings x = new Embeddings(image, normalize);
        Embeddings y = new Embeddings(text, normalize);
        double[] u = new double[image.cols()];
        double[] v = new double[text.cols()];
        double[] pairedDots = new double[image.rows()];
        for (int i = 0; i < pairedDots.length; i++) {
            x.prepareRow(i, u);
            y.prepareRow(i, v);
            pairedDots[i] = dot(u, v);
        }
        return new Batch(x, y, pairedDots);
    }

    /** Row {@code i} as the GEMMs will see it, into {@code row} (double) and, if normalised, the heap matrix. */
    private void prepareRow(int i, double[] row) {
        raw.row(i, row);
        double norm = Math.sqrt(dot(row, row));
        norms[i] = norm;
        scales[i] = 1;
        if (normalize) {
            double scale = 1.0 / Math.max(norm, NORM_EPS);
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
            scales[i] = scale;
            normalized.narrow(row, i * row.length);
        }
    }

    /** Copies rows {@code [row0, row0 + count)} as the GEMMs see them into {@code dst} ({@code count x dimension}). */
    void stage(INDArray dst, int row0, int count) {
        if (normalized != null) {
            normalized.toNd(row0 * dimension(), dst, 0, count * dimension());
            return;
        }
        Buffer buffer = NdBuffers.nio(dst);
        for (int r = 0; r < count; r++) {
            raw.toNio(row0 + r, buffer, NdBuffers.position(dst, (long) r * dimension()));
        }
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
        double max = 0;
        for (int i = 0; i < norms.length; i++) {
            max = Math.max(max, norms[i] * scales[i]);
        }
        return max;
    }

    /**
     * {@code sum_i x_i . g_i} over all rows, with {@code x_i} the rows the GEMMs saw: for
     * {@code g = dl/dX = s G Y} this is {@code <G, L>}, the derivative w.r.t. the log-scale.
     *
     * @param gradient {@code rows x dimension}, row-major
     */
    double dot(HostArray gradient) {
        double[] x = new double[dimension()];
        double[] g = new double[dimension()];
        double[] rowDots = new double[rows()];
        for (int i = 0; i < rowDots.length; i++) {
            if (normalized != null) {
                normalized.widen(i * x.length, x);
            } else {
                raw.row(i, x);
            }
            gradient.widen(i * g.length, g);
            rowDots[i] = dot(x, g);
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
                double inverse = 1 / norms[i];
                double along = dot(g, u) * inverse * inverse;
                for (int j = 0; j < cols; j++) {
                    g[j] = (g[j] - along * u[j]) * inverse;
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

    /** Both modalities of one batch and their positive-pair inner products. */
    static final class Batch {

        private final Embeddings image;
        private final Embeddings text;
        private final double[] pairedDots;

        private Batch(Embeddings image, Embeddings text, double[] pairedDots) {
            this.image = image;
            this.text = text;
            this.pairedDots = pairedDots;
        }

        Embeddings image() {
            return image;
        }

        Embeddings text() {
            return text;
        }

        /** A sweep over the pairs of this batch ({@code tileSize} 0: dense). */
        PairSweep sweep(int tileSize) {
            return new PairSweep(image, text, tileSize);
        }

        /** {@code x_i . y_i} per pair, in double from the caller's values (owned by the caller now). */
        double[] pairedDots() {
            return pairedDots;
        }
    }
}
