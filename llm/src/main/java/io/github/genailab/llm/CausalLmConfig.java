package io.github.genailab.llm;

import io.github.genailab.core.math.Checks;

/**
 * The hyper-parameters of a decoder-only transformer, as read from a checkpoint's {@code config.json}
 * ({@link #read(java.nio.file.Path)}), in one vocabulary for all three architectures.
 *
 * <p>Field names map to {@code config.json} keys as follows (GPT-2 key / Llama and Qwen2 key):
 * vocabSize {@code vocab_size}; hiddenSize {@code n_embd} / {@code hidden_size}; layers
 * {@code n_layer} / {@code num_hidden_layers}; heads {@code n_head} / {@code num_attention_heads};
 * kvHeads = heads / {@code num_key_value_heads}; intermediateSize {@code n_inner} (null: 4 x hidden) /
 * {@code intermediate_size}; maxPositions {@code n_positions} / {@code max_position_embeddings};
 * normEps {@code layer_norm_epsilon} / {@code rms_norm_eps}; ropeTheta unused (0) /
 * {@code rope_theta} (default 10000); tiedEmbeddings {@code tie_word_embeddings} (GPT-2 default true,
 * Llama and Qwen2 default false).
 *
 * @param architecture the family ({@code model_type})
 * @param vocabSize the vocabulary size V
 * @param hiddenSize the residual width E
 * @param layers the number of transformer blocks L
 * @param heads the number of query heads H
 * @param kvHeads the number of key/value heads (H for GPT-2; divides H)
 * @param intermediateSize the MLP's inner width
 * @param maxPositions the longest sequence the model accepts
 * @param normEps the epsilon of LayerNorm (GPT-2) or RMSNorm (Llama, Qwen2)
 * @param ropeTheta the rotary base (0 for GPT-2, which has learned positions)
 * @param tiedEmbeddings whether the output head reuses the token embedding matrix
 *
 * @since 0.1.0
 */
public record CausalLmConfig(Architecture architecture, int vocabSize, int hiddenSize, int layers, int heads,
        int kvHeads, int intermediateSize, int maxPositions, double normEps, double ropeTheta,
        boolean tiedEmbeddings) {

    /**
     * Validates the shape relations every architecture relies on.
     *
     * @param architecture the family
     * @param vocabSize V
     * @param hiddenSize E
     * @param layers L
     * @param heads H
     * @param kvHeads key/value heads
     * @param intermediateSize MLP width
     * @param maxPositions longest sequence
     * @param normEps norm epsilon
     * @param ropeTheta rotary base
     * @param tiedEmbeddings tied head
     * @throws IllegalArgumentException if a size is not positive, H does not divide E, kvHeads does not
     *     divide H, the head size is odd under rotary embeddings, or an epsilon or theta is invalid
     */
    public CausalLmConfig {
        Checks.notNull(architecture, "architecture");
        Checks.positive(vocabSize, "vocab_size");
        Checks.positive(hiddenSize, "hidden_size");
        Checks.positive(layers, "num_hidden_layers");
        Checks.positive(heads, "num_attention_heads");
        Checks.positive(kvHeads, "num_key_value_heads");
        Checks.positive(intermediateSize, "intermediate_size");
        Checks.positive(maxPositions, "max_position_embeddings");
        Checks.positive(normEps, "norm epsilon");
        if (hiddenSize % heads != 0) {
            throw Checks.fail("hidden_size", "be a multiple of num_attention_heads " + heads, hiddenSize);
        }
        if (heads % kvHeads != 0) {
            throw Checks.fail("num_key_value_heads", "divide num_attention_heads " + heads, kvHeads);
        }
        if (architecture == Architecture.GPT2) {
            if (kvHeads != heads || ropeTheta != 0) {
                throw Checks.fail("GPT-2 kvHeads and ropeTheta", "be heads and 0", kvHeads + ", " + ropeTheta);
            }
        } else {
            Checks.positive(ropeTheta, "rope_theta");
            if ((hiddenSize / heads) % 2 != 0) {
                throw Checks.fail("head size hidden_size / num_attention_heads", "be even for rotary embeddings",
                        hiddenSize / heads);
            }
        }
    }

    /**
     * The size of one attention head, {@code E / H}.
     *
     * @return the head size
     */
    public int headSize() {
        return hiddenSize / heads;
    }

    /**
     * Whether the query, key and value projections carry biases (GPT-2's fused projection and Qwen2).
     *
     * @return true for GPT-2 and Qwen2
     */
    public boolean qkvBias() {
        return architecture != Architecture.LLAMA;
    }

    /**
     * Reads and validates {@code config.json}.
     *
     * @param configJson the file
     * @return the config
     * @throws IllegalArgumentException if the file is missing or malformed, or names an architecture or
     *     option this module does not implement (the message names the field, the value and what is
     *     supported)
     * @throws java.io.UncheckedIOException if reading fails
     */
    public static CausalLmConfig read(java.nio.file.Path configJson) {
        return ConfigReader.read(configJson);
    }
}
