package io.github.genailab.membership;

import java.util.Optional;

/**
 * Per-row statistics of float32 logits (log p of the target, mean and standard deviation of log p
 * under the softmax): the kernel behind {@link TokenStatistics#fromLogits(float[][], int[])}.
 *
 * <p>Two implementations compute the same quantities (float exponentials relative to the row
 * maximum, float sums over short blocks, totals in double):
 * <ul>
 *   <li>{@link FloatLogitRows}, portable Java that HotSpot auto-vectorises in part: per row a maximum
 *       pass, then chunks whose weighted variance is taken about the chunk's own mean (two passes
 *       over a chunk in L1), merged by {@link RowMoments};</li>
 *   <li>{@code VectorLogitRows}, written with the incubating Vector API (JEP 414), about six times
 *       faster: one pass per row of raw moments about the maximum, with a second pass about the mean
 *       only for rows where those moments would cancel, and the next row's maximum computed during
 *       the pass. It is used when the JVM was started with {@code --add-modules jdk.incubator.vector};
 *       without that flag the class is never loaded.</li>
 * </ul>
 * Both agree with the exact double path to about 1e-7 relative; they may differ from each other in
 * the last bits (different summation order), each being deterministic on a given JVM and CPU.
 */
interface FloatRowKernel {

    /** The module that enables the Vector API kernel. */
    String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * Fills {@code outLogProb[i]}, {@code outMu[i]} and {@code outSigma[i]} for every row i.
     *
     * @param logits [T x V] logits, rectangular with T, V &gt;= 1 (checked by the caller); each entry
     *     finite or -infinity for impossible tokens
     * @param targets the T target token ids, already checked to be in [0, V)
     * @throws IllegalArgumentException if a row has a NaN or +infinity, no finite entry, or the
     *     target's logit is -infinity (naming the row and the entry)
     */
    void compute(float[][] logits, int[] targets, double[] outLogProb, double[] outMu, double[] outSigma);

    /**
     * A new kernel (not thread-safe: one per call): the Vector API one when its module is in the
     * boot layer, else the portable one.
     */
    static FloatRowKernel create() {
        Optional<Module> vector = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (vector.isEmpty()) {
            return new FloatLogitRows();
        }
        // On the module path this module reads only what module-info requires, and it cannot require an
        // incubating module without every user's javac warning about it: add the read edge at run time.
        FloatRowKernel.class.getModule().addReads(vector.get());
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
