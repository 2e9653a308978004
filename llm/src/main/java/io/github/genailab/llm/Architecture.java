package io.github.genailab.llm;

/**
 * The transformer families this module runs, selected by the {@code model_type} of a checkpoint's
 * {@code config.json}.
 *
 * @since 0.1.0
 */
public enum Architecture {
    /**
     * {@code gpt2}: GPT-2 (Radford et al. 2019). Learned absolute positions, pre-LayerNorm blocks,
     * fused Conv1D projections stored in x out, {@code gelu_new} (tanh) MLP, head tied to the token
     * embedding.
     */
    GPT2("gpt2"),
    /**
     * {@code llama}: Llama (Touvron et al. 2023), also SmolLM2 and TinyLlama. RMSNorm, rotary
     * positions (rotate-half), grouped-query attention, SwiGLU MLP, no biases, tied or untied head.
     */
    LLAMA("llama"),
    /**
     * {@code qwen2}: Qwen2 (Yang et al. 2024). Llama's block plus biases on the query, key and value
     * projections.
     */
    QWEN2("qwen2");

    private final String modelType;

    Architecture(String modelType) {
        this.modelType = modelType;
    }

    /**
     * The {@code model_type} string of {@code config.json}.
     *
     * @return e.g. {@code "gpt2"}
     */
    public String modelType() {
        return modelType;
    }
}
