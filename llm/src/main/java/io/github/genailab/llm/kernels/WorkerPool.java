package io.github.genailab.llm.kernels;

import io.github.genailab.core.math.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads that run the parts of one kernel call: the calling thread takes the first
 * part and {@code threads - 1} daemon workers the others. Owned by one model and shut down by
 * {@link #close()}; with one thread nothing is started and every call runs inline.
 *
 * <p>Results never depend on the thread count: callers split work into parts whose outputs are
 * disjoint (columns of a matrix product, attention heads), and each output element is computed by
 * one thread in a fixed order.
 *
 * @since 0.1.0
 */
public final class WorkerPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** A task over the half-open range {@code [from, to)} of some index. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Runs the task on one contiguous part.
         *
         * @param from the first index
         * @param to one past the last index
         */
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService workers;

    /**
     * Starts a pool.
     *
     * @param threads the number of threads that share each call, including the caller; at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public WorkerPool(int threads) {
        this.threads = Checks.positive(threads, "threads");
        if (threads == 1) {
            workers = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            workers = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "genailab-llm-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * The number of threads that share each call.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into at most {@link #threads()} contiguous parts,
     * each a multiple of {@code grain} long (except the last), and waits for all of them.
     *
     * @param n the size of the index range, at least 0
     * @param grain the granularity of the split, at least 1
     * @param task the task
     * @throws IllegalStateException if the pool is closed
     */
    public void forRange(int n, int grain, RangeTask task) {
        int units = (n + grain - 1) / grain;
        int parts = Math.min(threads, units);
        if (parts <= 1) {
            task.run(0, n);
            return;
        }
        if (workers.isShutdown()) {
            throw new IllegalStateException("the model's worker pool is closed");
        }
        List<Future<?>> pending = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = Math.min(n, (int) ((long) units * p / parts) * grain);
            int to = Math.min(n, (int) ((long) units * (p + 1) / parts) * grain);
            pending.add(workers.submit(() -> task.run(from, to)));
        }
        task.run(0, Math.min(n, (units / parts) * grain));
        for (Future<?> f : pending) {
            await(f);
        }
    }

    private static void await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the worker threads; idempotent. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
