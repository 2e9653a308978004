package io.github.genailab.membership.io;

import io.github.genailab.core.math.Checks;
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
 * Reads per-token log-probabilities that a language model gave to texts, as JSON Lines: the format most scoring scripts write.
 *
 * <p>Strict, like every reader of this package (see the package comment): errors name the file, the
 * line and the field.
 *
 * <p><b>Token log-probabilities (JSON Lines), one text per line:</b>
 * <pre>
 *   {"id": "wiki-17", "label": 1, "text": "...",
 *    "token_logprobs": [null, -2.1, -0.3],          required; null = position not scored (dropped)
 *    "mu": [null, -1.9, -0.8], "sigma": [null, 1.2, 0.7],   optional, both or neither (Min-K%++)
 *    "lowercase_token_logprobs": [...], "ref_token_logprobs": [...]}   optional (baselines)
 * </pre>
 * {@code label} is 1/0 or true/false (member / non-member; absent means unknown); {@code id} a string
 * or number (default {@code line N}); {@code mu} and {@code sigma} (standard deviation) align with
 * {@code token_logprobs} and must be numbers wherever it is.
 *
 *
 * @since 0.1.0
 */
public final class TokenLogProbsReader {

    private TokenLogProbsReader() {
    }

    /**
     * Reads per-token log-probabilities (JSON Lines, format above).
     *
     * @param path the file (UTF-8)
     * @return one sample per non-blank line
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Path path) throws IOException {
        Checks.notNull(path, "path");
        return read(Files.newBufferedReader(path, StandardCharsets.UTF_8), JsonDocuments.fileName(path));
    }

    /**
     * Reads per-token log-probabilities (JSON Lines, format above) and closes the reader.
     *
     * @param reader the text
     * @param sourceName the name used in error messages, e.g. a file name
     * @return one sample per non-blank line
     * @throws NullPointerException if an argument is null
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a line is malformed (naming the line and field)
     */
    public static List<MembershipSample> read(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (JsonDocuments.Document d : JsonDocuments.jsonLines(reader, sourceName)) {
            Fields f = Fields.of(d.location(), "", d.value());
            double[] logProbs = LogProbFields.logProbs(f, "token_logprobs");
            TokenStatistics tokens;
            if (f.has("mu") != f.has("sigma")) {
                String missing = f.has("mu") ? "sigma" : "mu";
                throw f.fail(missing, "be present when " + (f.has("mu") ? "mu" : "sigma") + " is", f.raw(missing));
            }
            if (f.has("mu")) {
                tokens = new TokenStatistics(LogProbFields.dropUnscored(logProbs),
                        LogProbFields.scored(LogProbFields.aligned(f, "mu", logProbs, false), logProbs),
                        LogProbFields.scored(LogProbFields.aligned(f, "sigma", logProbs, true), logProbs));
            } else {
                tokens = TokenStatistics.of(LogProbFields.dropUnscored(logProbs));
            }
            TokenStatistics lowercase = f.has("lowercase_token_logprobs")
                    ? TokenStatistics.of(LogProbFields.dropUnscored(LogProbFields.logProbs(f, "lowercase_token_logprobs"))) : null;
            TokenStatistics reference = f.has("ref_token_logprobs")
                    ? TokenStatistics.of(LogProbFields.dropUnscored(LogProbFields.logProbs(f, "ref_token_logprobs"))) : null;
            out.add(new MembershipSample(LogProbFields.id(f, d.line()), LogProbFields.label(f), f.optionalString("text"), tokens, lowercase, reference));
        }
        return out;
    }
}
