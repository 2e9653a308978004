package io.github.genailab.llm;

import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.math.Checks;
import io.github.genailab.llm.architectures.KvCache;

/** A {@link DecodingSession} over a {@link CausalLm}'s key/value cache: one forward pass per append. */
final class CachedSession implements DecodingSession {

    private final CausalLm model;
    private final KvCache cache;
    private float[] lastLogits;
    private boolean closed;

    CachedSession(CausalLm model, KvCache cache) {
        this.model = model;
        this.cache = cache;
    }

    @Override
    public int length() {
        return cache.length();
    }

    @Override
    public void append(int[] tokens) {
        Checks.notNull(tokens, "tokens");
        requireOpen();
        if (tokens.length > 0) {
            lastLogits = model.run(tokens, cache, false);
        }
    }

    @Override
    public double[] nextTokenLogits() {
        requireOpen();
        if (lastLogits == null) {
            throw new IllegalStateException("a transformer needs at least one token of context: append before "
                    + "asking for logits");
        }
        return CausalLm.toDoubles(lastLogits, 0, lastLogits.length);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the decoding session is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        lastLogits = null;
        cache.release();
    }
}
