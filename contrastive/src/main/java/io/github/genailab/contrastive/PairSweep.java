package io.github.genailab.contrastive;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Visits the pair-similarity matrix {@code C = X Y^T} ({@code B x N}) tile by tile without ever
 * holding more than one {@code tile x tile} block, and accumulates the embedding gradients.
 *
 * <p>Each tile {@code C[I, J] = X[I] Y[J]^T} is one ND4J GEMM. A kernel sees it in row strips copied
 * to a small {@code double[]} (bounded scratch whatever the tile size). In a backward sweep the kernel
 * overwrites each value with {@code dl/dL} for the logits {@code L = s C + b}, and the sweep then adds
 * <pre>
 *   dX[I] += s G Y[J]        dY[J] += s G^T X[I]
 * </pre>
 * with two more GEMMs. When the whole matrix is a single tile (the dense path) it is computed once and
 * reused by later sweeps instead of recomputed; otherwise every sweep recomputes its tiles (the
 * FlashAttention / Inf-CL trade: 2BND flops per extra sweep against O(B N) memory).
 *
 * <p>Tiles are visited in a fixed order (row blocks outer, column blocks inner), so results are
 * deterministic. Not thread-safe: one instance per loss evaluation, closed at its end so that the
 * off-heap tiles and gradients are freed at once rather than when the garbage collector notices.
 */
final class PairSweep implements AutoCloseable {

    /** Largest tile edge: a tile's element count must fit an {@code int}-indexed NIO buffer. */
    static final int MAX_TILE = 46_340;

    private static final int STRIP_ELEMENTS = 1 << 15;

    /** Receives a row strip {@code values[r * cols + c] = C[row0 + r][col0 + c]}. */
    @FunctionalInterface
    interface Kernel {
        void apply(double[] values, int row0, int rows, int col0, int cols);
    }

    /** Chooses the tiles a sweep visits (tiles whose entries cannot matter are skipped). */
    @FunctionalInterface
    interface TileFilter {
        boolean visit(int row0, int rows, int col0, int cols);
    }

    private final Embeddings x;
    private final Embeddings y;
    private final int tile;
    private final boolean singleTile;
    private final Map<Long, INDArray> buffers = new HashMap<>();
    private final double[] strip;
    private INDArray gradX;
    private INDArray gradY;
    private boolean cacheValid;

    /**
     * @param tileSize tile edge; 0 (or anything covering both matrices) means one dense tile
     */
    PairSweep(Embeddings x, Embeddings y, int tileSize) {
        this.x = x;
        this.y = y;
        int whole = Math.max(x.rows(), y.rows());
        this.tile = tileSize == 0 ? whole : Math.min(tileSize, whole);
        this.singleTile = tile >= whole;
        long tileRows = Math.min(tile, x.rows());
        int tileCols = Math.min(tile, y.rows());
        this.strip = new double[(int) Math.max(tileCols, Math.min(STRIP_ELEMENTS, tileRows * tileCols))];
    }

    /** Runs {@code kernel} over every selected tile, read-only. */
    void forward(TileFilter filter, Kernel kernel) {
        sweep(filter, kernel, false, 0);
    }

    /**
     * Runs {@code kernel}, which must replace every value by {@code dl/dL}, then accumulates the
     * gradients w.r.t. the rows of X and Y with factor {@code logitScale} ({@code dL/dC = s}).
     */
    void backward(TileFilter filter, Kernel kernel, double logitScale) {
        if (gradX == null) {
            gradX = NdBuffers.zeros(x.precision(), x.rows(), x.dimension());
            gradY = NdBuffers.zeros(y.precision(), y.rows(), y.dimension());
        }
        sweep(filter, kernel, true, logitScale);
    }

    /** Gradient w.r.t. the rows of X accumulated by the backward sweeps. */
    INDArray gradX() {
        return gradX;
    }

    /** Gradient w.r.t. the rows of Y accumulated by the backward sweeps. */
    INDArray gradY() {
        return gradY;
    }

    /** Frees the tile buffers and the gradient accumulators. */
    @Override
    public void close() {
        buffers.values().forEach(INDArray::close);
        buffers.clear();
        if (gradX != null) {
            gradX.close();
            gradY.close();
        }
    }

    private void sweep(TileFilter filter, Kernel kernel, boolean backward, double logitScale) {
        int rowsTotal = x.rows();
        int colsTotal = y.rows();
        INDArray[] yBlocks = new INDArray[(colsTotal + tile - 1) / tile];
        INDArray[] gradYBlocks = new INDArray[yBlocks.length];
        for (int i0 = 0; i0 < rowsTotal; i0 += tile) {
            int rows = Math.min(tile, rowsTotal - i0);
            INDArray xi = null;
            INDArray gradXi = null;
            for (int j0 = 0, jb = 0; j0 < colsTotal; j0 += tile, jb++) {
                int cols = Math.min(tile, colsTotal - j0);
                if (!filter.visit(i0, rows, j0, cols)) {
                    continue;
                }
                if (xi == null) {
                    xi = block(x.matrix(), i0, rows, rowsTotal);
                    gradXi = backward ? block(gradX, i0, rows, rowsTotal) : null;
                }
                if (yBlocks[jb] == null) {
                    yBlocks[jb] = block(y.matrix(), j0, cols, colsTotal);
                    gradYBlocks[jb] = backward ? block(gradY, j0, cols, colsTotal) : null;
                }
                INDArray values = similarities(xi, yBlocks[jb], rows, cols);
                visitStrips(values, kernel, i0, rows, j0, cols, backward);
                if (backward) {
                    cacheValid = false;
                    Nd4j.gemm(values, yBlocks[jb], gradXi, false, false, logitScale, 1.0);
                    Nd4j.gemm(values, xi, gradYBlocks[jb], true, false, logitScale, 1.0);
                }
            }
        }
    }

    private INDArray similarities(INDArray xi, INDArray yj, int rows, int cols) {
        INDArray buffer = buffers.computeIfAbsent(((long) rows << 32) | cols,
                key -> NdBuffers.matrix(x.precision(), rows, cols));
        if (!(singleTile && cacheValid)) {
            Nd4j.gemm(xi, yj, buffer, false, true, 1.0, 0.0);
            cacheValid = singleTile;
        }
        return buffer;
    }

    private void visitStrips(INDArray values, Kernel kernel, int i0, int rows, int j0, int cols, boolean writeBack) {
        int stripRows = Math.max(1, strip.length / cols);
        for (int r = 0; r < rows; r += stripRows) {
            int n = Math.min(stripRows, rows - r);
            long from = (long) r * cols;
            NdBuffers.read(values, from, strip, n * cols);
            kernel.apply(strip, i0 + r, n, j0, cols);
            if (writeBack) {
                NdBuffers.write(values, from, strip, n * cols);
            }
        }
    }

    private static INDArray block(INDArray matrix, int from, int count, int total) {
        return count == total ? matrix : matrix.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }
}
