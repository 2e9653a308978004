package io.github.genailab.core.text;

import java.util.random.RandomGenerator;

/** Seeded random strings that stress byte-level tokenizers. */
final class TextSamples {

    /** Whitespace that ASCII-only or JavaScript regexes treat differently from Python's. */
    static final String UNUSUAL_WHITESPACE = "\u00A0\u2028\u2029\u3000\u1680\u2000\u200A\u202F\u205F\u0085\u000B\u000C\r\n\t ";

    private static final String[] PIECES = {
        "the", "The", " and", "'s", "'ll", "'S", "don't", "42", "3.14", "...", "!!", "--", "  ", "\r\n", "\t",
        "\n\n", "é", "naïve", "Ωμέγα", "日本語", "한국어", "العربية", "😀", "👍🏽", "👩‍👩‍👧‍👦", "🇫🇷", "𝔘𝔫𝔦", "𐍈", "\uFEFF",
        "<|endoftext|>", "\u0000", "\u001F", "\u00AD", "\u0301",
    };

    private TextSamples() {
    }

    /**
     * A random string of up to {@code maxCodePoints} code points mixing fixed tricky pieces, unusual
     * whitespace, ASCII, and code points drawn uniformly from all 17 planes (lone surrogates excluded).
     */
    static String randomText(RandomGenerator rng, int maxCodePoints) {
        StringBuilder sb = new StringBuilder();
        int n = rng.nextInt(maxCodePoints + 1);
        for (int i = 0; i < n; i++) {
            switch (rng.nextInt(4)) {
                case 0 -> sb.append(PIECES[rng.nextInt(PIECES.length)]);
                case 1 -> sb.append(UNUSUAL_WHITESPACE.charAt(rng.nextInt(UNUSUAL_WHITESPACE.length())));
                case 2 -> sb.append((char) (' ' + rng.nextInt(95)));
                default -> sb.appendCodePoint(anyScalarValue(rng));
            }
        }
        return sb.toString();
    }

    private static int anyScalarValue(RandomGenerator rng) {
        while (true) {
            int cp = rng.nextInt(Character.MAX_CODE_POINT + 1);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                return cp;
            }
        }
    }
}
