/**
 * Pretrained transformer language models (GPT-2, Llama, Qwen2) loaded from Hugging Face model
 * directories and run in pure Java behind core's {@code LanguageModel}: {@link
 * io.github.genailab.llm.CausalLm}, its options and its config.
 */
package io.github.genailab.llm;
