package io.github.genailab.watermark.eval;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Tokenizer;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.List;

/**
 * The texts of a human-versus-watermarked demonstration: held-out human continuations, and continuations of the
 * same prompts generated with and without the watermark. Feed them to {@link DetectionExperiment} or
 * {@link AttackSweep}; decode any of them with {@link #tokenizer()}.
 *
 * @param scheme the watermarking scheme used for generation
 * @param options the options the data was prepared with
 * @param tokenizer the tokenizer of every text
 * @param model the language model that generated the continuations
 * @param trainingTokens the number of tokens the model was trained on
 * @param prompts the prompts (from held-out text), one per generated text
 * @param human every held-out human continuation of {@code tokensPerText} tokens (more than {@code prompts})
 * @param watermarked watermarked continuations, one per prompt
 * @param unwatermarked plain continuations of the same prompts (same seed, no watermark)
 *
 * @since 0.1.0
 */
public record ShakespeareDemoResult(WatermarkScheme scheme, ShakespeareDemoOptions options, Tokenizer tokenizer, LanguageModel model,
        long trainingTokens, List<int[]> prompts, List<int[]> human, List<int[]> watermarked,
        List<int[]> unwatermarked) {

    /**
     * Copies the lists (and their arrays) in.
     *
     * @param scheme the watermarking scheme used for generation
     * @param options the options the data was prepared with
     * @param tokenizer the tokenizer of every text
     * @param model the language model that generated the continuations
     * @param trainingTokens the number of tokens the model was trained on
     * @param prompts the prompts (from held-out text), one per generated text
     * @param human every held-out human continuation of {@code tokensPerText} tokens (more than {@code prompts})
     * @param watermarked watermarked continuations, one per prompt
     * @param unwatermarked plain continuations of the same prompts (same seed, no watermark)
     * @throws NullPointerException if a component is null
     */
    public ShakespeareDemoResult {
        Checks.notNull(scheme, "scheme");
        Checks.notNull(options, "options");
        Checks.notNull(tokenizer, "tokenizer");
        Checks.notNull(model, "model");
        prompts = copy(prompts, "prompts");
        human = copy(human, "human");
        watermarked = copy(watermarked, "watermarked");
        unwatermarked = copy(unwatermarked, "unwatermarked");
    }

    private static List<int[]> copy(List<int[]> texts, String name) {
        return Checks.noNullElements(texts, name).stream().map(int[]::clone).toList();
    }

    /**
     * Returns copies of the prompts.
     *
     * @return a fresh list of fresh arrays
     */
    @Override
    public List<int[]> prompts() {
        return copy(prompts, "prompts");
    }

    /**
     * Returns copies of the human continuations.
     *
     * @return a fresh list of fresh arrays
     */
    @Override
    public List<int[]> human() {
        return copy(human, "human");
    }

    /**
     * Returns copies of the watermarked continuations.
     *
     * @return a fresh list of fresh arrays
     */
    @Override
    public List<int[]> watermarked() {
        return copy(watermarked, "watermarked");
    }

    /**
     * Returns copies of the unwatermarked continuations.
     *
     * @return a fresh list of fresh arrays
     */
    @Override
    public List<int[]> unwatermarked() {
        return copy(unwatermarked, "unwatermarked");
    }

    /**
     * One line: the scheme, the numbers of texts and the model.
     *
     * @return e.g. {@code "ShakespeareDemoResult[lefthash, 20 prompts, 158 human + 20 watermarked + 20 unwatermarked texts of 200
     *     tokens, order-3 model on 296683 tokens]"}
     */
    @Override
    public String toString() {
        return "ShakespeareDemoResult[" + scheme.name() + ", " + prompts.size() + " prompts, " + human.size() + " human + "
                + watermarked.size() + " watermarked + " + unwatermarked.size() + " unwatermarked texts of "
                + options.tokensPerText() + " tokens, order-" + options.ngramOrder() + " model on " + trainingTokens
                + " tokens]";
    }
}
