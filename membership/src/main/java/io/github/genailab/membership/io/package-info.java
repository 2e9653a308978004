/**
 * Strict readers for the files that carry per-token log-probabilities, one class per format:
 * {@link io.github.genailab.membership.io.TokenLogProbsReader} (JSON Lines),
 * {@link io.github.genailab.membership.io.OpenAiEchoReader} (OpenAI {@code echo} + {@code logprobs}),
 * {@link io.github.genailab.membership.io.VllmPromptLogprobsReader} (vLLM {@code prompt_logprobs}) and
 * {@link io.github.genailab.membership.io.WikiMiaReader} (WikiMIA-style labelled texts), on the
 * library's strict JSON reader (no dependency).
 */
package io.github.genailab.membership.io;
