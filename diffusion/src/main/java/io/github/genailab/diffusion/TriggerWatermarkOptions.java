package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;

/**
 * How {@link TriggerWatermark} embeds, verifies and stress-tests a trigger watermark.
 *
 * <p>Defaults: trigger rows make 20% of the fine-tuning set, 40 epochs of embedding, then up to 40
 * epochs of clean fine-tuning checked every 10; 200 samples per queried class; the watermark counts as
 * present when the trigger's samples are at most a quarter as far (energy distance) from the pattern as
 * the closest ordinary class's samples; ancestral sampling.
 *
 * @param triggerFraction  share of trigger rows in the embedding set, in {@code (0, 1)}
 * @param embedEpochs      epochs of fine-tuning that embed the watermark, in {@code [1, 10000]}
 * @param cleanEpochs      epochs of clean fine-tuning after embedding, in {@code [0, 10000]}
 * @param checkEvery       epochs of clean fine-tuning between two verifications, in {@code [1, 10000]}
 * @param samples          samples drawn per queried class, in {@code [2, 65536]}
 * @param maxDistanceRatio the largest trigger-to-ordinary distance ratio that still verifies, in {@code (0, 1]}
 * @param sampling         how the queries sample
 *
 * @since 0.1.0
 */
public record TriggerWatermarkOptions(double triggerFraction, int embedEpochs, int cleanEpochs, int checkEvery,
                                      int samples, double maxDistanceRatio, SamplingOptions sampling) {

    /**
     * Validates the options.
     *
     * @param triggerFraction  share of trigger rows, in {@code (0, 1)}
     * @param embedEpochs      embedding epochs, in {@code [1, 10000]}
     * @param cleanEpochs      clean fine-tuning epochs, in {@code [0, 10000]}
     * @param checkEvery       epochs between verifications, in {@code [1, 10000]}
     * @param samples          samples per queried class, in {@code [2, 65536]}
     * @param maxDistanceRatio verification threshold, in {@code (0, 1]}
     * @param sampling         the sampler
     * @throws NullPointerException     if {@code sampling} is null
     * @throws IllegalArgumentException if a number is out of range or NaN
     */
    public TriggerWatermarkOptions {
        Checks.inOpenInterval(triggerFraction, 0, 1, "triggerFraction");
        Checks.inRange(embedEpochs, 1, DdpmOptions.MAX_EPOCHS, "embedEpochs");
        Checks.inRange(cleanEpochs, 0, DdpmOptions.MAX_EPOCHS, "cleanEpochs");
        Checks.inRange(checkEvery, 1, DdpmOptions.MAX_EPOCHS, "checkEvery");
        Checks.inRange(samples, 2, 65536, "samples");
        Checks.inLeftOpenInterval(maxDistanceRatio, 0, 1, "maxDistanceRatio");
        Checks.notNull(sampling, "sampling");
    }

    /**
     * The defaults described above.
     *
     * @return the options
     */
    public static TriggerWatermarkOptions defaults() {
        return new TriggerWatermarkOptions(0.2, 40, 40, 10, 200, 0.25, SamplingOptions.defaults());
    }

    /**
     * A copy with other epoch counts.
     *
     * @param embed epochs of embedding
     * @param clean epochs of clean fine-tuning
     * @param every epochs between verifications during clean fine-tuning
     * @return the new options
     */
    public TriggerWatermarkOptions withEpochs(int embed, int clean, int every) {
        return new TriggerWatermarkOptions(triggerFraction, embed, clean, every, samples, maxDistanceRatio, sampling);
    }

    /**
     * A copy with another trigger share.
     *
     * @param value the share
     * @return the new options
     */
    public TriggerWatermarkOptions withTriggerFraction(double value) {
        return new TriggerWatermarkOptions(value, embedEpochs, cleanEpochs, checkEvery, samples, maxDistanceRatio,
                sampling);
    }

    /**
     * A copy with another number of samples per query.
     *
     * @param value samples per queried class
     * @return the new options
     */
    public TriggerWatermarkOptions withSamples(int value) {
        return new TriggerWatermarkOptions(triggerFraction, embedEpochs, cleanEpochs, checkEvery, value,
                maxDistanceRatio, sampling);
    }

    /**
     * A copy with another sampler.
     *
     * @param value the sampler
     * @return the new options
     */
    public TriggerWatermarkOptions withSampling(SamplingOptions value) {
        return new TriggerWatermarkOptions(triggerFraction, embedEpochs, cleanEpochs, checkEvery, samples,
                maxDistanceRatio, value);
    }
}
