/**
 * Language models and decoding: the LanguageModel seam, an n-gram model with interpolated Kneser-Ney
 * smoothing, logits processors and decoding strategies (greedy, sampling with temperature, top-k and
 * top-p, beam search).
 */
package io.github.genailab.core.lm;
