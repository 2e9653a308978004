package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;

/**
 * How {@link Ddpm} builds and trains a noise predictor.
 *
 * <p>Defaults: the paper's linear schedule ({@code T = 1000}, {@code beta} from {@code 1e-4} to {@code 0.02};
 * Ho et al. 2020, section 4), a perceptron of 3 hidden SiLU layers of 64 units with a 32-wide sinusoidal
 * time embedding, 200 epochs of batch 64 with Adam ({@code lr = 1e-3}, Kingma &amp; Ba's betas) after a
 * linear learning-rate warm-up over 100 steps (the paper's code warms up over 5,000 of 800,000), an
 * exponential moving average of the weights with decay {@code 0.995} (the paper uses {@code 0.9999} over
 * 800k steps; a short run needs a shorter memory), condition dropout {@code 0.1} for classifier-free
 * guidance (Ho &amp; Salimans 2021), and no per-epoch sample distance.
 *
 * @param schedule         the forward process
 * @param hiddenUnits      width of each hidden layer, in {@code [1, 4096]}
 * @param hiddenLayers     number of hidden layers, in {@code [1, 16]}
 * @param timeEmbedding    width of the sinusoidal time embedding, even, in {@code [2, 1024]}
 * @param epochs           passes over the data, in {@code [1, 10000]}
 * @param batchSize        items per Adam step, in {@code [1, 65536]}
 * @param learningRate     Adam's step size, finite and {@code > 0}
 * @param warmupSteps      steps over which the step size grows linearly from {@code lr / warmupSteps} to {@code lr},
 *                         in {@code [0, 1000000]} (0 = none); also at the start of every fine-tuning
 * @param emaDecay         decay of the weight average used for sampling, in {@code [0, 1)}; 0 uses the raw weights
 * @param conditionDropout probability of training a labelled item as unconditional, in {@code [0, 1)}
 * @param monitorEvery     epochs between two sample-distance evaluations during training, {@code >= 0}; 0 = never
 * @param monitorSamples   samples drawn per evaluation, in {@code [2, 65536]}
 *
 * @since 0.1.0
 */
public record DdpmOptions(NoiseSchedule schedule, int hiddenUnits, int hiddenLayers, int timeEmbedding, int epochs,
                          int batchSize, double learningRate, int warmupSteps, double emaDecay, double conditionDropout,
                          int monitorEvery, int monitorSamples) {

    /** The most epochs one training or fine-tuning call may run (a bound on the work of one call). */
    public static final int MAX_EPOCHS = 10_000;

    /**
     * Validates the options.
     *
     * @param schedule         the forward process
     * @param hiddenUnits      width of each hidden layer, in {@code [1, 4096]}
     * @param hiddenLayers     number of hidden layers, in {@code [1, 16]}
     * @param timeEmbedding    width of the sinusoidal time embedding, even, in {@code [2, 1024]}
     * @param epochs           passes over the data, in {@code [1, 10000]}
     * @param batchSize        items per Adam step, in {@code [1, 65536]}
     * @param learningRate     Adam's step size, finite and {@code > 0}
     * @param warmupSteps      learning-rate warm-up steps, in {@code [0, 1000000]}
     * @param emaDecay         decay of the weight average used for sampling, in {@code [0, 1)}
     * @param conditionDropout probability of training a labelled item as unconditional, in {@code [0, 1)}
     * @param monitorEvery     epochs between two sample-distance evaluations, {@code >= 0}
     * @param monitorSamples   samples drawn per evaluation, in {@code [2, 65536]}
     * @throws NullPointerException     if {@code schedule} is null
     * @throws IllegalArgumentException if a number is out of range or NaN
     */
    public DdpmOptions {
        Checks.notNull(schedule, "schedule");
        Checks.inRange(hiddenUnits, 1, 4096, "hiddenUnits");
        Checks.inRange(hiddenLayers, 1, 16, "hiddenLayers");
        Checks.inRange(timeEmbedding, 2, 1024, "timeEmbedding");
        if (timeEmbedding % 2 != 0) {
            throw Checks.fail("timeEmbedding", "be even", timeEmbedding);
        }
        Checks.inRange(epochs, 1, MAX_EPOCHS, "epochs");
        Checks.inRange(batchSize, 1, 65536, "batchSize");
        Checks.finite(learningRate, "learningRate");
        Checks.positive(learningRate, "learningRate");
        Checks.inRange(warmupSteps, 0, 1_000_000, "warmupSteps");
        unitInterval(emaDecay, "emaDecay");
        unitInterval(conditionDropout, "conditionDropout");
        Checks.nonNegative(monitorEvery, "monitorEvery");
        Checks.inRange(monitorSamples, 2, 65536, "monitorSamples");
    }

    private static void unitInterval(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw Checks.fail(name, "be in [0, 1)", value);
        }
    }

    /**
     * The defaults described above.
     *
     * @return the options
     */
    public static DdpmOptions defaults() {
        return new DdpmOptions(NoiseSchedule.linear(1000, 1e-4, 0.02), 64, 3, 32, 200, 64, 1e-3, 100, 0.995, 0.1, 0, 256);
    }

    /**
     * A copy with another schedule.
     *
     * @param value the schedule
     * @return the new options
     */
    public DdpmOptions withSchedule(NoiseSchedule value) {
        return new DdpmOptions(value, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another hidden width.
     *
     * @param value the width
     * @return the new options
     */
    public DdpmOptions withHiddenUnits(int value) {
        return new DdpmOptions(schedule, value, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another depth.
     *
     * @param value the number of hidden layers
     * @return the new options
     */
    public DdpmOptions withHiddenLayers(int value) {
        return new DdpmOptions(schedule, hiddenUnits, value, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another time-embedding width.
     *
     * @param value the width
     * @return the new options
     */
    public DdpmOptions withTimeEmbedding(int value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, value, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param value the epochs
     * @return the new options
     */
    public DdpmOptions withEpochs(int value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, value, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another batch size.
     *
     * @param value the batch size
     * @return the new options
     */
    public DdpmOptions withBatchSize(int value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, value, learningRate,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another learning rate.
     *
     * @param value the learning rate
     * @return the new options
     */
    public DdpmOptions withLearningRate(double value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, value,
                warmupSteps, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another learning-rate warm-up.
     *
     * @param value the warm-up steps
     * @return the new options
     */
    public DdpmOptions withWarmupSteps(int value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                value, emaDecay, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another weight-average decay.
     *
     * @param value the decay
     * @return the new options
     */
    public DdpmOptions withEmaDecay(double value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, value, conditionDropout, monitorEvery, monitorSamples);
    }

    /**
     * A copy with another condition-dropout probability.
     *
     * @param value the probability
     * @return the new options
     */
    public DdpmOptions withConditionDropout(double value) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, value, monitorEvery, monitorSamples);
    }

    /**
     * A copy that evaluates the sample distance every {@code every} epochs with {@code samples} samples.
     *
     * @param every   epochs between evaluations, 0 = never
     * @param samples samples per evaluation
     * @return the new options
     */
    public DdpmOptions withMonitor(int every, int samples) {
        return new DdpmOptions(schedule, hiddenUnits, hiddenLayers, timeEmbedding, epochs, batchSize, learningRate,
                warmupSteps, emaDecay, conditionDropout, every, samples);
    }
}
