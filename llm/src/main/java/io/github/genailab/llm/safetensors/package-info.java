/**
 * Reading Hugging Face safetensors checkpoints: the header format, single and sharded model
 * directories, and F32 / F16 / BF16 tensors widened to float32 from memory-mapped files.
 */
package io.github.genailab.llm.safetensors;
