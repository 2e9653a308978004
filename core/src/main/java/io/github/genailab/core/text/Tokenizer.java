package io.github.genailab.core.text;

/**
 * Turns text into token ids and back.
 *
 * <p>Ids are dense in {@code [0, vocabularySize())}. Implementations are immutable and thread-safe.
 * For a byte-level tokenizer {@code decode(encode(s)).equals(s)} holds for every string {@code s}
 * (every Unicode scalar value round-trips; a lone surrogate cannot be encoded as UTF-8).
 *
 * @since 0.1.0
 */
public interface Tokenizer {

    /**
     * The number of distinct token ids. A language model's logit rows must have exactly this width;
     * mismatches between the tokenizer's length and the model's logit width are the commonest real
     * watermarking failure, so every API that needs it takes the size explicitly.
     *
     * @return the vocabulary size, at least 1
     */
    int vocabularySize();

    /**
     * Encodes text into token ids.
     *
     * @param text the text, not null
     * @return the token ids (a new array)
     * @throws NullPointerException if {@code text} is null
     */
    int[] encode(String text);

    /**
     * Decodes token ids into text.
     *
     * @param tokens the ids, each in {@code [0, vocabularySize())}
     * @return the text
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if an id is out of range
     */
    String decode(int[] tokens);
}
