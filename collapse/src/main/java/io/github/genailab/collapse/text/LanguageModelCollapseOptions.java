package io.github.genailab.collapse.text;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.lm.NGramOptions;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Tokenizer;

/**
 * Settings of a {@link LanguageModelCollapse} experiment: the model, the size of each generation's
 * corpus, how text is generated, the data workflow, the number of generations and the judge.
 *
 * <p>The real training text is the first {@code B = floor(trainingTokens / blockLength)} blocks of
 * {@code blockLength} tokens of tiny Shakespeare's training split; every synthetic document is
 * {@code blockLength} new tokens generated after the first {@code promptLength} tokens of one real block
 * (Shumailov et al.: 64-token blocks, one generated block per training block).
 *
 * @param order the n-gram order of every generation's model, 1 to {@value NGramOptions#MAX_ORDER}
 * @param trainingTokens size of the real training text (rounded down to whole blocks), at least
 *     {@code 2 * blockLength}; at most the training split (checked when the experiment runs)
 * @param blockLength tokens per training block and per generated document, at least 2
 * @param promptLength real tokens each generated document is prompted with, 0 to {@code blockLength}
 * @param decoding how each generation writes its text (sampling, top-k/top-p, greedy, beam search)
 * @param workflow where each generation's training data comes from: {@link Workflow#replace()},
 *     {@link Workflow#accumulate()}, {@link Workflow#accumulateSubsample()} or
 *     {@link Workflow#keepOriginal(double)} (fresh real data does not exist beyond the corpus)
 * @param generations number of generations trained on generated text, 0 to {@value #MAX_GENERATIONS}
 * @param judge the fixed model that scores every generation's text, over the Shakespeare tokenizer's
 *     vocabulary unless {@code judgeTokenizer} is set; null for the generation-0 n-gram model (the paper's
 *     choice)
 * @param judgeTokenizer the judge's own tokenizer (generated text is re-encoded with it), or null when the
 *     judge reads the Shakespeare tokenizer's ids
 *
 * @since 0.1.0
 */
public record LanguageModelCollapseOptions(int order, int trainingTokens, int blockLength, int promptLength,
        DecodingOptions decoding, Workflow workflow, int generations, LanguageModel judge, Tokenizer judgeTokenizer) {

    /**
     * The largest number of generations: each takes seconds, so a larger value is a typing error, caught
     * before any per-generation array is allocated.
     */
    public static final int MAX_GENERATIONS = 100_000;

    /**
     * Validates the settings.
     *
     * @param order the n-gram order, 1 to 5
     * @param trainingTokens size of the real training text, at least {@code 2 * blockLength}
     * @param blockLength tokens per block, at least 2
     * @param promptLength prompt tokens, 0 to {@code blockLength}
     * @param decoding how text is generated
     * @param workflow the data workflow (not fresh data)
     * @param generations number of generations after the first, 0 to {@value #MAX_GENERATIONS}
     * @param judge the fixed scorer, or null for the generation-0 model
     * @param judgeTokenizer the judge's own tokenizer, or null when it reads the Shakespeare ids
     * @throws NullPointerException if {@code decoding} or {@code workflow} is null
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public LanguageModelCollapseOptions {
        Checks.inRange(order, 1, NGramOptions.MAX_ORDER, "order");
        if (blockLength < 2) {
            throw Checks.fail("blockLength", "be >= 2", blockLength);
        }
        if (!(trainingTokens >= 2L * blockLength)) {
            throw Checks.fail("trainingTokens", "be >= 2 * blockLength = " + 2L * blockLength, trainingTokens);
        }
        Checks.inRange(promptLength, 0, blockLength, "promptLength");
        Checks.notNull(decoding, "decoding");
        Checks.notNull(workflow, "workflow");
        if (workflow.kind() == Workflow.Kind.FRESH_DATA) {
            throw Checks.fail("workflow", "be replace, accumulate, accumulateSubsample or keepOriginal(fraction)",
                    workflow);
        }
        Checks.inRange(generations, 0, MAX_GENERATIONS, "generations");
        if (judge != null) {
            Checks.positive(judge.vocabularySize(), "judge.vocabularySize");
        }
        if (judgeTokenizer != null) {
            if (judge == null) {
                throw Checks.fail("judgeTokenizer", "come with a judge", "a tokenizer without a judge");
            }
            if (judgeTokenizer.vocabularySize() > judge.vocabularySize()) {
                throw Checks.fail("judgeTokenizer.vocabularySize", "be <= judge.vocabularySize " + judge.vocabularySize(),
                        judgeTokenizer.vocabularySize());
            }
        }
    }

    /**
     * Trigram models, 65,536 real training tokens in 1,024 blocks of 64, prompts of 8 real tokens,
     * multinomial sampling at temperature 1, replace, 10 generations, the generation-0 model as judge.
     *
     * @return the defaults
     */
    public static LanguageModelCollapseOptions defaults() {
        return new LanguageModelCollapseOptions(3, 65_536, 64, 8, DecodingOptions.defaults(), Workflow.replace(), 10,
                null, null);
    }

    /**
     * The number of real training blocks {@code B}: every generation's synthetic part has at most this
     * many documents.
     *
     * @return {@code floor(trainingTokens / blockLength)}
     */
    public int blocks() {
        return trainingTokens / blockLength;
    }

    /**
     * Sets the n-gram order.
     *
     * @param value 1 to 5
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range
     */
    public LanguageModelCollapseOptions withOrder(int value) {
        return new LanguageModelCollapseOptions(value, trainingTokens, blockLength, promptLength, decoding, workflow,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets the size of the real training text.
     *
     * @param value at least {@code 2 * blockLength}
     * @return a copy with the new value
     * @throws IllegalArgumentException if too small
     */
    public LanguageModelCollapseOptions withTrainingTokens(int value) {
        return new LanguageModelCollapseOptions(order, value, blockLength, promptLength, decoding, workflow,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets the block (and generated document) length.
     *
     * @param value at least 2, at most {@code trainingTokens / 2}, at least {@code promptLength}
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range
     */
    public LanguageModelCollapseOptions withBlockLength(int value) {
        return new LanguageModelCollapseOptions(order, trainingTokens, value, promptLength, decoding, workflow,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets the prompt length.
     *
     * @param value 0 to {@code blockLength}
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range
     */
    public LanguageModelCollapseOptions withPromptLength(int value) {
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, value, decoding, workflow,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets how each generation writes its text.
     *
     * @param value the decoding, e.g. {@code DecodingOptions.beamSearch(5)} as in the paper
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public LanguageModelCollapseOptions withDecoding(DecodingOptions value) {
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, value, workflow,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets the data workflow.
     *
     * @param value {@link Workflow#replace()}, {@link Workflow#accumulate()},
     *     {@link Workflow#accumulateSubsample()} or {@link Workflow#keepOriginal(double)}
     * @return a copy with the new value
     * @throws NullPointerException if null
     * @throws IllegalArgumentException for {@link Workflow#freshData(int)}
     */
    public LanguageModelCollapseOptions withWorkflow(Workflow value) {
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, decoding, value,
                generations, judge, judgeTokenizer);
    }

    /**
     * Sets the number of generations trained on generated text.
     *
     * @param value 0 to {@value #MAX_GENERATIONS}
     * @return a copy with the new value
     * @throws IllegalArgumentException if out of range
     */
    public LanguageModelCollapseOptions withGenerations(int value) {
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, decoding, workflow,
                value, judge, judgeTokenizer);
    }

    /**
     * Sets the fixed judge that scores every generation's text (a checkpoint over the Shakespeare
     * tokenizer's vocabulary, for instance).
     *
     * @param value the judge
     * @return a copy with the new value
     * @throws NullPointerException if null (use {@link #withGenerationZeroJudge()} for the default)
     */
    public LanguageModelCollapseOptions withJudge(LanguageModel value) {
        Checks.notNull(value, "judge");
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, decoding, workflow,
                generations, value, null);
    }

    /**
     * Sets a fixed judge with a tokenizer of its own, e.g. a pretrained checkpoint from the llm module:
     * every generated sequence is decoded to text with the Shakespeare tokenizer and re-encoded with
     * {@code tokenizer} before the judge scores it, so the per-sequence perplexities are per judge token.
     *
     * @param value the judge
     * @param tokenizer the judge's tokenizer, with no more ids than the judge's vocabulary
     * @return a copy with the new value
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the tokenizer has more ids than the judge's vocabulary
     */
    public LanguageModelCollapseOptions withJudge(LanguageModel value, Tokenizer tokenizer) {
        Checks.notNull(value, "judge");
        Checks.notNull(tokenizer, "judgeTokenizer");
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, decoding, workflow,
                generations, value, tokenizer);
    }

    /**
     * Makes the generation-0 n-gram model the judge (the default).
     *
     * @return a copy with {@code judge == null}
     */
    public LanguageModelCollapseOptions withGenerationZeroJudge() {
        return new LanguageModelCollapseOptions(order, trainingTokens, blockLength, promptLength, decoding, workflow,
                generations, null, null);
    }

    /**
     * One line, e.g. {@code LanguageModelCollapseOptions[order=3, tokens=65536 (1024 blocks of 64),
     * prompt=8, DecodingOptions[sampling, temperature=1.0], replace, generations=10, judge=generation 0]}.
     *
     * @return the settings
     */
    @Override
    public String toString() {
        return "LanguageModelCollapseOptions[order=" + order + ", tokens=" + blocks() * blockLength + " (" + blocks()
                + " blocks of " + blockLength + "), prompt=" + promptLength + ", " + decoding + ", " + workflow
                + ", generations=" + generations + ", judge=" + judgeName() + "]";
    }

    private String judgeName() {
        if (judge == null) {
            return "generation 0";
        }
        String name = judge.getClass().getSimpleName();
        return name.isEmpty() ? "a custom LanguageModel" : name;
    }
}
