package io.github.genailab.membership;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Says once per JVM, when a large input runs on the portable float kernel, how to get the Vector API kernel:
 * the portable kernel is about 1.6 times slower than a preallocated PyTorch peer on [1024 x 50,257] logits,
 * the Vector API kernel about 4.5 times faster (benchmarks/README.md), and a user who never passed the flag
 * would otherwise not know. The one piece of mutable static state of the module is the once-flag of
 * {@link #JVM}; the message goes to the platform logger {@code io.github.genailab.membership} at INFO level,
 * where a user can silence it like any other logger.
 */
final class PortableKernelAdvice {

    /** Inputs smaller than this many logits run fast enough on either kernel: no advice. */
    static final long MIN_CELLS = 1L << 22;

    static final String MESSAGE = "genailab-membership: Min-K%++ statistics from float logits run on the portable "
            + "kernel; start the JVM with --add-modules jdk.incubator.vector for the Vector API kernel (about 7 "
            + "times faster on [1024 x 50,257] logits; see the membership README)";

    /** The advice of this JVM, given through the platform logger. */
    static final PortableKernelAdvice JVM = new PortableKernelAdvice(message -> System.getLogger(
            "io.github.genailab.membership").log(System.Logger.Level.INFO, message));

    private final AtomicBoolean given = new AtomicBoolean();
    private final Consumer<String> sink;

    PortableKernelAdvice(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * Gives the advice if {@code kernel} is the portable one, the input has at least {@link #MIN_CELLS} logits,
     * and it was not given before.
     *
     * @param kernel the kernel about to run
     * @param cells the number of logits it will read
     */
    void consider(FloatRowKernel kernel, long cells) {
        if (kernel instanceof FloatLogitRows && cells >= MIN_CELLS && given.compareAndSet(false, true)) {
            sink.accept(MESSAGE);
        }
    }
}
