package io.github.genailab.core.lm;

import java.util.random.RandomGenerator;

/**
 * Chooses the next token from the model's raw logits row: what {@link Decoder#generate(LanguageModel, int[], int,
 * TokenRule, RandomGenerator)} calls at every step. Sampling with processors is one rule; a watermark that
 * replaces sampling by a keyed choice (Aaronson's Gumbel-max, Kuditipudi et al.'s key sequence) is another.
 * A rule serves one generation call, so it may keep state across its steps (a context history, a key offset).
 *
 * @since 0.1.0
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
