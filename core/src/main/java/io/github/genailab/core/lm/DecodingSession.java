package io.github.genailab.core.lm;

/**
 * One growing context of a {@link LanguageModel}, read one next-token distribution at a time: the
 * seam through which a transformer keeps its key/value cache between decoding steps instead of
 * re-reading the whole prefix.
 *
 * <p>Usage: {@code append(prompt)} once (a transformer processes the prompt in one batched pass),
 * then alternately {@link #nextTokenLogits()} and {@code append(new int[] {chosen})}. Generating
 * {@code n} tokens after a prompt of {@code p} tokens thus costs one pass over {@code p} tokens and
 * {@code n} single-token steps, never a re-run of the prefix. The context only grows: there is no
 * rewinding; open a new session for another context.
 *
 * <p>A session is a mutable object for one thread; the model that opened it stays shareable.
 * Sessions of models that hold native or cached resources release them in {@link #close()}; use
 * try-with-resources. Models without such state (the n-gram model) get the default from
 * {@link LanguageModel#newSession()}, which simply remembers the tokens.
 *
 * @since 0.1.0
 */
public interface DecodingSession extends AutoCloseable {

    /**
     * The number of tokens appended so far.
     *
     * @return the context length, at least 0
     */
    int length();

    /**
     * Extends the context by {@code tokens} (which may be empty).
     *
     * @param tokens the token ids to append, in order (not modified, not retained)
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if an id is outside the vocabulary or the context would grow
     *     past what the model can hold (for a transformer, its number of positions)
     * @throws IllegalStateException if the session is closed
     */
    void append(int[] tokens);

    /**
     * Logits of the token that follows the whole context appended so far.
     *
     * @return a new array of {@link LanguageModel#vocabularySize()} logits (finite or
     *     {@code -Infinity})
     * @throws IllegalStateException if the session is closed, or the model needs at least one token
     *     of context and none was appended
     */
    double[] nextTokenLogits();

    /** Releases whatever the session holds (a key/value cache); idempotent. */
    @Override
    void close();
}
