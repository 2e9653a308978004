/**
 * The float32 kernels of the transformer forward pass: the matrix product, normalisations,
 * activations, rotary embeddings, causal grouped-query attention and the worker threads that share
 * them deterministically.
 */
package io.github.genailab.llm.kernels;
