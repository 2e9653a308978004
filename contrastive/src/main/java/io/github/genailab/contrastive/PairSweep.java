package io.github.genailab.contrastive;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Visits the pair-similarity matrix {@code C = X Y^T} ({@code B x N}) tile by tile, hands it to a
 * kernel in row strips, and accumulates the embedding gradients.
 *
 * <p>Each tile {@code C[I, J] = X[I] Y[J]^T} is one ND4J GEMM. In a backward sweep the kernel
 * overwrites each value with {@code dl/dL} for the logits {@code L = s C + b}, and the sweep then adds
 * <pre>
 *   dX[I] += s G Y[J]        dY[J] += s G^T X[I]
 * </pre>
 * with two more GEMMs. Two modes:
 * <ul>
 *   <li><b>kept</b> (dense, {@code tileSize = 0}, or one tile covering everything): tiles of edge
 *       {@value #DENSE_TILE} are computed once and kept on the heap, and what a forward kernel leaves
 *       in them is what the backward kernel sees (so a forward pass can store exponentials and the
 *       backward pass only multiplies): {@code 6 B N D} flops, {@code B N} values of heap.</li>
 *   <li><b>recomputed</b> (tiled): every sweep recomputes its tiles from X and Y; memory
 *       {@code O((B + N) D + tile^2)}, {@code 2 B N D} flops per extra sweep (the FlashAttention /
 *       Inf-CL trade).</li>
 * </ul>
 *
 * <p>Memory layout, and why: the rows, the gradients and the kept tiles live on the Java heap
 * ({@link HostArray}); off-heap there is only one staging arena for the current blocks
 * {@code X[I], Y[J], dX[I], dY[J]} and one for the current tile, copied in and out in bulk (strips
 * are read from and written to the off-heap tile directly). Fresh
 * off-heap pages are slow to touch on virtual machines and the C allocator unmaps large blocks when
 * they are freed; small arenas that are allocated whole are recycled from one call to the next.
 *
 * <p>Tiles are visited in a fixed order (row blocks outer, column blocks inner) and the GEMM shapes
 * depend only on the sizes, so results are deterministic. Not thread-safe: one instance per loss
 * evaluation, closed at its end so that the off-heap arenas are freed at once.
 */
final class PairSweep implements AutoCloseable {

    /** Largest tile edge: a tile's element count must fit an {@code int}-indexed array. */
    static final int MAX_TILE = 46_340;

    /** Tile edge of the kept (dense) mode: large enough for BLAS to reach full speed. */
    static final int DENSE_TILE = 2048;

    /** Values per strip: 64 KB of floats, which stay in the L2 cache while a kernel makes its passes. */
    private static final int STRIP_VALUES = 16_384;

    /** At most this many rows per strip, so float column sums over a strip stay short. */
    private static final int MAX_STRIP_ROWS = 32;

    /** Receives one strip; in a backward sweep it must replace every value by {@code dl/dL}. */
    @FunctionalInterface
    interface Kernel {
        void apply(Strip strip);
    }

    /** Chooses the tiles a sweep visits (tiles whose entries cannot matter are skipped). */
    @FunctionalInterface
    interface TileFilter {
        boolean visit(int row0, int rows, int col0, int cols);
    }

    private final Embeddings x;
    private final Embeddings y;
    private final int tile;
    private final boolean keepsTiles;
    private final HostArray[][] kept;
    private final Strip strip;
    private final int stripRows;
    private final int dimension;
    private HostArray gradX;
    private HostArray gradY;
    private INDArray blockArena;
    private INDArray tileArena;
    private int stagedX = -1;
    private int stagedY = -1;

    /**
     * @param tileSize tile edge of the recomputed mode; 0 (dense) or anything covering both matrices
     *                 selects the kept mode
     */
    PairSweep(Embeddings x, Embeddings y, int tileSize) {
        this.x = x;
        this.y = y;
        this.dimension = x.dimension();
        int whole = Math.max(x.rows(), y.rows());
        this.tile = Math.min(tileSize == 0 ? DENSE_TILE : tileSize, whole);
        this.keepsTiles = tileSize == 0 || tile >= whole;
        this.kept = keepsTiles ? new HostArray[blocks(x.rows())][blocks(y.rows())] : null;
        int maxCols = Math.min(tile, y.rows());
        this.stripRows = Math.max(1, Math.min(Math.min(MAX_STRIP_ROWS, STRIP_VALUES / maxCols), tile));
        this.strip = Strip.create(x.precision(), stripRows, maxCols);
    }

    /** Whether values written by a forward kernel are still there in the backward sweep. */
    boolean keepsTiles() {
        return keepsTiles;
    }

    /** Runs {@code kernel} over every strip of the selected tiles. */
    void forward(TileFilter filter, Kernel kernel) {
        for (int i0 = 0, ib = 0; i0 < x.rows(); i0 += tile, ib++) {
            int rows = Math.min(tile, x.rows() - i0);
            for (int j0 = 0, jb = 0; j0 < y.rows(); j0 += tile, jb++) {
                int cols = Math.min(tile, y.rows() - j0);
                if (!filter.visit(i0, rows, j0, cols)) {
                    continue;
                }
                boolean computed = !keepsTiles || kept[ib][jb] == null;
                INDArray fresh = computed ? similarities(ib, jb, rows, cols) : null;
                if (keepsTiles && computed) {
                    kept[ib][jb] = HostArray.zeros(x.precision(), rows * cols);
                }
                HostArray keptTile = keepsTiles ? kept[ib][jb] : null;
                visitStrips(kernel, i0, rows, j0, cols, computed ? null : keptTile, fresh, keptTile, null);
            }
        }
    }

    /**
     * Runs {@code kernel}, which must replace every value by {@code dl/dL}, then accumulates the
     * gradients w.r.t. the rows of X and Y with factor {@code logitScale} ({@code dL/dC = s}). Runs
     * once per instance (it consumes kept tiles).
     */
    void backward(TileFilter filter, Kernel kernel, double logitScale) {
        gradX = x.zeros();
        gradY = y.zeros();
        boolean[] gradYStarted = new boolean[blocks(y.rows())];
        for (int i0 = 0, ib = 0; i0 < x.rows(); i0 += tile, ib++) {
            int rows = Math.min(tile, x.rows() - i0);
            boolean gradXStarted = false;
            for (int j0 = 0, jb = 0; j0 < y.rows(); j0 += tile, jb++) {
                int cols = Math.min(tile, y.rows() - j0);
                if (!filter.visit(i0, rows, j0, cols)) {
                    continue;
                }
                HostArray keptTile = keepsTiles ? kept[ib][jb] : null;
                INDArray g = keptTile == null ? similarities(ib, jb, rows, cols) : tileMatrix(rows, cols);
                visitStrips(kernel, i0, rows, j0, cols, keptTile, g, null, g);
                stageX(ib, i0, rows);
                stageY(jb, j0, cols);
                // dX[I] accumulates off-heap over the column blocks; dY[J] is staged in and out.
                Nd4j.gemm(g, blockY(cols), blockGradX(rows), false, false, logitScale, gradXStarted ? 1 : 0);
                gradXStarted = true;
                INDArray gy = blockGradY(cols);
                if (gradYStarted[jb]) {
                    gradY.toNd(j0 * dimension, gy, 0, cols * dimension);
                }
                Nd4j.gemm(g, blockX(rows), gy, true, false, logitScale, gradYStarted[jb] ? 1 : 0);
                gradY.fromNd(j0 * dimension, gy, 0, cols * dimension);
                gradYStarted[jb] = true;
            }
            if (gradXStarted) {
                gradX.fromNd(i0 * dimension, blockGradX(rows), 0, rows * dimension);
            }
        }
    }

    /** Gradient w.r.t. the rows of X (as the GEMMs saw them) from the backward sweep, row-major. */
    HostArray gradX() {
        return gradX;
    }

    /** Gradient w.r.t. the rows of Y (as the GEMMs saw them) from the backward sweep, row-major. */
    HostArray gradY() {
        return gradY;
    }

    /** Frees the off-heap arenas. */
    @Override
    public void close() {
        if (blockArena != null) {
            blockArena.close();
            tileArena.close();
        }
    }

    private int blocks(int n) {
        return (n + tile - 1) / tile;
    }

    /** Computes tile {@code (ib, jb)} into the off-heap tile buffer. */
    private INDArray similarities(int ib, int jb, int rows, int cols) {
        stageX(ib, ib * tile, rows);
        stageY(jb, jb * tile, cols);
        INDArray c = tileMatrix(rows, cols);
        Nd4j.gemm(blockX(rows), blockY(cols), c, false, true, 1.0, 0.0);
        return c;
    }

    /**
     * Applies {@code kernel} to the strips of one tile, read from {@code heapSource} if it is given,
     * else from {@code offHeapSource}, and written to whichever of {@code heapSink} and
     * {@code offHeapSink} is given.
     */
    private void visitStrips(Kernel kernel, int i0, int rows, int j0, int cols, HostArray heapSource,
                             INDArray offHeapSource, HostArray heapSink, INDArray offHeapSink) {
        for (int first = 0; first < rows; first += stripRows) {
            int count = Math.min(stripRows, rows - first);
            if (heapSource != null) {
                strip.load(heapSource, first, count, cols, i0, j0);
            } else {
                strip.load(offHeapSource, first, count, cols, i0, j0);
            }
            kernel.apply(strip);
            if (heapSink != null) {
                strip.store(heapSink, first);
            }
            if (offHeapSink != null) {
                strip.store(offHeapSink, first);
            }
        }
    }

    private void stageX(int ib, int i0, int rows) {
        if (stagedX != ib) {
            x.stage(blockX(rows), i0, rows);
            stagedX = ib;
        }
    }

    private void stageY(int jb, int j0, int cols) {
        if (stagedY != jb) {
            y.stage(blockY(cols), j0, cols);
            stagedY = jb;
        }
    }

    // Staging arena layout: X[I] | Y[J] | dX[I] | dY[J], each sized for a full tile edge.

    private INDArray blockX(int rows) {
        return NdBuffers.matrix(blockArena(), 0, rows, dimension);
    }

    private INDArray blockY(int cols) {
        return NdBuffers.matrix(blockArena(), (long) tileRows() * dimension, cols, dimension);
    }

    private INDArray blockGradX(int rows) {
        return NdBuffers.matrix(blockArena(), (long) (tileRows() + tileCols()) * dimension, rows, dimension);
    }

    private INDArray blockGradY(int cols) {
        return NdBuffers.matrix(blockArena(), (long) (2 * tileRows() + tileCols()) * dimension, cols, dimension);
    }

    private INDArray tileMatrix(int rows, int cols) {
        if (tileArena == null) {
            tileArena = NdBuffers.arena(x.precision(), (long) tileRows() * tileCols());
        }
        return NdBuffers.matrix(tileArena, 0, rows, cols);
    }

    private INDArray blockArena() {
        if (blockArena == null) {
            blockArena = NdBuffers.arena(x.precision(), 2L * (tileRows() + tileCols()) * dimension);
        }
        return blockArena;
    }

    private int tileRows() {
        return Math.min(tile, x.rows());
    }

    private int tileCols() {
        return Math.min(tile, y.rows());
    }
}
