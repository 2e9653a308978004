package io.github.genailab.contrastive;

import java.util.HashMap;
import java.util.Map;
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
 *   <li><b>kept</b> (dense, {@code tileSize = 0}, or one tile covering everything): tiles of edge up to
 *       {@value #DENSE_TILE} ({@link #denseTile}) are computed once, and what a forward kernel leaves in
 *       them is what the backward kernel sees (so a forward pass can store exponentials and the
 *       backward pass only multiplies): {@code 6 B N D} flops. The last tile of the forward sweep (for
 *       {@code B = N = 2048, D = 512} the only one) stays in the off-heap tile buffer and the backward
 *       sweep, which runs in reverse order, starts with it; the others wait on the heap.</li>
 *   <li><b>recomputed</b> (tiled): every sweep recomputes its tiles from X and Y; memory
 *       {@code O((B + N) D + tile^2)}, {@code 2 B N D} flops per extra sweep (the FlashAttention /
 *       Inf-CL trade).</li>
 * </ul>
 *
 * <p>Memory layout, and why: the rows, the gradients and the waiting tiles live on the Java heap
 * ({@link HostArray}, in the input's precision); off-heap there is one arena per call holding the current
 * blocks {@code X[I], Y[J]} (later {@code dY[J]}), {@code dX[I]} and the current tile, copied in and
 * out in bulk (strips are read from and written to the off-heap tile directly). Fresh off-heap pages
 * are slow to touch on virtual machines and the C allocator unmaps large blocks when they are freed;
 * one arena below 32 MiB is recycled from one call to the next.
 *
 * <p>Tiles are visited in a fixed order (forward: row blocks outer, column blocks inner; backward: the
 * reverse) and the GEMM shapes depend only on the sizes, so results are deterministic. Not
 * thread-safe: one instance per loss evaluation, closed at its end so that the off-heap arena is
 * freed at once.
 */
final class PairSweep implements AutoCloseable {

    /** Largest tile edge: a tile's element count must fit an {@code int}-indexed array. */
    static final int MAX_TILE = 46_340;

    /** Largest tile edge of the kept (dense) mode: large enough for BLAS to reach nearly full speed. */
    static final int DENSE_TILE = 2048;

    /**
     * Size limit of the off-heap arena in the dense mode. glibc's {@code malloc} serves blocks below
     * 32 MiB from its heap once a block of that size has been freed, and keeps them mapped; larger
     * blocks are mapped fresh on every call, and touching fresh pages costs about 13 us per 4 KB on
     * the virtual machines this was measured on (about 0.1 s per call for 32 MB).
     */
    private static final long DENSE_ARENA_BYTES = 28L << 20;

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
    private final int rowBlocks;
    private final int colBlocks;
    private final boolean keepsTiles;
    private final HostArray[] waiting;
    private final Strip strip;
    private final int stripRows;
    private final int stripsPerTile;
    private final int dimension;
    private final Map<Long, INDArray> views = new HashMap<>();
    private HostArray gradX;
    private HostArray gradY;
    private INDArray arena;
    private int stagedX = -1;
    private int stagedY = -1;
    /** The tile whose current values are in the off-heap tile buffer, or -1. */
    private int resident = -1;

    /**
     * @param tileSize tile edge of the recomputed mode; 0 (dense) or anything covering both matrices
     *                 selects the kept mode
     */
    PairSweep(Embeddings x, Embeddings y, int tileSize) {
        this.x = x;
        this.y = y;
        this.dimension = x.dimension();
        int whole = Math.max(x.rows(), y.rows());
        this.tile = Math.min(tileSize == 0 ? denseTile(whole, dimension, x.precision()) : tileSize, whole);
        this.rowBlocks = (x.rows() + tile - 1) / tile;
        this.colBlocks = (y.rows() + tile - 1) / tile;
        this.keepsTiles = tileSize == 0 || tile >= whole;
        this.waiting = keepsTiles ? new HostArray[rowBlocks * colBlocks] : null;
        this.stripRows = Math.max(1, Math.min(Math.min(MAX_STRIP_ROWS, STRIP_VALUES / tileCols()), tile));
        this.stripsPerTile = (tileRows() + stripRows - 1) / stripRows;
        this.strip = Strip.create(x.precision(), stripRows, tileCols());
    }

    /**
     * The dense tile edge: at most {@link #DENSE_TILE}, small enough for the arena budget
     * ({@code tile^2 + 3 tile D} values), and balanced so that the last block is not a thin sliver.
     */
    static int denseTile(int whole, int dimension, Precision precision) {
        double budget = DENSE_ARENA_BYTES / (precision == Precision.FLOAT32 ? Float.BYTES : Double.BYTES);
        double d = dimension;
        double fits = -1.5 * d + Math.sqrt(2.25 * d * d + budget);   // positive root of T^2 + 3 D T = budget
        int largest = (int) Math.max(1, Math.min(DENSE_TILE, Math.floor(fits)));
        int blocks = (whole + largest - 1) / largest;
        return (whole + blocks - 1) / blocks;
    }

    /** Whether values written by a forward kernel are still there in the backward sweep. */
    boolean keepsTiles() {
        return keepsTiles;
    }

    /** Number of distinct {@link Strip#slot()} values: strips are numbered the same way in every sweep. */
    int slots() {
        return rowBlocks * colBlocks * stripsPerTile;
    }

    /** Runs {@code kernel} over every strip of the selected tiles. */
    void forward(TileFilter filter, Kernel kernel) {
        int last = keepsTiles ? lastSelected(filter) : -1;
        for (int t = 0; t < rowBlocks * colBlocks; t++) {
            if (!selected(filter, t)) {
                continue;
            }
            if (keepsTiles && waiting[t] != null) {
                visitStrips(t, kernel, waiting[t], null, waiting[t], null);
                continue;
            }
            INDArray values = resident == t ? tileMatrix(t) : similarities(t);
            if (keepsTiles && t != last) {
                waiting[t] = HostArray.zeros(x.precision(), rows(t) * cols(t));
                visitStrips(t, kernel, null, values, waiting[t], null);
                resident = -1;
            } else {
                visitStrips(t, kernel, null, values, null, keepsTiles ? values : null);
            }
        }
    }

    /**
     * Runs {@code kernel}, which must replace every value by {@code dl/dL}, then accumulates the
     * gradients w.r.t. the rows of X and Y with factor {@code logitScale} ({@code dL/dC = s}). Runs
     * once per instance (it consumes the kept tiles), over the tiles in reverse order.
     */
    void backward(TileFilter filter, Kernel kernel, double logitScale) {
        // Both gradients wait in the input's precision in one flat array each (bulk copies in and out;
        // large arrays are never copied by a young GC); the caller widens them at the very end.
        gradX = HostArray.zeros(x.precision(), x.rows() * dimension);
        gradY = HostArray.zeros(y.precision(), y.rows() * dimension);
        boolean[] gradYStarted = new boolean[colBlocks];
        for (int ib = rowBlocks - 1; ib >= 0; ib--) {
            boolean gradXStarted = false;
            for (int jb = colBlocks - 1; jb >= 0; jb--) {
                int t = ib * colBlocks + jb;
                if (!selected(filter, t)) {
                    continue;
                }
                HostArray heap = keepsTiles ? waiting[t] : null;
                INDArray g = heap != null || resident == t ? tileMatrix(t) : similarities(t);
                visitStrips(t, kernel, heap, g, null, g);
                resident = -1;
                int rows = rows(t);
                int cols = cols(t);
                stageX(ib);
                stageY(jb);
                // dX[I] accumulates off-heap over the column blocks; dY[J] is staged in and out.
                Nd4j.gemm(g, blockY(cols), blockGradX(rows), false, false, logitScale, gradXStarted ? 1 : 0);
                gradXStarted = true;
                // Y[J] is not needed any more for this tile: its block receives dY[J].
                INDArray gy = blockY(cols);
                stagedY = -1;
                if (gradYStarted[jb]) {
                    gradY.toNd(jb * tile * dimension, gy, 0, cols * dimension);
                }
                Nd4j.gemm(g, blockX(rows), gy, true, false, logitScale, gradYStarted[jb] ? 1 : 0);
                gradY.fromNd(jb * tile * dimension, gy, 0, cols * dimension);
                gradYStarted[jb] = true;
            }
            if (gradXStarted) {
                int rows = Math.min(tile, x.rows() - ib * tile);
                gradX.fromNd(ib * tile * dimension, blockGradX(rows), 0, rows * dimension);
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

    /** Frees the off-heap arena. */
    @Override
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }

    private boolean selected(TileFilter filter, int t) {
        return filter.visit(t / colBlocks * tile, rows(t), t % colBlocks * tile, cols(t));
    }

    private int lastSelected(TileFilter filter) {
        for (int t = rowBlocks * colBlocks - 1; t >= 0; t--) {
            if (selected(filter, t)) {
                return t;
            }
        }
        return -1;
    }

    private int rows(int t) {
        return Math.min(tile, x.rows() - t / colBlocks * tile);
    }

    private int cols(int t) {
        return Math.min(tile, y.rows() - t % colBlocks * tile);
    }

    /** Computes tile {@code t} into the off-heap tile buffer. */
    private INDArray similarities(int t) {
        stageX(t / colBlocks);
        stageY(t % colBlocks);
        INDArray c = tileMatrix(t);
        Nd4j.gemm(blockX(rows(t)), blockY(cols(t)), c, false, true, 1.0, 0.0);
        resident = t;
        return c;
    }

    /**
     * Applies {@code kernel} to the strips of tile {@code t}, read from {@code heapSource} if it is
     * given, else from {@code offHeapSource}, and written to whichever of {@code heapSink} and
     * {@code offHeapSink} is given.
     */
    private void visitStrips(int t, Kernel kernel, HostArray heapSource, INDArray offHeapSource,
                             HostArray heapSink, INDArray offHeapSink) {
        int rows = rows(t);
        int cols = cols(t);
        int i0 = t / colBlocks * tile;
        int j0 = t % colBlocks * tile;
        for (int first = 0, k = t * stripsPerTile; first < rows; first += stripRows, k++) {
            int count = Math.min(stripRows, rows - first);
            if (heapSource != null) {
                strip.load(heapSource, first, count, cols, i0, j0, k);
            } else {
                strip.load(offHeapSource, first, count, cols, i0, j0, k);
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

    private void stageX(int ib) {
        if (stagedX != ib) {
            int rows = Math.min(tile, x.rows() - ib * tile);
            x.stage(blockX(rows), ib * tile, rows);
            stagedX = ib;
        }
    }

    private void stageY(int jb) {
        if (stagedY != jb) {
            int cols = Math.min(tile, y.rows() - jb * tile);
            y.stage(blockY(cols), jb * tile, cols);
            stagedY = jb;
        }
    }

    // Arena layout: X[I] | Y[J] (then dY[J]) | dX[I] | tile, sized for full tile edges. One block for
    // all, so that the C allocator recycles it whole (see DENSE_ARENA_BYTES).

    private INDArray blockX(int rows) {
        return view(0, 0, rows, dimension);
    }

    private INDArray blockY(int cols) {
        return view(1, (long) tileRows() * dimension, cols, dimension);
    }

    private INDArray blockGradX(int rows) {
        return view(2, (long) (tileRows() + tileCols()) * dimension, rows, dimension);
    }

    /** The off-heap tile buffer shaped as tile {@code t}. */
    private INDArray tileMatrix(int t) {
        return view(3, (2L * tileRows() + tileCols()) * dimension, rows(t), cols(t));
    }

    /** The {@code rows x cols} matrix at {@code offset} of the arena; part {@code part} of the layout. */
    private INDArray view(int part, long offset, int rows, int cols) {
        // An ND4J view costs about 15 us to create; a sweep needs only a handful of distinct ones. The key
        // packs part (0..3) and the two non-negative ints without overlap: cols may be D, any int.
        return views.computeIfAbsent(((long) part << 62) | ((long) rows << 31) | cols,
                key -> NdBuffers.matrix(arena(), offset, rows, cols));
    }

    private INDArray arena() {
        if (arena == null) {
            arena = NdBuffers.arena(x.precision(),
                    (2L * tileRows() + tileCols()) * dimension + (long) tileRows() * tileCols());
        }
        return arena;
    }

    private int tileRows() {
        return Math.min(tile, x.rows());
    }

    private int tileCols() {
        return Math.min(tile, y.rows());
    }
}
