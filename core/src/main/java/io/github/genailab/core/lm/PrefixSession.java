package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * The default {@link DecodingSession} of a model without a cache: it remembers the tokens and asks
 * {@link LanguageModel#nextTokenLogits(int[], int)} for the whole prefix at every step, which is what
 * a stateless model (an n-gram model reads only its last few tokens) does anyway.
 */
final class PrefixSession implements DecodingSession {

    private final LanguageModel model;
    private int[] tokens = new int[16];
    private int length;
    private boolean closed;

    PrefixSession(LanguageModel model) {
        this.model = model;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void append(int[] newTokens) {
        Checks.notNull(newTokens, "tokens");
        requireOpen();
        Checks.tokenIds(newTokens, model.vocabularySize(), "tokens");
        if (newTokens.length > Integer.MAX_VALUE - 8 - length) {
            throw Checks.fail("context length", "stay below 2^31 - 8", (long) length + newTokens.length);
        }
        if (length + newTokens.length > tokens.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * tokens.length, length + newTokens.length));
            tokens = Arrays.copyOf(tokens, capacity);
        }
        System.arraycopy(newTokens, 0, tokens, length, newTokens.length);
        length += newTokens.length;
    }

    @Override
    public double[] nextTokenLogits() {
        requireOpen();
        return model.nextTokenLogits(tokens, length);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the decoding session is closed");
        }
    }
}
