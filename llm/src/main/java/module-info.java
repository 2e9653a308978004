/**
 * GenAI Lab llm: GPT-2, Llama and Qwen2 checkpoints in the Hugging Face layout, loaded from local disk
 * and run in pure Java with a key/value cache, behind core's {@code LanguageModel}.
 */
module io.github.genailab.llm {
    requires transitive io.github.genailab.core;
    exports io.github.genailab.llm;
    exports io.github.genailab.llm.safetensors;
    // architectures and kernels are the engine's insides: public for each other, not exported.
}
