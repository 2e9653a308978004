package io.github.genailab.testkit;

import io.github.genailab.core.lm.LanguageModel;

/**
 * Small language models for tests that need a model but not a trained one: seeded by nothing, the same on
 * every machine, and cheap.
 */
public final class TestModels {

    private TestModels() {
    }

    /**
     * A bigram model whose logits vary smoothly with the previous token,
     * {@code logit(v | previous) = 2 sin(0.37 previous + 1.3 v)} (previous = 0 for an empty prefix): every
     * next-token distribution is different, none is degenerate, and all tokens have positive probability,
     * which is what a watermark family needs to generate and to be detected.
     *
     * @param vocabularySize the number of tokens, at least 1
     * @return the model
     * @throws IllegalArgumentException if {@code vocabularySize < 1}
     */
    public static LanguageModel sinusoidalBigram(int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabularySize must be >= 1, got " + vocabularySize);
        }
        return new LanguageModel() {
            @Override
            public int vocabularySize() {
                return vocabularySize;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                double[] logits = new double[vocabularySize];
                int previous = length == 0 ? 0 : tokens[length - 1];
                for (int v = 0; v < vocabularySize; v++) {
                    logits[v] = Math.sin(previous * 0.37 + v * 1.3) * 2;
                }
                return logits;
            }
        };
    }
}
