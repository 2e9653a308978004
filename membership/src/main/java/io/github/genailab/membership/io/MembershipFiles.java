package io.github.genailab.membership.io;

import io.github.genailab.core.internal.Json;
import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.LabeledText;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.TokenStatistics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readers for the files people already produce when scoring texts with a language model: per-token
 * log-probabilities as JSON Lines, OpenAI-style {@code echo} + {@code logprobs} responses, vLLM
 * {@code prompt_logprobs}, and WikiMIA-style labelled texts to score in-process.
 *
 * <p>Every reader is strict: a malformed line is rejected with an {@link IllegalArgumentException}
 * that names the file, the line and the field, e.g.
 * {@code scores.jsonl line 7: token_logprobs[3] must be a number <= 0 or null, got "abc"} or
 * {@code scores.jsonl: invalid JSON at line 7, column 45: unexpected '}', expected a value}. Blank
 * lines are skipped; fields not listed below are ignored. Numbers are parsed exactly (the same
 * doubles Python wrote). {@code NaN}/{@code Infinity}, which Python's {@code json.dumps} writes by
 * default, are rejected: they are not JSON, and a -infinity log-probability cannot be averaged.
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
 * <p><b>OpenAI legacy Completions with {@code echo=true, max_tokens=0, logprobs=k}:</b> one response
 * per line, or a single (possibly pretty-printed) response or array of responses. Each
 * {@code choices[i]} becomes a sample from {@code choices[i].logprobs.token_logprobs} with the
 * {@code null} first entry (and any other null) dropped, as the reference does; {@code text} comes
 * from {@code choices[i].text}. Chat Completions log-probabilities cover generated tokens only and
 * cannot score a given text; they are rejected with a message saying so. Top-k lists cannot give
 * mu and sigma, so these samples support Min-K% and the baselines, not Min-K%++.
 *
 * <p><b>vLLM {@code prompt_logprobs}:</b> an object holding {@code prompt_logprobs} (a list whose
 * entries are null or a map from token id to {@code {"logprob": ..., "rank": ..., "decoded_token": ...}}
 * or to a bare number), at the top level (offline {@code RequestOutput}) or in each
 * {@code choices[i]} (OpenAI-compatible server). The prompt token's entry is chosen with
 * {@code prompt_token_ids} (same object or top level); without ids every entry must hold exactly one
 * token ({@code prompt_logprobs=0}). {@code prompt} gives the text when present.
 *
 * <p><b>WikiMIA:</b> {@code {"input": "...", "label": 1}} per line (1 = member, seen before the
 * model's cutoff), as {@code swj0419/WikiMIA} rows exported with {@code to_json(lines=True)}.
 *
 * <p>Labels of API responses are unknown; attach them with {@link MembershipSample#withLabel}.
 */
public final class MembershipFiles {

    private MembershipFiles() {
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
    public static List<MembershipSample> readTokenLogProbs(Path path) throws IOException {
        Checks.notNull(path, "path");
        return readTokenLogProbs(Files.newBufferedReader(path, StandardCharsets.UTF_8), fileName(path));
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
    public static List<MembershipSample> readTokenLogProbs(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (Document d : jsonLines(reader, sourceName)) {
            Fields f = Fields.of(d.location, "", d.value);
            double[] logProbs = logProbs(f, "token_logprobs");
            TokenStatistics tokens;
            if (f.has("mu") != f.has("sigma")) {
                String missing = f.has("mu") ? "sigma" : "mu";
                throw f.fail(missing, "be present when " + (f.has("mu") ? "mu" : "sigma") + " is", f.raw(missing));
            }
            if (f.has("mu")) {
                tokens = new TokenStatistics(dropUnscored(logProbs),
                        scored(aligned(f, "mu", logProbs, false), logProbs),
                        scored(aligned(f, "sigma", logProbs, true), logProbs));
            } else {
                tokens = TokenStatistics.of(dropUnscored(logProbs));
            }
            TokenStatistics lowercase = f.has("lowercase_token_logprobs")
                    ? TokenStatistics.of(dropUnscored(logProbs(f, "lowercase_token_logprobs"))) : null;
            TokenStatistics reference = f.has("ref_token_logprobs")
                    ? TokenStatistics.of(dropUnscored(logProbs(f, "ref_token_logprobs"))) : null;
            out.add(new MembershipSample(id(f, d.line), label(f), f.optionalString("text"), tokens, lowercase, reference));
        }
        return out;
    }

    /**
     * Reads OpenAI-style {@code echo} + {@code logprobs} Completions responses (format above).
     *
     * @param path the file (UTF-8)
     * @return one sample per choice, labels unknown
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a response is malformed (naming the line and field)
     */
    public static List<MembershipSample> readOpenAiEcho(Path path) throws IOException {
        Checks.notNull(path, "path");
        return readOpenAiEcho(Files.newBufferedReader(path, StandardCharsets.UTF_8), fileName(path));
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
    public static List<MembershipSample> readOpenAiEcho(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (Document d : responses(reader, sourceName)) {
            Fields response = Fields.of(d.location, d.path, d.value);
            String responseId = response.has("id") ? response.string("id") : d.defaultId();
            List<?> choices = response.array("choices");
            for (int i = 0; i < choices.size(); i++) {
                Fields choice = Fields.of(d.location, response.name("choices[" + i + "]"), choices.get(i));
                Fields logprobs = choice.object("logprobs");
                if (!logprobs.has("token_logprobs")) {
                    throw logprobs.fail(choice.name("logprobs"), "hold token_logprobs (legacy Completions with echo=true, "
                            + "max_tokens=0; Chat Completions log-probs cover generated tokens only)", choice.raw("logprobs"));
                }
                double[] logProbs = logProbs(logprobs, "token_logprobs");
                if (logprobs.has("tokens") && logprobs.array("tokens").size() != logProbs.length) {
                    throw logprobs.fail(logprobs.name("tokens"), "have the length of token_logprobs (" + logProbs.length + ")",
                            logprobs.raw("tokens"));
                }
                out.add(MembershipSample.of(responseId + "#" + i, MembershipLabel.UNKNOWN, choice.optionalString("text"),
                        TokenStatistics.of(dropUnscored(logProbs))));
            }
        }
        return out;
    }

    /**
     * Reads vLLM {@code prompt_logprobs} outputs (format above).
     *
     * @param path the file (UTF-8)
     * @return one sample per prompt, labels unknown
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if an output is malformed (naming the line and field)
     */
    public static List<MembershipSample> readVllmPromptLogprobs(Path path) throws IOException {
        Checks.notNull(path, "path");
        return readVllmPromptLogprobs(Files.newBufferedReader(path, StandardCharsets.UTF_8), fileName(path));
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
    public static List<MembershipSample> readVllmPromptLogprobs(Reader reader, String sourceName) throws IOException {
        List<MembershipSample> out = new ArrayList<>();
        for (Document d : responses(reader, sourceName)) {
            Fields top = Fields.of(d.location, d.path, d.value);
            String baseId = top.has("request_id") ? top.string("request_id") : top.has("id") ? top.string("id") : d.defaultId();
            if (top.has("prompt_logprobs")) {
                out.add(vllmSample(top, top, baseId));
            } else if (top.has("choices")) {
                List<?> choices = top.array("choices");
                for (int i = 0; i < choices.size(); i++) {
                    Fields choice = Fields.of(d.location, top.name("choices[" + i + "]"), choices.get(i));
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
            logProbs[i] = logProb(holder, field + (chosen instanceof Map ? ".logprob" : ""), value);
        }
        requireScored(holder, "prompt_logprobs", logProbs);
        String text = top.optionalString("prompt");
        return MembershipSample.of(id, MembershipLabel.UNKNOWN, text, TokenStatistics.of(dropUnscored(logProbs)));
    }

    /**
     * Reads WikiMIA-style labelled texts: {@code {"input": "...", "label": 0|1}} per line.
     *
     * @param path the file (UTF-8)
     * @return one labelled text per non-blank line
     * @throws NullPointerException if {@code path} is null
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line is malformed (naming the line and field)
     */
    public static List<LabeledText> readWikiMia(Path path) throws IOException {
        Checks.notNull(path, "path");
        return readWikiMia(Files.newBufferedReader(path, StandardCharsets.UTF_8), fileName(path));
    }

    /**
     * Reads WikiMIA-style labelled texts and closes the reader.
     *
     * @param reader the text
     * @param sourceName the name used in error messages
     * @return one labelled text per non-blank line
     * @throws NullPointerException if an argument is null
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a line is malformed (naming the line and field)
     */
    public static List<LabeledText> readWikiMia(Reader reader, String sourceName) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (Document d : jsonLines(reader, sourceName)) {
            Fields f = Fields.of(d.location, "", d.value);
            MembershipLabel label = label(f);
            if (label == MembershipLabel.UNKNOWN) {
                throw f.fail("label", "be 0 or 1", f.raw("label"));
            }
            out.add(new LabeledText(f.string("input"), label == MembershipLabel.MEMBER));
        }
        return out;
    }

    // ---------------------------------------------------------------- documents

    /** One parsed JSON value with where it came from. */
    private record Document(String location, String path, int line, Object value) {
        String defaultId() {
            return path.isEmpty() ? "line " + line : "line " + line + " " + path;
        }
    }

    private static List<String> lines(Reader reader, String sourceName) throws IOException {
        Checks.notNull(reader, "reader");
        Checks.notNull(sourceName, "sourceName");
        try (BufferedReader in = new BufferedReader(reader)) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    /** One JSON value per non-blank line. */
    private static List<Document> jsonLines(Reader reader, String sourceName) throws IOException {
        return jsonLines(lines(reader, sourceName), sourceName);
    }

    private static List<Document> jsonLines(List<String> lines, String sourceName) {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(new Document(sourceName + " line " + (i + 1), "", i + 1, parse(lines.get(i), i + 1, sourceName)));
            }
        }
        return out;
    }

    /**
     * JSON Lines if the first non-blank line is a complete JSON value by itself; otherwise one
     * document (an object, or an array whose elements are the responses).
     */
    private static List<Document> responses(Reader reader, String sourceName) throws IOException {
        List<String> lines = lines(reader, sourceName);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size() || isCompleteValue(lines.get(first))) {
            return jsonLines(lines, sourceName);
        }
        Object value = parse(String.join("\n", lines), 1, sourceName);
        List<Document> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Document(sourceName, "[" + i + "]", 1, list.get(i)));
            }
        } else {
            out.add(new Document(sourceName, "", 1, value));
        }
        return out;
    }

    private static boolean isCompleteValue(String line) {
        try {
            Json.parse(line, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Object parse(String text, int firstLine, String sourceName) {
        try {
            return Json.parse(text, firstLine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    // ---------------------------------------------------------------- fields

    /** A log-probability array with NaN at null (unscored) positions; at least one number. */
    private static double[] logProbs(Fields f, String key) {
        List<?> list = f.array(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            out[i] = v == null ? Double.NaN : logProb(f, f.name(key) + "[" + i + "]", v);
        }
        requireScored(f, key, out);
        return out;
    }

    private static double logProb(Fields f, String field, Object value) {
        if (!(value instanceof Double d) || !(d <= 0)) {
            throw f.fail(field, "be a number <= 0 or null", value);
        }
        return d;
    }

    private static void requireScored(Fields f, String key, double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return;
            }
        }
        throw f.fail(f.name(key), "hold at least one log-probability", f.raw(key));
    }

    /** mu or sigma aligned with token_logprobs: numbers wherever a log-probability is. */
    private static double[] aligned(Fields f, String key, double[] logProbs, boolean isSigma) {
        List<?> list = f.array(key);
        if (list.size() != logProbs.length) {
            throw f.fail(f.name(key), "have the length of token_logprobs (" + logProbs.length + ")", list);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(logProbs[i])) {
                out[i] = Double.NaN;
                continue;
            }
            Object v = list.get(i);
            boolean ok = v instanceof Double d && (isSigma ? d >= 0 : d <= 0);
            if (!ok) {
                throw f.fail(f.name(key) + "[" + i + "]", isSigma ? "be a number >= 0 where token_logprobs is a number"
                        : "be a number <= 0 where token_logprobs is a number", v);
            }
            out[i] = (Double) v;
        }
        return out;
    }

    /** The entries of {@code values} at positions where {@code logProbs} is a number. */
    private static double[] scored(double[] values, double[] logProbs) {
        int n = 0;
        for (double lp : logProbs) {
            if (!Double.isNaN(lp)) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < logProbs.length; i++) {
            if (!Double.isNaN(logProbs[i])) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private static double[] dropUnscored(double[] logProbs) {
        return scored(logProbs, logProbs);
    }

    private static MembershipLabel label(Fields f) {
        if (!f.has("label")) {
            return MembershipLabel.UNKNOWN;
        }
        Object v = f.raw("label");
        if (Boolean.TRUE.equals(v) || Double.valueOf(1).equals(v)) {
            return MembershipLabel.MEMBER;
        }
        if (Boolean.FALSE.equals(v) || Double.valueOf(0).equals(v)) {
            return MembershipLabel.NON_MEMBER;
        }
        throw f.fail("label", "be 1, 0, true or false", v);
    }

    private static String id(Fields f, int line) {
        if (!f.has("id")) {
            return "line " + line;
        }
        Object v = f.raw("id");
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double) {
            return Fields.describe(v);
        }
        throw f.fail("id", "be a string or a number", v);
    }
}
