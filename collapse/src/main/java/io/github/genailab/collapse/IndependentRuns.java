package io.github.genailab.collapse;

import io.github.genailab.collapse.internal.Runs;
import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Many independent runs of a stochastic experiment, reproducible whatever the thread count.
 *
 * <p>Run {@code i} gets the {@code i}-th generator split off {@code rng} (all splits are made up front,
 * in order, by {@link Rngs#split}), and results are returned in run order, so the list is identical for
 * 1 thread and for any number of threads. With {@code threads == 1} everything runs in the calling
 * thread; otherwise a pool of that many threads is created for this call and shut down before it
 * returns (no hidden or shared pool). Reductions over the result list are then done by the caller in
 * run order, which keeps them bit-for-bit deterministic too.
 *
 * @since 0.1.0
 */
public final class IndependentRuns {

    /** The most runs one call makes: 2^20 (a mistyped count fails at once instead of exhausting memory). */
    public static final int MAX_RUNS = 1 << 20;

    private IndependentRuns() {
    }

    /**
     * Runs {@code experiment} {@code runs} times.
     *
     * @param <T> the result type
     * @param runs number of runs, &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1 (1 = sequential in the calling thread)
     * @param experiment one run, given its own generator; must not share mutable state across runs
     * @return the results, in run order (unmodifiable)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1
     */
    public static <T> List<T> run(int runs, RandomGenerator.SplittableGenerator rng, int threads,
            Function<RandomGenerator, T> experiment) {
        return run(runs, rng, threads, experiment, ProgressListener.none());
    }

    /**
     * Runs {@code experiment} {@code runs} times, reporting each finished run to {@code listener}.
     *
     * @param <T> the result type
     * @param runs number of runs, &gt;= 1
     * @param rng the parent generator (advanced by the splits)
     * @param threads worker threads, &gt;= 1 (1 = sequential in the calling thread)
     * @param experiment one run, given its own generator; must not share mutable state across runs
     * @param listener receives (runs completed, runs); calls are serialised
     * @return the results, in run order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code runs} or {@code threads} is below 1
     * @throws IllegalStateException if the calling thread is interrupted while waiting for workers
     */
    public static <T> List<T> run(int runs, RandomGenerator.SplittableGenerator rng, int threads,
            Function<RandomGenerator, T> experiment, ProgressListener listener) {
        Checks.positive(runs, "runs");
        Checks.atMost(runs, MAX_RUNS, "runs");
        Checks.positive(threads, "threads");
        Checks.notNull(experiment, "experiment");
        Checks.notNull(listener, "listener");
        RandomGenerator.SplittableGenerator[] generators = Rngs.split(Checks.notNull(rng, "rng"), runs);
        Object lock = new Object();
        AtomicInteger done = new AtomicInteger();
        List<T> results = new ArrayList<>(Arrays.asList(newArray(runs)));
        if (threads == 1) {
            for (int i = 0; i < runs; i++) {
                results.set(i, experiment.apply(generators[i]));
                listener.progress("runs", i + 1, runs);
            }
            return Collections.unmodifiableList(results);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs), r -> {
            Thread t = new Thread(r, "genailab-independent-runs");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                RandomGenerator g = generators[i];
                futures.add(pool.submit(() -> {
                    T result = experiment.apply(g);
                    synchronized (lock) {
                        listener.progress("runs", done.incrementAndGet(), runs);
                    }
                    return result;
                }));
            }
            for (int i = 0; i < runs; i++) {
                results.set(i, futures.get(i).get());
            }
            return Collections.unmodifiableList(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for independent runs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(int n) {
        return (T[]) new Object[n];
    }
}
