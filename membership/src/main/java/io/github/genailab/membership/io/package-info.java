/**
 * Strict readers for the files that carry per-token log-probabilities (JSON Lines, OpenAI
 * {@code echo} + {@code logprobs}, vLLM {@code prompt_logprobs}) and WikiMIA-style labelled texts,
 * with a small built-in JSON parser (no dependency). See
 * {@link io.github.genailab.membership.io.MembershipFiles}.
 */
package io.github.genailab.membership.io;
