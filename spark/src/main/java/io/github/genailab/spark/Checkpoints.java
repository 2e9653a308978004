package io.github.genailab.spark;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.llm.CausalLm;
import io.github.genailab.llm.CausalLmOptions;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The checkpoints loaded in this JVM, one per directory: the lazy holder that makes a Spark executor read a
 * model once and share it between its tasks (a {@link CausalLm} is thread-safe). This is the module's one
 * piece of static state, and it only ever caches: a directory is loaded at its first use and kept for the
 * JVM's life, because Spark gives executors no hook to release it and reloading per task would read the
 * weights again for every partition.
 */
final class Checkpoints {

    private static final ConcurrentMap<String, Loaded> LOADED = new ConcurrentHashMap<>();

    private Checkpoints() {
    }

    /** A model and the tokenizer of its directory. */
    record Loaded(CausalLm model, BpeTokenizer tokenizer) {
    }

    /**
     * The checkpoint in {@code directory}, loaded on first use with one thread per model (Spark already runs
     * one task per core).
     */
    static Loaded get(String directory) {
        return LOADED.computeIfAbsent(directory, d -> {
            Path path = Path.of(d);
            return new Loaded(CausalLm.load(path, CausalLmOptions.defaults().withThreads(1)),
                    BpeTokenizer.fromModelDirectory(path));
        });
    }
}
