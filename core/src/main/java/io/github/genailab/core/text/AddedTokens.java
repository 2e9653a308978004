package io.github.genailab.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The added (and special) tokens of a {@code tokenizer.json}, cut out of the text before
 * normalisation and BPE, as the Rust {@code tokenizers} library's {@code AddedVocabulary} does.
 *
 * <p>Tokens with {@code normalized: false} are found in the raw text first; each stretch between
 * them is NFC-normalised (if the file says so) and then searched for the tokens with
 * {@code normalized: true} (whose own text is normalised the same way). The search finds
 * non-overlapping matches, the leftmost first and, among matches starting there, the longest (the
 * library's Aho–Corasick {@code LeftmostLongest}). Then, match by match:
 * <ul>
 *   <li>{@code single_word}: the match is dropped (its text stays ordinary text) if a word character
 *       (Unicode Alphabetic, mark, decimal digit, connector punctuation or join control: the Rust
 *       {@code regex} crate's {@code \w}) touches it on either side;</li>
 *   <li>{@code lstrip}: the token also takes the whitespace (Unicode White_Space) just before it,
 *       back to the end of the previous token;</li>
 *   <li>{@code rstrip}: the token also takes the whitespace just after it.</li>
 * </ul>
 * What is left, the segments, goes to pre-tokenisation; an added token is never split or merged.
 */
final class AddedTokens {

    /** No added tokens and no normaliser: the whole text is one segment. */
    static final AddedTokens NONE = new AddedTokens(List.of(), false);

    /**
     * One added token.
     *
     * @param content its text
     * @param id its id
     * @param normalized whether it is matched after the normaliser
     * @param singleWord {@code single_word}
     * @param lstrip {@code lstrip}
     * @param rstrip {@code rstrip}
     */
    record Token(String content, int id, boolean normalized, boolean singleWord, boolean lstrip, boolean rstrip) {
    }

    private final Map<Character, Token[]> raw;
    private final Map<Character, Token[]> normalized;
    private final boolean nfc;

    /**
     * @param tokens the added tokens, in file order
     * @param nfc whether segments (and the {@code normalized} tokens) are NFC-normalised
     */
    AddedTokens(List<Token> tokens, boolean nfc) {
        Map<String, Token> raw = new LinkedHashMap<>();
        Map<String, Token> normalized = new LinkedHashMap<>();
        for (Token t : tokens) {
            if (t.normalized()) {
                normalized.putIfAbsent(nfc ? Normalizer.normalize(t.content(), Normalizer.Form.NFC) : t.content(), t);
            } else {
                raw.putIfAbsent(t.content(), t);
            }
        }
        this.raw = byFirstChar(raw);
        this.normalized = byFirstChar(normalized);
        this.nfc = nfc;
    }

    private static Map<Character, Token[]> byFirstChar(Map<String, Token> tokens) {
        Map<Character, List<Map.Entry<String, Token>>> lists = new HashMap<>();
        for (Map.Entry<String, Token> e : tokens.entrySet()) {
            lists.computeIfAbsent(e.getKey().charAt(0), c -> new ArrayList<>()).add(e);
        }
        Map<Character, Token[]> out = new HashMap<>();
        Comparator<Map.Entry<String, Token>> longestFirst = Comparator.comparingInt(e -> -e.getKey().length());
        lists.forEach((c, entries) -> out.put(c, entries.stream().sorted(longestFirst)
                .map(e -> new Token(e.getKey(), e.getValue().id(), e.getValue().normalized(), e.getValue().singleWord(),
                        e.getValue().lstrip(), e.getValue().rstrip()))
                .toArray(Token[]::new)));
        return out;
    }

    /**
     * Passes, in order, the id of each added token found to {@code added} and each (normalised,
     * non-empty) segment between them to {@code segments}.
     */
    void split(String text, IntConsumer added, Consumer<String> segments) {
        find(raw, text, added, segment -> find(normalized, nfc ? Normalizer.normalize(segment, Normalizer.Form.NFC)
                : segment, added, segments));
    }

    /** The library's {@code find_matches}, on char indices instead of byte offsets. */
    private static void find(Map<Character, Token[]> tokens, String text, IntConsumer added, Consumer<String> segments) {
        int end = 0;
        for (int i = 0; i < text.length() && !tokens.isEmpty(); ) {
            Token token = longestAt(tokens, text, i);
            if (token == null) {
                i++;
                continue;
            }
            int start = i;
            int stop = i + token.content().length();
            i = stop;
            if (token.singleWord() && (start > 0 && isWord(text.codePointBefore(start))
                    || stop < text.length() && isWord(text.codePointAt(stop)))) {
                continue;
            }
            while (token.lstrip() && start > end && isWhiteSpace(text.charAt(start - 1))) {
                start--;
            }
            while (token.rstrip() && stop < text.length() && isWhiteSpace(text.charAt(stop))) {
                stop++;
            }
            if (end < start) {
                segments.accept(text.substring(end, start));
            }
            added.accept(token.id());
            end = stop;
        }
        if (end < text.length()) {
            segments.accept(end == 0 ? text : text.substring(end));
        }
    }

    private static Token longestAt(Map<Character, Token[]> tokens, String text, int at) {
        Token[] candidates = tokens.get(text.charAt(at));
        if (candidates != null) {
            for (Token token : candidates) {
                if (text.startsWith(token.content(), at)) {
                    return token;
                }
            }
        }
        return null;
    }

    /** Unicode White_Space (all of it is in the BMP). */
    private static boolean isWhiteSpace(char c) {
        return c >= '\t' && c <= '\r' || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }

    /** The Rust regex crate's {@code \w}: Alphabetic, marks, decimal digits, connector punctuation, join controls. */
    private static boolean isWord(int cp) {
        int type = Character.getType(cp);
        return Character.isAlphabetic(cp) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.CONNECTOR_PUNCTUATION || cp == 0x200C || cp == 0x200D;
    }
}
