package io.github.genailab.watermark.attack;

import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The emoji attack of Kirchenbauer et al. (ICML 2023, Sec. 7): the user asks the model to write an emoji
 * after every word and deletes the emojis afterwards. Every token the watermark chose was seeded by a context
 * that ends in an emoji, which the published text no longer contains, so a watermark keyed on the previous
 * tokens is lost, while a context-free one (Unigram) or one aligned to a key sequence (EXP-edit) is not.
 *
 * <pre>
 *   generate 2n tokens with the watermark through a model that must emit {@code emojiToken} at every second
 *   position (all other logits -inf there), then return the n non-emoji tokens
 * </pre>
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class EmojiAttack {

    private EmojiAttack() {
    }

    /**
     * Generates {@code maxNewTokens} tokens with an emoji forced after each one, then strips the emojis.
     *
     * @param watermark the watermark
     * @param model the model (V logits)
     * @param prompt the prompt (not modified)
     * @param maxNewTokens the number of tokens kept, {@code >= 0}
     * @param emojiToken the token forced at every second position, in {@code [0, V)}
     * @param rng the sampling generator
     * @return the {@code maxNewTokens} non-emoji tokens
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code emojiToken} is outside {@code [0, V)}, or as
     *     {@link Watermark#generate}
     */
    public static int[] generate(Watermark watermark, LanguageModel model, int[] prompt, int maxNewTokens,
            int emojiToken, RandomGenerator rng) {
        Checks.notNull(watermark, "watermark");
        Checks.notNull(model, "model");
        Checks.notNull(prompt, "prompt");
        Checks.nonNegative(maxNewTokens, "maxNewTokens");
        Checks.inRange(emojiToken, 0, model.vocabularySize() - 1, "emojiToken");
        if ((long) maxNewTokens * 2 > Integer.MAX_VALUE / 2) {
            throw Checks.fail("maxNewTokens", "be <= " + Integer.MAX_VALUE / 4, maxNewTokens);
        }
        int[] both = watermark.generate(new ForcedEveryOther(model, prompt.length, emojiToken), prompt,
                2 * maxNewTokens, rng);
        int[] out = new int[maxNewTokens];
        for (int i = 0; i < maxNewTokens; i++) {
            out[i] = both[2 * i];
        }
        return out;
    }

    /** A model that must emit one token at every second generated position. */
    private static final class ForcedEveryOther implements LanguageModel {
        private final LanguageModel model;
        private final int promptLength;
        private final int forced;

        ForcedEveryOther(LanguageModel model, int promptLength, int forced) {
            this.model = model;
            this.promptLength = promptLength;
            this.forced = forced;
        }

        @Override
        public int vocabularySize() {
            return model.vocabularySize();
        }

        @Override
        public double[] nextTokenLogits(int[] tokens, int length) {
            return forcedAt(length) ? onlyForced() : model.nextTokenLogits(tokens, length);
        }

        private boolean forcedAt(int length) {
            return length >= promptLength && (length - promptLength) % 2 == 1;
        }

        private double[] onlyForced() {
            double[] row = new double[model.vocabularySize()];
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
            row[forced] = 0;
            return row;
        }

        @Override
        public DecodingSession newSession() {
            DecodingSession inner = model.newSession();
            return new DecodingSession() {
                @Override
                public int length() {
                    return inner.length();
                }

                @Override
                public void append(int[] tokens) {
                    inner.append(tokens);
                }

                @Override
                public double[] nextTokenLogits() {
                    return forcedAt(inner.length()) ? onlyForced() : inner.nextTokenLogits();
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}
