package io.github.genailab.membership;

/**
 * Per-row statistics of float32 logits (log p of the target, mean and standard deviation of log p
 * under the softmax): the kernel behind {@link TokenStatistics#fromLogits(float[][], int[])}.
 *
 * <p>Two implementations compute the same quantities with the same algorithm (row maximum, then
 * chunks of float exponentials merged in double by {@link RowMoments}):
 * <ul>
 *   <li>{@link FloatLogitRows}, portable Java that HotSpot auto-vectorises in part;</li>
 *   <li>{@code VectorLogitRows}, written with the incubating Vector API (JEP 414), about three times
 *       faster. It is used when the JVM was started with {@code --add-modules jdk.incubator.vector};
 *       without that flag the class is never loaded.</li>
 * </ul>
 * Both agree with the exact double path to about 1e-7 relative; they may differ from each other in
 * the last bits (different summation order), each being deterministic on a given JVM and CPU.
 */
interface FloatRowKernel {

    /** The module that enables the Vector API kernel. */
    String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * Fills {@code out*[rowIndex]} from one row.
     *
     * @param row logits (finite, or -infinity for impossible tokens)
     * @param target the target token id, already checked to be in range
     * @param rowIndex the row's index, for error messages
     * @throws IllegalArgumentException if the row has a NaN or +infinity, no finite entry, or the
     *     target's logit is -infinity
     */
    void compute(float[] row, int target, int rowIndex, double[] outLogProb, double[] outMu, double[] outSigma);

    /**
     * A new kernel (not thread-safe: one per call): the Vector API one when its module is in the
     * boot layer, else the portable one.
     */
    static FloatRowKernel create() {
        if (!vectorApiAvailable()) {
            return new FloatLogitRows();
        }
        try {
            return (FloatRowKernel) Class.forName(FloatRowKernel.class.getPackageName() + ".VectorLogitRows")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new FloatLogitRows(); // the jar was built without the Vector API kernel
        }
    }

    /** Whether the JVM was started with the Vector API module. */
    static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
