package io.github.genailab.watermark.internal;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The autoregressive loop every watermark family generates with: a decoding session (so a transformer
 * reuses its key/value cache) and a per-call rule that turns the raw logits row into the next token —
 * a reweighting followed by sampling, or a keyed choice that replaces sampling.
 */
public final class Generation {

    /**
     * Chooses the next token. One rule serves one generation call, so it may keep state across steps (a
     * context history, a key offset).
     */
    @FunctionalInterface
    public interface TokenRule {

        /**
         * Chooses the token at position {@code length}.
         *
         * @param tokens the prompt and the tokens generated so far ({@code tokens[0, length)} are meaningful)
         * @param length the position of the token to choose
         * @param logits the model's raw logits for that position, width V; the rule may edit it
         * @param rng the caller's generator
         * @return the chosen token id, in {@code [0, V)}
         */
        int next(int[] tokens, int length, double[] logits, RandomGenerator rng);
    }

    private Generation() {
    }

    /**
     * Generates {@code maxNewTokens} tokens after {@code prompt} with {@code rule}.
     *
     * @param model the model, whose vocabulary must be {@code vocabularySize}
     * @param vocabularySize the watermark's V
     * @param prompt the prompt (not modified)
     * @param maxNewTokens the number of new tokens, {@code >= 0}
     * @param rng the caller's generator
     * @param rule the per-call rule
     * @return the new tokens only
     */
    public static int[] run(LanguageModel model, int vocabularySize, int[] prompt, int maxNewTokens,
            RandomGenerator rng, TokenRule rule) {
        Texts.checkModel(model, vocabularySize);
        Checks.notNull(prompt, "prompt");
        Checks.nonNegative(maxNewTokens, "maxNewTokens");
        Checks.notNull(rng, "rng");
        if ((long) prompt.length + maxNewTokens > Decoder.MAX_SEQUENCE_LENGTH) {
            throw Checks.fail("prompt.length + maxNewTokens", "be <= " + Decoder.MAX_SEQUENCE_LENGTH,
                    (long) prompt.length + maxNewTokens);
        }
        Checks.tokenIds(prompt, vocabularySize, "prompt");
        int[] tokens = Arrays.copyOf(prompt, prompt.length + maxNewTokens);
        try (DecodingSession session = model.newSession()) {
            session.append(prompt);
            int[] chosen = new int[1];
            for (int pos = prompt.length; pos < tokens.length; pos++) {
                if (pos > prompt.length) {
                    chosen[0] = tokens[pos - 1];
                    session.append(chosen);
                }
                double[] logits = session.nextTokenLogits();
                Texts.checkRow(logits, vocabularySize);
                int token = rule.next(tokens, pos, logits, rng);
                if (token < 0 || token >= vocabularySize) {
                    throw new IllegalStateException("watermark chose token " + token + " outside [0, "
                            + vocabularySize + ")");
                }
                tokens[pos] = token;
            }
        }
        return Arrays.copyOfRange(tokens, prompt.length, tokens.length);
    }
}
