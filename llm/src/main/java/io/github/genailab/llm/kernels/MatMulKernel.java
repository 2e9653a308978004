package io.github.genailab.llm.kernels;

import java.util.Optional;

/**
 * One implementation of {@link MatMul}'s product over a range of output columns. Every
 * implementation computes each output as {@code bias[j]} (or 0) followed by fused multiply-adds over
 * {@code k = 0, 1, ..., in - 1} in that order, so all of them give the same bits.
 */
interface MatMulKernel {

    /** The module that enables the Vector API kernel. */
    String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * Computes the output columns {@code [from, to)} of every row.
     *
     * @param x the input, {@code rows x in}
     * @param rows the number of rows
     * @param in the inner dimension
     * @param w the weight, {@code in x out} from index {@code wAt}
     * @param wAt the index of {@code W[0][0]} in {@code w}
     * @param out the number of columns (the row stride) of {@code w} and {@code y}
     * @param bias the bias, or null
     * @param y the output, {@code rows x out}
     * @param from the first column
     * @param to one past the last column
     */
    void columns(float[] x, int rows, int in, float[] w, int wAt, int out, float[] bias, float[] y, int from, int to);

    /**
     * The Vector API kernel when the JVM was started with {@code --add-modules jdk.incubator.vector}
     * (and the jar carries it), else the portable one.
     *
     * @return the kernel (stateless, thread-safe)
     */
    static MatMulKernel create() {
        Optional<Module> vector = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (vector.isEmpty()) {
            return new PortableMatMul();
        }
        // On the module path this module reads only what module-info requires, and requiring an incubating
        // module would make every user's javac warn: add the read edge at run time instead.
        MatMulKernel.class.getModule().addReads(vector.get());
        try {
            return (MatMulKernel) Class.forName(MatMulKernel.class.getPackageName() + ".VectorMatMul")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new PortableMatMul(); // built without the Vector API kernel
        }
    }
}
