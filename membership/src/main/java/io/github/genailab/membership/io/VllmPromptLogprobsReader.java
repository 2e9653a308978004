package io.github.genailab.membership.io;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.TokenStatistics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads vLLM {@code prompt_logprobs} outputs: the prompt's own token log-probabilities from a vLLM server or offline run.
 *
 * <p>Strict, like every reader of this package (see the package comment): errors name the file, the
 * line and the field.
 *
 * <p><b>vLLM {@code prompt_logprobs}:</b> an object holding {@code prompt_logprobs} (a list whose
 * entries are null or a map from token id to {@code {"logprob": ..., "rank": ..., "decoded_token": ...}}
 * or to a bare number), at the top level (offline {@code RequestOutput}) or in each
 * {@code choices[i]} (OpenAI-compatible server). The prompt token's entry is chosen with
 * {@code prompt_token_ids} (same object or top level); without ids every entry must hold exactly one
 * token ({@code prompt_logprobs=0}). {@code prompt} gives the text when present.
 *
 *
 * <p>Labels are unknown; attach them with {@link MembershipSample#withLabel}.
 *
 * @since 0.1.0
 */
public final class VllmPromptLogprobsReader {

    private VllmPromptLogprobsReader() {
    }

    /**
     * Reads vLLM {@code prompt_logprobs} outputs (format in the class comment).
     *
     * @param path the file (UTF-8)
     * @return one sample per prompt, labels unknown
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if an output is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Path path) throws IOException {
        Checks.notNull(path, "path");
        return read(Files.newBufferedReader(path, StandardCharsets.UTF_8), JsonDocuments.fileName(path));
    }

    /**
     * Reads vLLM {@code prompt_logprobs} outputs and closes the reader.
     *
     * @param reader the text
     * @param sourceName the name used in error messages
     * @return one sample per prompt, labels unknown
     * @throws NullPointerException if an argument is null
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if an output is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (JsonDocuments.Document d : JsonDocuments.responses(reader, sourceName)) {
            Fields top = Fields.of(d.location(), d.path(), d.value());
            String baseId = top.has("request_id") ? top.string("request_id") : top.has("id") ? top.string("id") : d.defaultId();
            if (top.has("prompt_logprobs")) {
                out.add(vllmSample(top, top, baseId));
            } else if (top.has("choices")) {
                List<?> choices = top.array("choices");
                for (int i = 0; i < choices.size(); i++) {
                    Fields choice = Fields.of(d.location(), top.name("choices[" + i + "]"), choices.get(i));
                    out.add(vllmSample(choice, top, baseId + "#" + i));
                }
            } else {
                throw top.fail(top.name("prompt_logprobs"), "be present (request prompt_logprobs=N)", top.raw("prompt_logprobs"));
            }
        }
        return out;
    }

    private static MembershipSample vllmSample(Fields holder, Fields top, String id) {
        List<?> entries = holder.array("prompt_logprobs");
        Fields idsHolder = holder.has("prompt_token_ids") ? holder : top.has("prompt_token_ids") ? top : null;
        List<?> ids = idsHolder == null ? null : idsHolder.array("prompt_token_ids");
        if (ids != null && ids.size() != entries.size()) {
            throw holder.fail(idsHolder.name("prompt_token_ids"), "have the length of prompt_logprobs (" + entries.size() + ")",
                    ids);
        }
        double[] logProbs = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            String field = holder.name("prompt_logprobs[" + i + "]");
            Object entry = entries.get(i);
            if (entry == null) {
                logProbs[i] = Double.NaN;
                continue;
            }
            if (!(entry instanceof Map<?, ?> candidates)) {
                throw holder.fail(field, "be null or an object mapping token ids to log-probabilities", entry);
            }
            Object chosen;
            if (ids != null) {
                String token = String.valueOf(holder.integer(idsHolder.name("prompt_token_ids[" + i + "]"), ids.get(i)));
                chosen = candidates.get(token);
                if (chosen == null) {
                    throw holder.fail(field, "contain the prompt token " + token, entry);
                }
            } else if (candidates.size() == 1) {
                chosen = candidates.values().iterator().next();
            } else {
                throw holder.fail(field, "hold exactly one token when prompt_token_ids is absent", entry);
            }
            Object value = chosen instanceof Map<?, ?> logprob ? logprob.get("logprob") : chosen;
            logProbs[i] = LogProbFields.logProb(holder, field + (chosen instanceof Map ? ".logprob" : ""), value);
        }
        LogProbFields.requireScored(holder, "prompt_logprobs", logProbs);
        String text = top.optionalString("prompt");
        return MembershipSample.of(id, MembershipLabel.UNKNOWN, text, TokenStatistics.of(LogProbFields.dropUnscored(logProbs)));
    }
}
