package io.github.genailab.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * {@code normalized: true}. At each step the leftmost match wins and, among matches starting there,
 * the longest (the library's Aho–Corasick {@code LeftmostLongest}); matches do not overlap. What is
 * left, the segments, goes to pre-tokenisation; an added token is never split or merged.
 */
final class AddedTokens {

    /** No added tokens and no normaliser: the whole text is one segment. */
    static final AddedTokens NONE = new AddedTokens(Map.of(), Map.of(), false);

    private final Map<Character, String[]> raw;
    private final Map<Character, String[]> normalized;
    private final Map<String, Integer> ids;
    private final boolean nfc;

    /**
     * @param rawIds the {@code normalized: false} tokens and their ids
     * @param normalizedIds the {@code normalized: true} tokens and their ids
     * @param nfc whether segments are NFC-normalised
     */
    AddedTokens(Map<String, Integer> rawIds, Map<String, Integer> normalizedIds, boolean nfc) {
        this.raw = byFirstChar(rawIds);
        this.normalized = byFirstChar(normalizedIds);
        this.ids = new HashMap<>(rawIds);
        this.ids.putAll(normalizedIds);
        this.nfc = nfc;
    }

    private static Map<Character, String[]> byFirstChar(Map<String, Integer> ids) {
        Map<Character, List<String>> lists = new HashMap<>();
        for (String token : ids.keySet()) {
            lists.computeIfAbsent(token.charAt(0), c -> new ArrayList<>()).add(token);
        }
        Map<Character, String[]> out = new HashMap<>();
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        lists.forEach((c, tokens) -> out.put(c, tokens.stream().sorted(longestFirst.thenComparing(t -> t))
                .toArray(String[]::new)));
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

    private void find(Map<Character, String[]> tokens, String text, IntConsumer added, Consumer<String> segments) {
        int end = 0;
        if (!tokens.isEmpty()) {
            for (int i = 0; i < text.length(); i++) {
                String token = longestAt(tokens, text, i);
                if (token != null) {
                    if (i > end) {
                        segments.accept(text.substring(end, i));
                    }
                    added.accept(ids.get(token));
                    end = i + token.length();
                    i = end - 1;
                }
            }
        }
        if (end < text.length()) {
            segments.accept(end == 0 ? text : text.substring(end));
        }
    }

    private static String longestAt(Map<Character, String[]> tokens, String text, int at) {
        String[] candidates = tokens.get(text.charAt(at));
        if (candidates != null) {
            for (String token : candidates) {
                if (text.startsWith(token, at)) {
                    return token;
                }
            }
        }
        return null;
    }
}
