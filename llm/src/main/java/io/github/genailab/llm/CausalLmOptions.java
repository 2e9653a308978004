package io.github.genailab.llm;

import io.github.genailab.core.math.Checks;

/**
 * How a {@link CausalLm} runs.
 *
 * @param threads the number of threads that share every forward pass (the caller's thread plus
 *     {@code threads - 1} workers owned by the model and stopped by {@link CausalLm#close()}); results
 *     are bit-identical for every value. Default: {@code min(2, available processors)}.
 *
 * @since 0.1.0
 */
public record CausalLmOptions(int threads) {

    /**
     * Validates the options.
     *
     * @param threads the thread count
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public CausalLmOptions {
        Checks.positive(threads, "threads");
    }

    /**
     * The defaults: {@code min(2, available processors)} threads.
     *
     * @return the default options
     */
    public static CausalLmOptions defaults() {
        return new CausalLmOptions(Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A copy with another thread count.
     *
     * @param threads the number of threads, at least 1
     * @return the new options
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public CausalLmOptions withThreads(int threads) {
        return new CausalLmOptions(threads);
    }
}
