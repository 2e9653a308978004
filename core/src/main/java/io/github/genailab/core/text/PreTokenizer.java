package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenisation: splits text into chunks that BPE merges never cross.
 *
 * <p>The pattern is GPT-2's
 * <pre>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</pre>
 * evaluated as Python's {@code regex} module does: {@code \s} is the Unicode White_Space property
 * (so U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 are
 * whitespace, while U+001C..U+001F and U+FEFF are not), {@code \p{L}} and {@code \p{N}} are
 * general categories, and classes match whole code points (a surrogate pair is one character).
 * Java's plain {@code \s} is ASCII-only, so the pattern spells out {@code \p{IsWhite_Space}}.
 */
final class PreTokenizer {

    private static final String WS = "\\p{IsWhite_Space}";
    private static final Pattern GPT2 = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d"
                    + "| ?\\p{L}+"
                    + "| ?\\p{N}+"
                    + "| ?[^" + WS + "\\p{L}\\p{N}]+"
                    + "|" + WS + "+(?![^" + WS + "])"
                    + "|" + WS + "+");

    private PreTokenizer() {
    }

    /**
     * Passes every chunk of {@code text}, in order, to {@code chunks}.
     *
     * @throws IllegalArgumentException if the text holds a lone surrogate (not encodable as UTF-8)
     */
    static void split(String text, Consumer<String> chunks) {
        requireWellFormed(text);
        Matcher m = GPT2.matcher(text);
        while (m.find()) {
            chunks.accept(m.group());
        }
    }

    private static void requireWellFormed(String text) {
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
