package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;

/**
 * An autoregressive language model over a fixed vocabulary: the seam between GenAI Lab's kernels and
 * any model (the in-process n-gram model, a Java port of GPT-2, an ONNX model, log-probabilities
 * exported from Python).
 *
 * <p>Conventions:
 * <ul>
 *   <li>{@code nextTokenLogits(tokens, length)} returns one row of logits of width
 *       {@link #vocabularySize()} for the distribution of the token that follows
 *       {@code tokens[0, length)}; {@code length} may be 0 (the unconditional distribution).
 *       Logits are defined up to an additive constant: {@code p = softmax(logits)}.</li>
 *   <li>{@link #tokenLogProbs(int[])} scores a whole sequence the way the pretraining-data references
 *       do (Shi et al. 2024): position {@code i} of the result is {@code log p(t_{i+1} | t_0..t_i)}, so
 *       a sequence of n tokens has n - 1 scored positions; the first token is context only. Natural
 *       logarithms.</li>
 *   <li>{@link #newSession()} opens a {@link DecodingSession}: the context grows token by token and a
 *       model with a key/value cache (a transformer) never re-reads the prefix. {@link Decoder} decodes
 *       through a session; the default session re-reads the prefix, which costs a stateless model such
 *       as the n-gram model nothing.</li>
 *   <li>{@link #forward(int[])} gives the logits after every prefix of a sequence at once (one batched
 *       pass for a transformer): what Min-K%++ needs, the mean and spread of every full row.</li>
 * </ul>
 * Implementations must be thread-safe for concurrent reads and must not modify their arguments.
 *
 * @since 0.1.0
 */
public interface LanguageModel {

    /**
     * The width of every logits row.
     *
     * @return the vocabulary size, at least 1
     */
    int vocabularySize();

    /**
     * Logits of the next token after the prefix {@code tokens[0, length)}.
     *
     * @param tokens the token ids (only the first {@code length} are read; not modified)
     * @param length the prefix length, {@code 0 <= length <= tokens.length}
     * @return a new array of {@link #vocabularySize()} logits (finite or {@code -Infinity})
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code length} is out of range or an id is outside the
     *     vocabulary
     */
    double[] nextTokenLogits(int[] tokens, int length);

    /**
     * Logits of the next token after the whole {@code context}.
     *
     * @param context the token ids (not modified)
     * @return a new array of {@link #vocabularySize()} logits
     * @throws NullPointerException if {@code context} is null
     * @throws IllegalArgumentException if an id is outside the vocabulary
     */
    default double[] nextTokenLogits(int[] context) {
        Checks.notNull(context, "context");
        return nextTokenLogits(context, context.length);
    }

    /**
     * Opens a decoding session: a context that grows by {@link DecodingSession#append(int[])} and
     * yields the next-token logits after it.
     *
     * <p>The default remembers the tokens and calls {@link #nextTokenLogits(int[], int)} with the
     * whole prefix at every step. Models with a cache override it.
     *
     * @return a new, empty session for one thread
     */
    default DecodingSession newSession() {
        return new PrefixSession(this);
    }

    /**
     * The logits after every prefix of {@code tokens}: row {@code i} is the distribution of the token
     * that follows {@code tokens[0..i]}, as {@code float}s (the precision transformers compute in).
     *
     * <p>The default calls {@link #nextTokenLogits(int[], int)} once per row: O(n) calls; a
     * transformer overrides it with one batched pass.
     *
     * @param tokens the sequence, at least one token (not modified)
     * @return {@code tokens.length} rows of {@link #vocabularySize()} logits
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if {@code tokens} is empty or an id is outside the vocabulary
     */
    default float[][] forward(int[] tokens) {
        Checks.nonEmpty(tokens, "tokens");
        Checks.tokenIds(tokens, vocabularySize(), "tokens");
        float[][] rows = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            double[] logits = nextTokenLogits(tokens, i + 1);
            float[] row = new float[logits.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) logits[j];
            }
            rows[i] = row;
        }
        return rows;
    }

    /**
     * Per-token log-probabilities {@code log p(t_i | t_0..t_{i-1})} for {@code i = 1..n-1}.
     *
     * <p>The default implementation reads the positions through one {@link #newSession() session} (for
     * a stateless model, {@link #nextTokenLogits(int[], int)} once per position) and normalises each row
     * with {@link LogMath#logSumExp(double[])}: O(n · V) plus the model's cost per step.
     *
     * @param tokens the sequence, at least two tokens (not modified)
     * @return {@code n - 1} log-probabilities, each {@code <= 0}
     * @throws NullPointerException if {@code tokens} is null
     * @throws IllegalArgumentException if fewer than two tokens or an id is outside the vocabulary
     */
    default double[] tokenLogProbs(int[] tokens) {
        Checks.notNull(tokens, "tokens");
        if (tokens.length < 2) {
            throw Checks.fail("tokens.length", "be >= 2 (the first token is context only)", tokens.length);
        }
        Checks.tokenIds(tokens, vocabularySize(), "tokens");
        double[] out = new double[tokens.length - 1];
        try (DecodingSession session = newSession()) {
            int[] next = {tokens[0]};
            for (int i = 1; i < tokens.length; i++) {
                session.append(next);
                double[] logits = session.nextTokenLogits();
                out[i - 1] = logits[tokens[i]] - LogMath.logSumExp(logits);
                next[0] = tokens[i];
            }
        }
        return out;
    }
}
