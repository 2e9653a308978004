/**
 * Language models and decoding: the LanguageModel seam, an n-gram model with interpolated Kneser-Ney smoothing, logits processors and decoding strategies.
 */
package io.github.genailab.core.lm;
