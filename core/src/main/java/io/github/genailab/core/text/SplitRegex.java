package io.github.genailab.core.text;

import io.github.genailab.core.math.Checks;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a {@code Split} pre-tokenizer's regex, written for Oniguruma (Ruby syntax, UTF-8, which
 * the Rust {@code tokenizers} library compiles it with), into an equivalent {@code java.util.regex}
 * pattern.
 *
 * <p>What differs between the two flavours, and what this does about it:
 * <ul>
 *   <li>{@code \s} / {@code \S}: Unicode White_Space in Oniguruma (NBSP, U+2009, U+3000, U+2028,
 *       U+0085 ...), ASCII in Java: written as {@code \p{IsWhite_Space}} / {@code \P{IsWhite_Space}}.</li>
 *   <li>{@code \d} / {@code \w} / {@code \h} (and negations): Unicode decimal digits, word characters
 *       and hex digits in Oniguruma, spelt out as classes ({@code \h} is horizontal space in Java;
 *       {@code \v} is vertical space in Java but U+000B in Oniguruma). Oniguruma's word characters, as
 *       measured through the Rust library, are Alphabetic, marks, decimal digits and connector
 *       punctuation, plus {@code ² ³ ¹ ¼ ½ ¾} outside a bracket class (not inside one).</li>
 *   <li>Case-insensitive groups {@code (?i:...)} fold Unicode case in Oniguruma ({@code 'ſ} matches
 *       {@code 's}): compiled with {@link Pattern#UNICODE_CASE}. Ruby's {@code (?m)} is Java's
 *       {@code (?s)}; {@code .}, {@code ^} and {@code $} treat only {@code \n} as a line end and
 *       {@code ^}/{@code $} always match at line ends ({@link Pattern#UNIX_LINES},
 *       {@link Pattern#MULTILINE}).</li>
 *   <li>{@code \p{X}}: general categories stay; other names (scripts such as {@code Han}) get Java's
 *       {@code Is} prefix; {@code \p{^X}} is {@code \P{X}}.</li>
 *   <li>Refused, because the flavours disagree and real files do not use them: word boundaries
 *       ({@code \b}, {@code \B}), back-references and subexpression calls, {@code \K}, {@code \R},
 *       {@code \X}, {@code \G}, POSIX brackets ({@code [[:alpha:]]}) and flags other than
 *       {@code i}, {@code m}, {@code x}. Multi-character case folds ({@code ß} against {@code ss})
 *       are not reproduced.</li>
 * </ul>
 */
final class SplitRegex {

    private static final String WORD_IN_CLASS = "\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}";
    private static final String WORD = "[" + WORD_IN_CLASS + "\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE]";
    private static final String REFUSED_ESCAPES = "bBKRXGgkNOyY123456789";

    private SplitRegex() {
    }

    /**
     * The Java pattern for an Oniguruma regex.
     *
     * @param regex the regex as the file gives it
     * @param field the field's name for messages
     * @throws IllegalArgumentException naming {@code field} if the regex uses a refused construct or
     *     does not compile
     */
    static Pattern compile(String regex, String field) {
        String java = translate(regex, field);
        try {
            return Pattern.compile(java, Pattern.UNIX_LINES | Pattern.MULTILINE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw Checks.fail(field, "be a regex java.util.regex can compile after translation ("
                    + e.getDescription() + ")", quote(regex));
        }
    }

    static String translate(String regex, String field) {
        StringBuilder out = new StringBuilder(regex.length() + 32);
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                i = escape(regex, i + 1, classDepth > 0, out, field);
            } else if (c == '[') {
                if (classDepth > 0 && regex.startsWith(":", i + 1)) {
                    throw refused(regex, field, "POSIX bracket expressions");
                }
                classDepth++;
                out.append(c);
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
                out.append(c);
            } else if (c == '(' && classDepth == 0 && regex.startsWith("?", i + 1)) {
                i = group(regex, i, out, field);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Translates the escape whose letter is at {@code at}; returns the index of its last character. */
    private static int escape(String regex, int at, boolean inClass, StringBuilder out, String field) {
        char e = regex.charAt(at);
        switch (e) {
            case 's' -> out.append("\\p{IsWhite_Space}");
            case 'S' -> out.append("\\P{IsWhite_Space}");
            case 'd' -> out.append("\\p{Nd}");
            case 'D' -> out.append("\\P{Nd}");
            case 'w' -> out.append(inClass ? WORD_IN_CLASS : WORD);
            case 'W' -> out.append(inClass ? "[^" + WORD_IN_CLASS + "]" : "[^" + WORD.substring(1));
            case 'h' -> out.append("[0-9a-fA-F]");
            case 'H' -> out.append("[^0-9a-fA-F]");
            case 'v' -> out.append("\\x0B");
            case 'p', 'P' -> {
                return property(regex, at, out, field);
            }
            default -> {
                if (REFUSED_ESCAPES.indexOf(e) >= 0) {
                    throw refused(regex, field, "the escape \\" + e);
                }
                out.append('\\').append(e);
            }
        }
        return at;
    }

    private static int property(String regex, int at, StringBuilder out, String field) {
        boolean negated = regex.charAt(at) == 'P';
        int close = regex.indexOf('}', at);
        if (at + 1 >= regex.length() || regex.charAt(at + 1) != '{' || close < 0) {
            throw refused(regex, field, "\\p without {name}");
        }
        String name = regex.substring(at + 2, close);
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        boolean category = name.matches("[LMNPSZC][a-z&]?");
        out.append(negated ? "\\P{" : "\\p{").append(category ? "" : "Is").append(name).append('}');
        return close;
    }

    /** Translates {@code (?flags)} and {@code (?flags:}; other {@code (?} groups are copied. */
    private static int group(String regex, int open, StringBuilder out, String field) {
        int i = open + 2;
        StringBuilder flags = new StringBuilder();
        while (i < regex.length() && "imx-".indexOf(regex.charAt(i)) >= 0) {
            char f = regex.charAt(i++);
            flags.append(f == 'm' ? 's' : f);
        }
        if (flags.length() == 0 && i < regex.length() && Character.isLetter(regex.charAt(i))) {
            throw refused(regex, field, "inline flags other than i, m and x");
        }
        if (flags.length() == 0) {
            out.append("(?");
            return open + 1;
        }
        if (i >= regex.length() || (regex.charAt(i) != ':' && regex.charAt(i) != ')')) {
            throw refused(regex, field, "inline flags other than i, m and x");
        }
        out.append("(?").append(flags).append(regex.charAt(i));
        return i;
    }

    private static IllegalArgumentException refused(String regex, String field, String what) {
        return Checks.fail(field, "be a regex without " + what
                + " (Oniguruma and java.util.regex disagree on it; it is not supported)", quote(regex));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
