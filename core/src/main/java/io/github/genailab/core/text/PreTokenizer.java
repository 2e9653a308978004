package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pre-tokenisation: splits text into pieces that BPE merges never cross.
 *
 * <p>GPT-2's pattern is
 * <pre>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</pre>
 * evaluated as Python's {@code regex} module and Oniguruma (the Rust {@code tokenizers} library's
 * {@code ByteLevel} pre-tokenizer) do: {@code \s} is the Unicode White_Space property (so U+0085,
 * U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 are whitespace, while
 * U+001C..U+001F and U+FEFF are not), {@code \p{L}} and {@code \p{N}} are general categories, and
 * classes match whole code points (a surrogate pair is one character). Java's plain {@code \s} is
 * ASCII-only, so the pattern spells out {@code \p{IsWhite_Space}}.
 *
 * <p>A {@code tokenizer.json} pipeline is a list of {@code Split} patterns with the {@code Isolated}
 * behaviour (every match is a piece, and so is the text between matches), applied in order to each
 * piece of the previous step, then the {@code ByteLevel} step: a space is prepended to each piece not
 * starting with one if {@code add_prefix_space}, and GPT-2's pattern splits again if
 * {@code use_regex}. Each step sees only its piece: a look-ahead stops at the piece's end.
 */
final class PreTokenizer {

    private static final String WS = "\\p{IsWhite_Space}";
    private static final Pattern GPT2_PATTERN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d"
                    + "| ?\\p{L}+"
                    + "| ?\\p{N}+"
                    + "| ?[^" + WS + "\\p{L}\\p{N}]+"
                    + "|" + WS + "+(?![^" + WS + "])"
                    + "|" + WS + "+");

    /** GPT-2's pre-tokenizer: its pattern, no prefix space. */
    static final PreTokenizer GPT2 = new PreTokenizer(List.of(), false, true);

    private final Pattern[] splits;
    private final boolean addPrefixSpace;
    private final boolean byteLevelRegex;

    /**
     * @param splits the {@code Split} patterns, in order
     * @param addPrefixSpace the {@code ByteLevel} step's {@code add_prefix_space}
     * @param byteLevelRegex the {@code ByteLevel} step's {@code use_regex}
     */
    PreTokenizer(List<Pattern> splits, boolean addPrefixSpace, boolean byteLevelRegex) {
        this.splits = splits.toArray(new Pattern[0]);
        this.addPrefixSpace = addPrefixSpace;
        this.byteLevelRegex = byteLevelRegex;
    }

    /** Passes every non-empty piece of a non-empty {@code text}, in order, to {@code pieces}. */
    void split(String text, Consumer<String> pieces) {
        split(0, text, pieces);
    }

    private void split(int step, String text, Consumer<String> pieces) {
        if (step < splits.length) {
            isolate(splits[step], text, piece -> split(step + 1, piece, pieces));
            return;
        }
        String piece = addPrefixSpace && text.charAt(0) != ' ' ? " " + text : text;
        if (byteLevelRegex) {
            isolate(GPT2_PATTERN, piece, pieces);
        } else {
            pieces.accept(piece);
        }
    }

    private static void isolate(Pattern pattern, String text, Consumer<String> pieces) {
        Matcher m = pattern.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                pieces.accept(text.substring(end, m.start()));
            }
            if (m.end() > m.start()) {
                pieces.accept(m.group());
            }
            end = m.end();
        }
        if (end < text.length()) {
            pieces.accept(text.substring(end));
        }
    }

    /**
     * Requires a string of Unicode scalar values.
     *
     * @throws IllegalArgumentException if the text holds a lone surrogate (not encodable as UTF-8)
     */
    static void requireWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Checks.fail("text", "not contain a lone surrogate (it has no UTF-8 encoding)",
                        String.format("U+%04X at index %d", (int) c, i));
            }
        }
    }
}
