/**
 * The decoder-only transformer of GPT-2, Llama and Qwen2: weights read from a checkpoint by each
 * architecture's tensor names, one batched forward pass, and the key/value cache.
 */
package io.github.genailab.llm.architectures;
