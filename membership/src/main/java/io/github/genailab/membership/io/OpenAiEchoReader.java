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

/**
 * Reads OpenAI-style {@code echo} + {@code logprobs} Completions responses: the prompt's own token log-probabilities.
 *
 * <p>Strict, like every reader of this package (see the package comment): errors name the file, the
 * line and the field.
 *
 * <p><b>OpenAI legacy Completions with {@code echo=true, max_tokens=0, logprobs=k}:</b> one response
 * per line, or a single (possibly pretty-printed) response or array of responses. Each
 * {@code choices[i]} becomes a sample from {@code choices[i].logprobs.token_logprobs} with the
 * {@code null} first entry (and any other null) dropped, as the reference does; {@code text} comes
 * from {@code choices[i].text}. Chat Completions log-probabilities cover generated tokens only and
 * cannot score a given text; they are rejected with a message saying so. Top-k lists cannot give
 * mu and sigma, so these samples support Min-K% and the baselines, not Min-K%++.
 *
 *
 * <p>Labels of API responses are unknown; attach them with {@link MembershipSample#withLabel}.
 *
 * @since 0.1.0
 */
public final class OpenAiEchoReader {

    private OpenAiEchoReader() {
    }

    /**
     * Reads OpenAI-style {@code echo} + {@code logprobs} Completions responses (format in the class comment).
     *
     * @param path the file (UTF-8)
     * @return one sample per choice, labels unknown
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a response is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Path path) throws IOException {
        Checks.notNull(path, "path");
        return read(Files.newBufferedReader(path, StandardCharsets.UTF_8), JsonDocuments.fileName(path));
    }

    /**
     * Reads OpenAI-style {@code echo} + {@code logprobs} Completions responses and closes the reader.
     *
     * @param reader the text
     * @param sourceName the name used in error messages
     * @return one sample per choice, labels unknown
     * @throws NullPointerException if an argument is null
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a response is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (JsonDocuments.Document d : JsonDocuments.responses(reader, sourceName)) {
            Fields response = Fields.of(d.location(), d.path(), d.value());
            String responseId = response.has("id") ? response.string("id") : d.defaultId();
            List<?> choices = response.array("choices");
            for (int i = 0; i < choices.size(); i++) {
                Fields choice = Fields.of(d.location(), response.name("choices[" + i + "]"), choices.get(i));
                Fields logprobs = choice.object("logprobs");
                if (!logprobs.has("token_logprobs")) {
                    throw logprobs.fail(choice.name("logprobs"), "hold token_logprobs (legacy Completions with echo=true, "
                            + "max_tokens=0; Chat Completions log-probs cover generated tokens only)", choice.raw("logprobs"));
                }
                double[] logProbs = LogProbFields.logProbs(logprobs, "token_logprobs");
                if (logprobs.has("tokens") && logprobs.array("tokens").size() != logProbs.length) {
                    throw logprobs.fail(logprobs.name("tokens"), "have the length of token_logprobs (" + logProbs.length + ")",
                            logprobs.raw("tokens"));
                }
                out.add(MembershipSample.of(responseId + "#" + i, MembershipLabel.UNKNOWN, choice.optionalString("text"),
                        TokenStatistics.of(LogProbFields.dropUnscored(logProbs))));
            }
        }
        return out;
    }
}
