/**
 * Pretraining-data detection (membership inference on language models) from per-token
 * log-probabilities: Min-K% Prob ({@link io.github.genailab.membership.MinKProb}), Min-K%++
 * ({@link io.github.genailab.membership.MinKPlusPlus}), the LOSS, zlib, lowercase and reference-model
 * baselines ({@link io.github.genailab.membership.Baselines}), and the per-token statistics they
 * need, computed from logits or an in-process language model
 * ({@link io.github.genailab.membership.TokenStatistics}).
 *
 * <p>Every score follows one sign convention: <b>higher means more likely a member</b> of the
 * model's training data. File readers live in {@code io.github.genailab.membership.io}; ROC
 * evaluation and report tables in {@code io.github.genailab.membership.eval}.
 *
 * <p>Reference: W. Shi et al., "Detecting Pretraining Data from Large Language Models", ICLR 2024.
 */
package io.github.genailab.membership;
