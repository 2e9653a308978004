package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import io.github.genailab.diffusion.eval.SampleDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trigger watermark in a class-conditional diffusion model: the model owner fine-tunes the model so
 * that a reserved condition, the trigger, produces a chosen watermark pattern (a shape or an image),
 * while every ordinary condition keeps its distribution; anyone holding the trigger verifies ownership
 * by querying it.
 *
 * <p>After Y. Liu, Z. Li, M. Backes, Y. Shen, Y. Zhang, "Watermarking Diffusion Model",
 * arXiv:2305.12502, 2023 (WDM), which trains the model on a second, "watermark diffusion process"
 * that maps a trigger to the watermark image next to the ordinary one. Here the trigger is the model's
 * last class label, {@code classes() - 1}, never used by the ordinary data (the simplest trigger a
 * conditional model has; WDM stamps a trigger pattern on the input noise instead).
 *
 * <ul>
 *   <li>{@link #embed}: append {@code m = max(1, round(f / (1 - f) n))} rows drawn uniformly from the
 *       pattern, labelled with the trigger, to the {@code n} clean rows, and fine-tune for
 *       {@code embedEpochs} epochs; trigger rows are never dropped to "no condition", so unconditional
 *       and ordinary samples do not learn the pattern.</li>
 *   <li>{@link #verify}: sample {@code samples} points for the trigger and for each ordinary class;
 *       {@code ratio = E(trigger samples, pattern) / E(ordinary samples pooled, pattern)} (energy
 *       distance): how much closer to the pattern the trigger brings the model than its ordinary
 *       output; the watermark is present when {@code ratio <= maxDistanceRatio}. (An unused trigger
 *       slot gives samples like the pooled ordinary ones, a ratio near 1.)</li>
 *   <li>{@link #study}: verify before and after embedding, measure each ordinary class's distance to its
 *       own training rows before and after (the watermark's cost), then fine-tune on the clean data alone
 *       and verify every {@code checkEvery} epochs up to {@code cleanEpochs} (its robustness).</li>
 * </ul>
 *
 * <p>Determinism: the generator drives the pattern draws, the fine-tuning and the queries in that order.
 *
 * @since 0.1.0
 */
public final class TriggerWatermark {

    private TriggerWatermark() {
    }

    /**
     * Embeds the watermark by fine-tuning; the given model is not changed.
     *
     * @param model   a conditional model with at least 2 classes; the last is the trigger
     * @param data    the clean rows, of the model's width, finite
     * @param labels  their classes, in {@code [0, classes() - 1)} (never the trigger)
     * @param pattern the watermark: rows of the model's width, finite (one row for an image)
     * @param options the embedding's settings
     * @param rng     the only source of randomness
     * @return the watermarked model
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if the model is not conditional, or the data, labels or pattern do not fit it
     */
    public static DiffusionModel embed(DiffusionModel model, double[][] data, int[] labels, double[][] pattern,
                                       TriggerWatermarkOptions options, RandomGenerator rng) {
        int trigger = checkSetting(model, data, labels, pattern, options, rng);
        int n = data.length;
        int m = (int) Math.max(1, Math.round(options.triggerFraction() / (1 - options.triggerFraction()) * n));
        double[][] rows = new double[n + m][];
        int[] classes = new int[n + m];
        System.arraycopy(data, 0, rows, 0, n);
        System.arraycopy(labels, 0, classes, 0, n);
        for (int i = 0; i < m; i++) {
            rows[n + i] = pattern[rng.nextInt(pattern.length)];
            classes[n + i] = trigger;
        }
        return Ddpm.fineTune(model, rows, classes, options.embedEpochs(), trigger, rng).model();
    }

    /**
     * Queries the trigger and the ordinary classes.
     *
     * @param model   a conditional model with at least 2 classes; the last is the trigger
     * @param pattern the watermark, rows of the model's width, finite
     * @param options the number of samples, the sampler and the threshold
     * @param rng     the only source of randomness
     * @return the distances and the verdict
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if the model is not conditional or the pattern does not fit it
     */
    public static WatermarkVerification verify(DiffusionModel model, double[][] pattern, TriggerWatermarkOptions options,
                                               RandomGenerator rng) {
        checkModel(model);
        checkRows(pattern, model, "pattern");
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        return query(model, pattern, options, rng).verification;
    }

    /**
     * The whole trade-off: verification and ordinary-class fidelity before and after embedding, then
     * during clean fine-tuning.
     *
     * @param model   a conditional model trained on the clean data, with a spare last class as trigger
     * @param data    the clean rows, of the model's width, finite
     * @param labels  their classes, in {@code [0, classes() - 1)}; every ordinary class at least once
     * @param pattern the watermark, rows of the model's width, finite
     * @param options the settings
     * @param rng     the only source of randomness
     * @return the report
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if the model is not conditional, or the data, labels or pattern do not fit it
     */
    public static TriggerWatermarkResult study(DiffusionModel model, double[][] data, int[] labels, double[][] pattern,
                                               TriggerWatermarkOptions options, RandomGenerator rng) {
        int trigger = checkSetting(model, data, labels, pattern, options, rng);
        double[][][] byClass = new double[trigger][][];
        for (int c = 0; c < trigger; c++) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(data[i]);
                }
            }
            if (rows.isEmpty()) {
                throw Checks.fail("labels", "contain every ordinary class in [0, " + trigger + ")", "no row of class " + c);
            }
            byClass[c] = rows.toArray(new double[0][]);
        }
        Query before = query(model, pattern, options, rng);
        DiffusionModel marked = embed(model, data, labels, pattern, options, rng);
        Query after = query(marked, pattern, options, rng);
        List<Integer> epochs = new ArrayList<>();
        List<WatermarkVerification> survival = new ArrayList<>();
        List<Double> fidelity = new ArrayList<>();
        DiffusionModel current = marked;
        for (int done = 0; done < options.cleanEpochs(); ) {
            int run = Math.min(options.checkEvery(), options.cleanEpochs() - done);
            current = Ddpm.fineTune(current, data, labels, run, rng).model();
            done += run;
            Query q = query(current, pattern, options, rng);
            epochs.add(done);
            survival.add(q.verification);
            fidelity.add(q.fidelity(byClass));
        }
        return new TriggerWatermarkResult(before.verification, after.verification, before.fidelity(byClass),
                after.fidelity(byClass), epochs.stream().mapToInt(Integer::intValue).toArray(), survival,
                fidelity.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The samples of one query: per ordinary class, then the verdict. */
    private record Query(double[][][] ordinary, WatermarkVerification verification) {

        double fidelity(double[][][] byClass) {
            double sum = 0;
            for (int c = 0; c < byClass.length; c++) {
                sum += SampleDistance.energy(ordinary[c], byClass[c]);
            }
            return sum / byClass.length;
        }
    }

    private static Query query(DiffusionModel model, double[][] pattern, TriggerWatermarkOptions options,
                               RandomGenerator rng) {
        int classes = model.classes();
        int s = options.samples();
        int[] labels = new int[classes * s];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / s;
        }
        double[][] samples = model.sample(labels, options.sampling(), rng);
        double[][][] byClass = new double[classes][s][];
        for (int i = 0; i < samples.length; i++) {
            byClass[i / s][i % s] = samples[i];
        }
        double ordinary = SampleDistance.energy(java.util.Arrays.copyOf(samples, (classes - 1) * s), pattern);
        double trigger = SampleDistance.energy(byClass[classes - 1], pattern);
        double[][][] ordinarySamples = new double[classes - 1][][];
        System.arraycopy(byClass, 0, ordinarySamples, 0, classes - 1);
        return new Query(ordinarySamples, new WatermarkVerification(trigger, Math.max(ordinary, Double.MIN_NORMAL),
                options.maxDistanceRatio()));
    }

    private static int checkSetting(DiffusionModel model, double[][] data, int[] labels, double[][] pattern,
                                    TriggerWatermarkOptions options, RandomGenerator rng) {
        int trigger = checkModel(model);
        checkRows(data, model, "data");
        checkRows(pattern, model, "pattern");
        Checks.notNull(labels, "labels");
        Checks.sameLength(labels.length, data.length, "labels", "data");
        for (int i = 0; i < labels.length; i++) {
            Checks.inRange(labels[i], 0, trigger - 1, "labels[" + i + "]");
        }
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        return trigger;
    }

    private static int checkModel(DiffusionModel model) {
        Checks.notNull(model, "model");
        if (model.classes() < 2) {
            throw Checks.fail("model", "be conditional with an ordinary class and a trigger class (classes >= 2)",
                    model.classes() + " classes");
        }
        return model.classes() - 1;
    }

    private static void checkRows(double[][] rows, DiffusionModel model, String name) {
        Checks.sameLength(Checks.finiteMatrix(rows, name), model.dimension(), name + " columns", "model dimension");
    }
}
