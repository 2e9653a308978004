package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * A text with its membership label, for example one WikiMIA row ({@code {"input": ..., "label": 1}}).
 *
 * @param text the text
 * @param member whether the text was in the training data
 *
 * @since 0.1.0
 */
public record LabeledText(String text, boolean member) {

    /**
     * Validates the record.
     *
     * @param text the text
     * @param member whether the text was in the training data
     * @throws NullPointerException if {@code text} is null
     */
    public LabeledText {
        Checks.notNull(text, "text");
    }

    /**
     * One line: the label and the start of the text.
     *
     * @return e.g. {@code LabeledText[member, 312 chars: "The 2016 Summer Olympics..."]}
     */
    @Override
    public String toString() {
        String start = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        return String.format(Locale.ROOT, "LabeledText[%s, %d chars: \"%s\"]", member ? "member" : "non-member",
                text.length(), start.replace("\n", "\\n"));
    }
}
