package io.github.genailab.watermark.internal;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.TokenRule;
import java.util.random.RandomGenerator;

/**
 * How every watermark family generates: {@link Decoder}'s loop (one decoding session, so a transformer reuses
 * its key/value cache) with the family's rule choosing each token, after the checks the families share (the
 * model's vocabulary is the watermark's; every row has a finite entry and no NaN).
 */
public final class Generation {

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
        return Decoder.generate(model, prompt, maxNewTokens, (tokens, length, logits, r) -> {
            Texts.checkRow(logits, vocabularySize);
            return rule.next(tokens, length, logits, r);
        }, rng);
    }
}
