package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.contrastive.ZeroShotClassifier;
import io.github.genailab.core.math.Checks;
import java.util.List;

/**
 * Hyper-parameters of the tiny CLIP: sizes, schedule and the caption and prompt templates.
 *
 * @param embeddingDimension D, the shared embedding size (at least 1)
 * @param hiddenUnits        width of each tower's hidden layer (at least 1)
 * @param epochs             passes over the training images (at least 1)
 * @param batchSize          image/caption pairs per step, at least 2 (the loss needs negatives); the
 *                           last, smaller batch of an epoch is used if it has at least 2 pairs
 * @param learningRate       Adam's step size, finite and {@code > 0}
 * @param testFraction       share of the digits held out for zero-shot evaluation, in {@code (0, 1)}
 * @param initialLogitScale  {@code s} at the start, in {@code [1, 100]} (CLIP: {@code 1/0.07}); the
 *                           learnable {@code theta = ln s} is clamped to {@code [0, ln 100]} after
 *                           every step
 * @param captionTemplates   training caption templates, each with {@code {}} for the digit's name
 *                           (written as a word or as a numeral, at random)
 * @param promptTemplates    zero-shot templates; the first alone is the single-prompt classifier,
 *                           all of them the ensemble
 *
 * @since 0.1.0
 */
public record TinyClipOptions(int embeddingDimension, int hiddenUnits, int epochs, int batchSize,
                              double learningRate, double testFraction, double initialLogitScale,
                              List<String> captionTemplates, List<String> promptTemplates) {

    /** Default training captions. */
    public static final List<String> CAPTION_TEMPLATES = List.of(
            "a photo of the number {}.",
            "a handwritten {}.",
            "a scan of a handwritten digit {}.",
            "the digit {} written by hand.",
            "a small grey image of a {}.",
            "an 8x8 picture of the number {}.");

    /**
     * Default zero-shot prompts: two training templates and three with words never seen in training
     * (they map to {@code <unk>}), as a real prompt set would.
     */
    public static final List<String> PROMPT_TEMPLATES = List.of(
            "a photo of the number {}.",
            "a handwritten {}.",
            "a drawing of the digit {}.",
            "a blurry photo of a {}.",
            "{}");

    /**
     * Validates the options and copies the template lists.
     *
     * @param embeddingDimension D, the shared embedding size (at least 1)
     * @param hiddenUnits width of each tower's hidden layer (at least 1)
     * @param epochs passes over the training images (at least 1)
     * @param batchSize image/caption pairs per step, at least 2 (the loss needs negatives); the last, smaller batch of an epoch is used if it has at least 2 pairs
     * @param learningRate Adam's step size, finite and {@code > 0}
     * @param testFraction share of the digits held out for zero-shot evaluation, in {@code (0, 1)}
     * @param initialLogitScale {@code s} at the start, in {@code [1, 100]} (CLIP: {@code 1/0.07}); the learnable {@code theta = ln s} is clamped to {@code [0, ln 100]} after every step
     * @param captionTemplates training caption templates, each with {@code {}} for the digit's name (written as a word or as a numeral, at random)
     * @param promptTemplates zero-shot templates; the first alone is the single-prompt classifier, all of them the ensemble
     * @throws NullPointerException     if a list or a template is null
     * @throws IllegalArgumentException if a size is not positive, {@code batchSize < 2}, the learning
     *                                  rate is not finite and positive, {@code testFraction} is outside
     *                                  {@code (0, 1)}, the initial scale is outside {@code [1, 100]}, a
     *                                  list is empty or a template lacks {@code {}}
     */
    public TinyClipOptions {
        Checks.positive(embeddingDimension, "embeddingDimension");
        Checks.positive(hiddenUnits, "hiddenUnits");
        Checks.positive(epochs, "epochs");
        if (batchSize < 2) {
            throw Checks.fail("batchSize", "be >= 2", batchSize);
        }
        Checks.positive(learningRate, "learningRate");
        Checks.inOpenInterval(testFraction, 0, 1, "testFraction");
        Checks.inClosedInterval(initialLogitScale, 1, 100, "initialLogitScale");
        captionTemplates = templates(captionTemplates, "captionTemplates");
        promptTemplates = templates(promptTemplates, "promptTemplates");
    }

    private static List<String> templates(List<String> templates, String name) {
        Checks.notNull(templates, name);
        if (templates.isEmpty()) {
            throw Checks.fail(name, "not be empty", "0 templates");
        }
        for (int t = 0; t < templates.size(); t++) {
            String template = Checks.notNull(templates.get(t), name + "[" + t + "]");
            if (!template.contains(ZeroShotClassifier.PLACEHOLDER)) {
                throw Checks.fail(name + "[" + t + "]", "contain {}", '"' + template + '"');
            }
        }
        return List.copyOf(templates);
    }

    /**
     * Defaults that train in a few seconds on 2 cores: D = 32, 64 hidden units, 30 epochs of batch
     * 128, learning rate 3e-3, 20% held out, {@code s = 1/0.07}, the default templates.
     *
     * @return the defaults
     */
    public static TinyClipOptions defaults() {
        return new TinyClipOptions(32, 64, 30, 128, 3e-3, 0.2, 1 / 0.07, CAPTION_TEMPLATES, PROMPT_TEMPLATES);
    }

    /**
     * The same options with another embedding size.
     *
     * @param dimension D, at least 1
     * @return new options
     * @throws IllegalArgumentException if not positive
     */
    public TinyClipOptions withEmbeddingDimension(int dimension) {
        return new TinyClipOptions(dimension, hiddenUnits, epochs, batchSize, learningRate, testFraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another hidden width.
     *
     * @param units at least 1
     * @return new options
     * @throws IllegalArgumentException if not positive
     */
    public TinyClipOptions withHiddenUnits(int units) {
        return new TinyClipOptions(embeddingDimension, units, epochs, batchSize, learningRate, testFraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another number of epochs.
     *
     * @param count at least 1
     * @return new options
     * @throws IllegalArgumentException if not positive
     */
    public TinyClipOptions withEpochs(int count) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, count, batchSize, learningRate, testFraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another batch size.
     *
     * @param size at least 2
     * @return new options
     * @throws IllegalArgumentException if below 2
     */
    public TinyClipOptions withBatchSize(int size) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, size, learningRate, testFraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another learning rate.
     *
     * @param rate finite and {@code > 0}
     * @return new options
     * @throws IllegalArgumentException if not finite and positive
     */
    public TinyClipOptions withLearningRate(double rate) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, batchSize, rate, testFraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another held-out share.
     *
     * @param fraction in {@code (0, 1)}
     * @return new options
     * @throws IllegalArgumentException if outside {@code (0, 1)}
     */
    public TinyClipOptions withTestFraction(double fraction) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, batchSize, learningRate, fraction,
                initialLogitScale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with another initial logit scale.
     *
     * @param scale {@code s} in {@code [1, 100]}
     * @return new options
     * @throws IllegalArgumentException if outside {@code [1, 100]}
     */
    public TinyClipOptions withInitialLogitScale(double scale) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, batchSize, learningRate, testFraction,
                scale, captionTemplates, promptTemplates);
    }

    /**
     * The same options with other training captions.
     *
     * @param templates non-empty, each containing {@code {}}
     * @return new options
     * @throws NullPointerException     if the list or a template is null
     * @throws IllegalArgumentException if empty or a template lacks {@code {}}
     */
    public TinyClipOptions withCaptionTemplates(List<String> templates) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, batchSize, learningRate, testFraction,
                initialLogitScale, templates, promptTemplates);
    }

    /**
     * The same options with other zero-shot prompts.
     *
     * @param templates non-empty, each containing {@code {}}; the first is the single-prompt baseline
     * @return new options
     * @throws NullPointerException     if the list or a template is null
     * @throws IllegalArgumentException if empty or a template lacks {@code {}}
     */
    public TinyClipOptions withPromptTemplates(List<String> templates) {
        return new TinyClipOptions(embeddingDimension, hiddenUnits, epochs, batchSize, learningRate, testFraction,
                initialLogitScale, captionTemplates, templates);
    }
}
