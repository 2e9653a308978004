/**
 * Strict readers for the files that carry per-token log-probabilities, one class per format:
 * {@link io.github.genailab.membership.io.TokenLogProbsReader} (JSON Lines),
 * {@link io.github.genailab.membership.io.OpenAiEchoReader} (OpenAI {@code echo} + {@code logprobs}),
 * {@link io.github.genailab.membership.io.VllmPromptLogprobsReader} (vLLM {@code prompt_logprobs}) and
 * {@link io.github.genailab.membership.io.WikiMiaReader} (WikiMIA-style labelled texts), on the
 * library's strict JSON reader (no dependency).
 *
 * <p>Every reader is strict: a malformed line is rejected with an {@link IllegalArgumentException}
 * that names the file, the line and the field, e.g.
 * {@code scores.jsonl line 7: token_logprobs[3] must be a number <= 0 or null, got "abc"} or
 * {@code scores.jsonl: invalid JSON at line 7, column 45: unexpected '}', expected a value}. Blank
 * lines are skipped; fields a reader does not list are ignored. Numbers are parsed exactly (the same
 * doubles Python wrote). {@code NaN}/{@code Infinity}, which Python's {@code json.dumps} writes by
 * default, are rejected: they are not JSON, and a -infinity log-probability cannot be averaged.
 */
package io.github.genailab.membership.io;
