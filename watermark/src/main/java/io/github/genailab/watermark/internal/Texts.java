package io.github.genailab.watermark.internal;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.WatermarkScheme;

/** Argument checks the watermark families share: texts, models, logits rows, temperatures. */
public final class Texts {

    private Texts() {
    }

    /**
     * Checks a watermark's vocabulary size: at least 2 ids, at most {@link WatermarkScheme#MAX_VOCABULARY_SIZE}.
     *
     * @param vocabularySize V
     * @return it
     */
    public static int checkVocabularySize(int vocabularySize) {
        if (vocabularySize < 2 || vocabularySize > WatermarkScheme.MAX_VOCABULARY_SIZE) {
            throw Checks.fail("vocabularySize", "be in [2, " + WatermarkScheme.MAX_VOCABULARY_SIZE + "]",
                    vocabularySize);
        }
        return vocabularySize;
    }

    /**
     * Checks a text to detect: not null, long enough, every id in the vocabulary.
     *
     * @param tokens the text
     * @param vocabularySize V
     * @param minimumTokens the detector's minimum length
     * @param watermark the family's name, for the message
     * @return {@code tokens}
     */
    public static int[] checkText(int[] tokens, int vocabularySize, int minimumTokens, String watermark) {
        Checks.notNull(tokens, "tokens");
        if (tokens.length < minimumTokens) {
            throw Checks.fail("tokens.length", "be >= " + minimumTokens + " (the fewest tokens the " + watermark
                    + " detector scores)", tokens.length);
        }
        return Checks.tokenIds(tokens, vocabularySize, "tokens");
    }

    /**
     * Checks that {@code model} is not null and has exactly {@code vocabularySize} logits.
     *
     * @param model the model
     * @param vocabularySize the watermark's V
     * @return {@code model}
     */
    public static LanguageModel checkModel(LanguageModel model, int vocabularySize) {
        Checks.notNull(model, "model");
        if (model.vocabularySize() != vocabularySize) {
            throw Checks.fail("model.vocabularySize()", "equal the watermark's vocabularySize " + vocabularySize,
                    model.vocabularySize());
        }
        return model;
    }

    /**
     * Checks a logits row from the model: width V, no NaN, one finite entry at least.
     *
     * @param logits the row
     * @param vocabularySize V
     */
    public static void checkRow(double[] logits, int vocabularySize) {
        if (logits.length != vocabularySize) {
            throw Checks.fail("model logits width", "equal vocabularySize " + vocabularySize, logits.length);
        }
        boolean finite = false;
        for (double x : logits) {
            if (Double.isNaN(x)) {
                throw Checks.fail("model logits", "not contain NaN", x);
            }
            finite |= x != Double.NEGATIVE_INFINITY && x != Double.POSITIVE_INFINITY;
        }
        if (!finite) {
            throw Checks.fail("model logits", "have a finite entry", "none");
        }
    }

    /**
     * Checks the arguments of {@code nextTokenDistribution} and returns a copy of the logits.
     *
     * @param tokens the text so far
     * @param length the position of the next token
     * @param logits the raw logits row
     * @param vocabularySize V
     * @return a copy of {@code logits}
     */
    public static double[] checkStep(int[] tokens, int length, double[] logits, int vocabularySize) {
        Checks.notNull(tokens, "tokens");
        Checks.notNull(logits, "logits");
        Checks.inRange(length, 0, tokens.length, "length");
        checkRow(logits, vocabularySize);
        for (int i = 0; i < length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabularySize) {
                throw Checks.fail("tokens[" + i + "]", "be a token id in [0, " + vocabularySize + ")", tokens[i]);
            }
        }
        return logits.clone();
    }

    /**
     * Checks a sampling temperature.
     *
     * @param temperature the value
     * @return it
     */
    public static double checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw Checks.fail("temperature", "be finite and > 0", temperature);
        }
        return temperature;
    }
}
