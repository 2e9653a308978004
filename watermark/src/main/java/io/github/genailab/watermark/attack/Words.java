package io.github.genailab.watermark.attack;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Tokenizer;
import java.util.random.RandomGenerator;

/** Decoding token ids into whitespace-separated words and joining them back, for the word attacks. */
final class Words {

    private Words() {
    }

    /** The words of the decoded text (no empty ones); checks the arguments. */
    static String[] of(int[] tokens, Tokenizer tokenizer, RandomGenerator rng) {
        Checks.tokenIds(tokens, tokenizer.vocabularySize(), "tokens");
        Checks.notNull(rng, "rng");
        String text = tokenizer.decode(tokens).strip();
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    /** Appends a word, with one space before it unless it is the first. */
    static void append(StringBuilder out, String word) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(word);
    }
}
