package io.github.genailab.benchmarks.llm;

import java.nio.file.Path;

/**
 * The benchmarks' two checkpoint shapes as a JMH parameter: GPT-2 small and SmolLM2-135M, written with
 * random float32 weights by {@link io.github.genailab.llm.RandomCheckpoint} (the cost of a forward pass
 * does not depend on the values).
 */
public enum RandomCheckpoint {
    /** GPT-2 small: 12 layers, width 768, 12 heads, MLP 3,072, vocabulary 50,257, 1,024 positions, tied. */
    GPT2_SMALL,
    /** SmolLM2-135M: 30 layers, width 576, 9 query / 3 key-value heads, MLP 1,536, vocabulary 49,152, tied. */
    SMOLLM2_135M;

    /**
     * Writes the checkpoint into {@code dir} (config.json and model.safetensors), seed 42.
     *
     * @param dir an existing empty directory
     * @return the number of weight bytes written
     */
    public long write(Path dir) {
        return (this == GPT2_SMALL ? io.github.genailab.llm.RandomCheckpoint.gpt2Small()
                : io.github.genailab.llm.RandomCheckpoint.smolLm2()).write(dir, 42);
    }
}
