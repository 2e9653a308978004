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
 * <p>Strict, like every reader of this package (see the package comment): errors name the file, the
 * line and the field.
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
