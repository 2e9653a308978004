package io.github.genailab.llm.kernels;

/**
 * The one matrix product of the engine, {@code Y = X W + b}, with the weight stored input-major
 * ({@code W[k][j]} at {@code w[k * out + j]}: Conv1D's layout, and the transpose of
 * {@code torch.nn.Linear}'s, which the loaders transpose once).
 *
 * <p>Every output row is a sum of scaled rows of {@code W} ({@code y[j] += x[k] * w[k][j]}), so the
 * innermost loops run along contiguous columns. Two kernels implement it:
 * <ul>
 *   <li>a portable one (plain Java), used by default;</li>
 *   <li>one written with the incubating Vector API (JEP 414), used when the JVM runs with
 *       {@code --add-modules jdk.incubator.vector} (the same opt-in as {@code genailab-membership}):
 *       on batched input it keeps a tile of 4 rows x 3 vectors of outputs in registers while it walks
 *       {@code k}, and with one row (decoding) it streams each row of {@code W} once through
 *       up to 8,192 accumulators in L2.</li>
 * </ul>
 *
 * <p>Determinism: in both kernels each output is {@code b[j]} followed by fused multiply-adds over
 * {@code k = 0, 1, ...} in order (lane-wise {@code fma} is {@link Math#fma}), whatever the tiling and
 * the thread split, so every thread count and both kernels give the same bits. Threads split the
 * columns. Cost: {@code 2 * rows * in * out} flops; with one row, one read of {@code W}.
 *
 * @since 0.1.0
 */
public final class MatMul {

    private static final MatMulKernel KERNEL = MatMulKernel.create();

    private MatMul() {
    }

    /**
     * Computes {@code y[r][j] = bias[j] + sum_k x[r][k] * w[k][j]}.
     *
     * @param x the input, {@code rows x in} row-major
     * @param rows the number of rows
     * @param in the inner dimension
     * @param w the weight, {@code in x out} row-major
     * @param out the number of output columns
     * @param bias the bias of length {@code out}, or null for none
     * @param y the output, {@code rows x out} row-major (overwritten)
     * @param pool the threads that split the columns
     */
    public static void multiply(float[] x, int rows, int in, float[] w, int out, float[] bias, float[] y,
            WorkerPool pool) {
        pool.forRange(out, 64, (from, to) -> KERNEL.columns(x, rows, in, w, 0, out, bias, y, from, to));
    }

    /** The kernel, for callers in this package that split the work themselves (attention heads). */
    static MatMulKernel kernel() {
        return KERNEL;
    }

    /**
     * Which kernel this JVM uses.
     *
     * @return {@code "vector"} or {@code "portable"}
     */
    public static String kernelName() {
        return KERNEL instanceof PortableMatMul ? "portable" : "vector";
    }
}
