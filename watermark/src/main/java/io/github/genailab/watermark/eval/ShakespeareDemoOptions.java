package io.github.genailab.watermark.eval;

import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Checks;

/**
 * Options of the {@link ShakespeareDemo}: how many texts, how long, and how the model is trained and sampled.
 *
 * @param texts how many prompts to continue (watermarked and unwatermarked), {@code >= 1}
 * @param tokensPerText the length T of every human and generated text, {@code >= 2}
 * @param promptTokens the prompt length taken from held-out text, {@code >= 1}
 * @param ngramOrder the order of the Kneser–Ney model, 1 to 5
 * @param heldOutFraction the fraction of passages (the corpus tail) held out of training, in (0, 1)
 * @param decoding how tokens are sampled
 *
 * @since 0.1.0
 */
public record ShakespeareDemoOptions(int texts, int tokensPerText, int promptTokens, int ngramOrder, double heldOutFraction,
        DecodingOptions decoding) {

    /**
     * Validates the options.
     *
     * @param texts how many prompts to continue (watermarked and unwatermarked), {@code >= 1}
     * @param tokensPerText the length T of every human and generated text, {@code >= 2}
     * @param promptTokens the prompt length taken from held-out text, {@code >= 1}
     * @param ngramOrder the order of the Kneser–Ney model, 1 to 5
     * @param heldOutFraction the fraction of passages (the corpus tail) held out of training, in (0, 1)
     * @param decoding how tokens are sampled
     * @throws NullPointerException if {@code decoding} is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public ShakespeareDemoOptions {
        Checks.positive(texts, "texts");
        Checks.inRange(tokensPerText, 2, Integer.MAX_VALUE, "tokensPerText");
        Checks.positive(promptTokens, "promptTokens");
        Checks.inRange(ngramOrder, 1, 5, "ngramOrder");
        Checks.inOpenInterval(heldOutFraction, 0, 1, "heldOutFraction");
        Checks.notNull(decoding, "decoding");
    }

    /**
     * 20 texts of 200 tokens after 16-token prompts, a trigram model on 90% of the passages, multinomial sampling
     * at temperature 1.
     *
     * @return the default options
     */
    public static ShakespeareDemoOptions defaults() {
        return new ShakespeareDemoOptions(20, 200, 16, 3, 0.1, DecodingOptions.defaults());
    }

    /**
     * Returns these options with another number of texts.
     *
     * @param n the number of prompts, {@code >= 1}
     * @return new options
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public ShakespeareDemoOptions withTexts(int n) {
        return new ShakespeareDemoOptions(n, tokensPerText, promptTokens, ngramOrder, heldOutFraction, decoding);
    }

    /**
     * Returns these options with another text length.
     *
     * @param n the tokens per text, {@code >= 2}
     * @return new options
     * @throws IllegalArgumentException if {@code n < 2}
     */
    public ShakespeareDemoOptions withTokensPerText(int n) {
        return new ShakespeareDemoOptions(texts, n, promptTokens, ngramOrder, heldOutFraction, decoding);
    }

    /**
     * Returns these options with another model order.
     *
     * @param order 1 to 5
     * @return new options
     * @throws IllegalArgumentException if {@code order} is outside [1, 5]
     */
    public ShakespeareDemoOptions withNgramOrder(int order) {
        return new ShakespeareDemoOptions(texts, tokensPerText, promptTokens, order, heldOutFraction, decoding);
    }

    /**
     * Returns these options with other decoding options (e.g. {@code DecodingOptions.sampling(0.7)}, the paper's).
     *
     * @param options the decoding options
     * @return new options
     * @throws NullPointerException if {@code options} is null
     */
    public ShakespeareDemoOptions withDecoding(DecodingOptions options) {
        return new ShakespeareDemoOptions(texts, tokensPerText, promptTokens, ngramOrder, heldOutFraction, options);
    }
}
