package io.github.genailab.membership.io;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.LabeledText;
import io.github.genailab.membership.MembershipLabel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WikiMIA-style labelled texts, to be scored in-process (Shi et al., ICLR 2024, the WikiMIA benchmark).
 *
 * <p>Every reader is strict: a malformed line is rejected with an {@link IllegalArgumentException}
 * that names the file, the line and the field, e.g.
 * {@code scores.jsonl line 7: token_logprobs[3] must be a number <= 0 or null, got "abc"} or
 * {@code scores.jsonl: invalid JSON at line 7, column 45: unexpected '}', expected a value}. Blank
 * lines are skipped; fields not listed below are ignored. Numbers are parsed exactly (the same
 * doubles Python wrote). {@code NaN}/{@code Infinity}, which Python's {@code json.dumps} writes by
 * default, are rejected: they are not JSON, and a -infinity log-probability cannot be averaged.
 *
 * <p><b>WikiMIA:</b> {@code {"input": "...", "label": 1}} per line (1 = member, seen before the
 * model's cutoff), as {@code swj0419/WikiMIA} rows exported with {@code to_json(lines=True)}.
 *
 *
 * @since 0.1.0
 */
public final class WikiMiaReader {

    private WikiMiaReader() {
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
    public static List<LabeledText> read(Path path) throws IOException {
        Checks.notNull(path, "path");
        return read(Files.newBufferedReader(path, StandardCharsets.UTF_8), JsonDocuments.fileName(path));
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
    public static List<LabeledText> read(Reader reader, String sourceName) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (JsonDocuments.Document d : JsonDocuments.jsonLines(reader, sourceName)) {
            Fields f = Fields.of(d.location(), "", d.value());
            MembershipLabel label = LogProbFields.label(f);
            if (label == MembershipLabel.UNKNOWN) {
                throw f.fail("label", "be 0 or 1", f.raw("label"));
            }
            out.add(new LabeledText(f.string("input"), label == MembershipLabel.MEMBER));
        }
        return out;
    }
}
