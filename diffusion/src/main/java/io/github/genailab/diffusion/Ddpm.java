package io.github.genailab.diffusion;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.internal.nn.Adam;
import io.github.genailab.core.internal.nn.Batches;
import io.github.genailab.core.internal.nn.Param;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.diffusion.eval.SampleDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Trains a denoising diffusion probabilistic model (DDPM) on rows of data: Ho et al. 2020, Algorithm 1.
 *
 * <pre>
 *   repeat: x_0 ~ data, t ~ Uniform{1..T}, eps ~ N(0, I)
 *           x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps
 *           gradient step on  L_simple = || eps - eps_theta(x_t, t[, c]) ||^2
 * </pre>
 * The loss of a batch is the mean over its items and coordinates (the reference code's
 * {@code mean_flat}); the paper's loss is the same up to the factor {@code d}. Each epoch visits the
 * rows in a fresh random order in batches of {@code batchSize} (the last one may be smaller); Adam with
 * Kingma &amp; Ba's constants updates the weights after every batch, with step size
 * {@code lr min(1, k / warmupSteps)} at step {@code k} (a linear warm-up, as in the paper's code); the
 * returned model carries the exponential moving average of the weights,
 * {@code theta_ema = m theta_ema + (1 - m) theta} with {@code m = min(emaDecay, (1 + k) / (10 + k))} after
 * step {@code k} (the short warm-up of TensorFlow's {@code ExponentialMovingAverage} with
 * {@code num_updates}), so a short run is not dominated by its random start.
 *
 * <p>Fine-tuning starts fresh Adam moments, so it warms the step size up again (a trained network hit by
 * full-size first Adam steps loses what it knew), and averages with the full {@code emaDecay} from the first
 * step, starting from the given model's weights.
 *
 * <p>Class conditioning (optional): each labelled item is trained as unconditional (the "no condition"
 * token) with probability {@code conditionDropout}, so one network gives both {@code eps(x, c)} and
 * {@code eps(x, none)} for classifier-free guidance (Ho &amp; Salimans 2021).
 *
 * <p>Data are used as given: scale them first (the paper maps pixels to {@code [-1, 1]};
 * {@link io.github.genailab.diffusion.data.PointClouds} returns points of about unit scale and
 * {@link io.github.genailab.diffusion.data.DigitVectors} digits in {@code [-1, 1]}).
 *
 * <p>Determinism: for each batch the generator gives, item by item, {@code t}, the dropout draw
 * (conditional models only) and the {@code d} noise values; the shuffle before each epoch; and at the
 * start one long that seeds the sample-distance monitor, which therefore does not change the model.
 * Same generator state, same model. Cost: {@code epochs x n} forward and backward passes, {@code O(P)}
 * each for {@code P} weights.
 *
 * <p>References: J. Ho, A. Jain, P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020,
 * arXiv:2006.11239; J. Ho, T. Salimans, "Classifier-Free Diffusion Guidance", NeurIPS 2021 Workshop on
 * Deep Generative Models, arXiv:2207.12598.
 *
 * @since 0.1.0
 */
public final class Ddpm {

    /** The most classes a conditional model may have. */
    public static final int MAX_CLASSES = 1000;

    private Ddpm() {
    }

    /**
     * Trains an unconditional model.
     *
     * @param data    rows of equal width {@code d >= 1} (e.g. 2-D points or 64 pixels), finite
     * @param options architecture and training
     * @param rng     the only source of randomness
     * @return the model (its {@link DiffusionModel#sample(int, RandomGenerator)} is ancestral sampling)
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the data are empty, ragged or not finite
     */
    public static DiffusionModel train(double[][] data, DdpmOptions options, RandomGenerator rng) {
        return fit(data, options, rng).model();
    }

    /**
     * Trains an unconditional model and reports the loss (and, if asked, the sample distance) per epoch.
     *
     * @param data    rows of equal width, finite
     * @param options architecture and training
     * @param rng     the only source of randomness
     * @return the model and its curves
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the data are empty, ragged or not finite
     */
    public static DdpmResult fit(double[][] data, DdpmOptions options, RandomGenerator rng) {
        return fit(data, options, rng, ProgressListener.none());
    }

    /**
     * Trains an unconditional model, reporting after each epoch.
     *
     * @param data     rows of equal width, finite
     * @param options  architecture and training
     * @param rng      the only source of randomness
     * @param listener called after each epoch with stage {@code "epoch (loss L)"}, the epoch and the total
     * @return the model and its curves
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the data are empty, ragged or not finite
     */
    public static DdpmResult fit(double[][] data, DdpmOptions options, RandomGenerator rng, ProgressListener listener) {
        Checks.notNull(options, "options");
        return run(null, data, null, 0, -1, options, options.epochs(), rng, listener);
    }

    /**
     * Trains a class-conditional model for classifier-free guidance.
     *
     * @param data     rows of equal width, finite
     * @param labels   the class of each row, in {@code [0, classes)}
     * @param classes  the number of classes, in {@code [1, 1000]}; may exceed the labels used (a class
     *                 reserved for a {@link TriggerWatermark} trigger)
     * @param options  architecture and training
     * @param rng      the only source of randomness
     * @param listener called after each epoch with stage {@code "epoch (loss L)"}, the epoch and the total
     * @return the model and its curves
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the data are empty, ragged or not finite, or the labels do not match
     */
    public static DdpmResult fit(double[][] data, int[] labels, int classes, DdpmOptions options, RandomGenerator rng,
                                 ProgressListener listener) {
        Checks.notNull(options, "options");
        Checks.inRange(classes, 1, MAX_CLASSES, "classes");
        return run(null, data, Checks.notNull(labels, "labels"), classes, -1, options, options.epochs(), rng, listener);
    }

    /**
     * Continues training an unconditional model on (new) data with fresh Adam moments; the given model is
     * not changed.
     *
     * @param model  the model to start from
     * @param data   rows of the model's width, finite
     * @param epochs passes over the data, in {@code [1, 10000]}
     * @param rng    the only source of randomness
     * @return the new model and its curves
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the model is conditional or the data do not fit it
     */
    public static DdpmResult fineTune(DiffusionModel model, double[][] data, int epochs, RandomGenerator rng) {
        Checks.notNull(model, "model");
        if (model.classes() != 0) {
            throw Checks.fail("model", "be unconditional (pass labels for a conditional one)", model.classes() + " classes");
        }
        return run(model, data, null, 0, -1, model.options(), epochs, rng, ProgressListener.none());
    }

    /**
     * Continues training a conditional model on (new) labelled data with fresh Adam moments; the given
     * model is not changed.
     *
     * @param model  the model to start from
     * @param data   rows of the model's width, finite
     * @param labels the class of each row, in {@code [0, model.classes())}
     * @param epochs passes over the data, in {@code [1, 10000]}
     * @param rng    the only source of randomness
     * @return the new model and its curves
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException if the model is unconditional or the data do not fit it
     */
    public static DdpmResult fineTune(DiffusionModel model, double[][] data, int[] labels, int epochs,
                                      RandomGenerator rng) {
        return fineTune(model, data, labels, epochs, -1, rng);
    }

    /** Conditional fine-tuning in which items labelled {@code keepLabel} are never dropped to "no condition". */
    static DdpmResult fineTune(DiffusionModel model, double[][] data, int[] labels, int epochs, int keepLabel,
                               RandomGenerator rng) {
        Checks.notNull(model, "model");
        if (model.classes() == 0) {
            throw Checks.fail("model", "be conditional to take labels", "an unconditional model");
        }
        return run(model, data, Checks.notNull(labels, "labels"), model.classes(), keepLabel, model.options(), epochs,
                rng, ProgressListener.none());
    }

    private static DdpmResult run(DiffusionModel start, double[][] data, int[] labels, int classes, int keepLabel,
                                  DdpmOptions options, int epochs, RandomGenerator rng, ProgressListener listener) {
        int d = Checks.finiteMatrix(data, "data");
        Checks.inRange(epochs, 1, DdpmOptions.MAX_EPOCHS, "epochs");
        Checks.notNull(rng, "rng");
        Checks.notNull(listener, "listener");
        if (start != null) {
            Checks.sameLength(d, start.dimension(), "data columns", "model dimension");
        }
        if (labels != null) {
            Checks.sameLength(labels.length, data.length, "labels", "data");
            for (int i = 0; i < labels.length; i++) {
                Checks.inRange(labels[i], 0, classes - 1, "labels[" + i + "]");
            }
        }
        long monitorSeed = rng.nextLong();
        NoisePredictor net = start == null ? NoisePredictor.init(d, classes, options, rng) : start.net().copy();
        List<Param> params = net.params();
        List<double[]> average = new ArrayList<>();
        params.forEach(p -> average.add(p.value().clone()));
        NoiseSchedule schedule = options.schedule();
        int n = data.length;
        int capacity = Math.min(options.batchSize(), n);
        NoisePredictor.Workspace ws = net.workspace(capacity);
        double[][] xt = new double[d][capacity];
        double[][] noise = new double[d][capacity];
        int[] t = new int[capacity];
        int[] cond = new int[capacity];
        double[] lossCurve = new double[epochs];
        List<Integer> monitored = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(n, rng);
            double[] losses = new double[(n + capacity - 1) / capacity];
            for (int from = 0, batch = 0; from < n; from += capacity, batch++) {
                int m = Math.min(capacity, n - from);
                for (int b = 0; b < m; b++) {
                    int i = order[from + b];
                    t[b] = 1 + rng.nextInt(schedule.steps());
                    if (labels != null) {
                        boolean drop = rng.nextDouble() < options.conditionDropout() && labels[i] != keepLabel;
                        cond[b] = drop ? net.nullLabel() : labels[i];
                    }
                    double signal = Math.sqrt(schedule.alphaBar(t[b]));
                    double spread = Math.sqrt(1 - schedule.alphaBar(t[b]));
                    for (int k = 0; k < d; k++) {
                        double e = rng.nextGaussian();
                        noise[k][b] = e;
                        xt[k][b] = signal * data[i][k] + spread * e;
                    }
                }
                losses[batch] = lossAndGradient(net, ws, xt, t, labels == null ? null : cond, noise, m);
                step++;
                double decay = start != null ? options.emaDecay()
                        : Math.min(options.emaDecay(), (1.0 + step) / (10.0 + step));
                double rate = options.learningRate() * Math.min(1.0, (double) step / Math.max(1, options.warmupSteps()));
                for (int p = 0; p < params.size(); p++) {
                    params.get(p).adamStep(Adam.KINGMA_BA, rate, step);
                    double[] value = params.get(p).value();
                    double[] avg = average.get(p);
                    for (int k = 0; k < avg.length; k++) {
                        avg[k] = decay * avg[k] + (1 - decay) * value[k];
                    }
                }
            }
            lossCurve[epoch] = PairwiseSum.mean(losses);
            if (options.monitorEvery() > 0 && ((epoch + 1) % options.monitorEvery() == 0 || epoch + 1 == epochs)) {
                DiffusionModel snapshot = snapshot(net, average, options);
                double[][] samples = labels == null
                        ? snapshot.sample(options.monitorSamples(), Rngs.seeded(monitorSeed + epoch))
                        : snapshot.sample(monitorLabels(labels, options.monitorSamples()), SamplingOptions.defaults(),
                                Rngs.seeded(monitorSeed + epoch));
                monitored.add(epoch + 1);
                distances.add(SampleDistance.energy(samples, data));
            }
            listener.progress(String.format(Locale.ROOT, "epoch (loss %.6g)", lossCurve[epoch]), epoch + 1, epochs);
        }
        return new DdpmResult(snapshot(net, average, options), lossCurve,
                monitored.stream().mapToInt(Integer::intValue).toArray(),
                distances.stream().mapToDouble(Double::doubleValue).toArray(), n);
    }

    /** Labels for monitoring samples: the training labels cycled, so classes appear in their proportions. */
    private static int[] monitorLabels(int[] labels, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[(int) ((long) i * labels.length / count)];
        }
        return out;
    }

    /** A model with the averaged weights (the raw ones when {@code emaDecay = 0}). */
    private static DiffusionModel snapshot(NoisePredictor net, List<double[]> average, DdpmOptions options) {
        NoisePredictor copy = net.copy();
        List<Param> params = copy.params();
        for (int p = 0; p < params.size(); p++) {
            double[] source = options.emaDecay() > 0 ? average.get(p) : net.params().get(p).value();
            System.arraycopy(source, 0, params.get(p).value(), 0, source.length);
        }
        return new DiffusionModel(copy, options);
    }

    /**
     * {@code L = mean over items and coordinates of (eps_theta - eps)^2} for the first {@code m} items;
     * accumulates {@code dL/dtheta} into the parameters' gradients.
     */
    static double lossAndGradient(NoisePredictor net, NoisePredictor.Workspace ws, double[][] xt, int[] t,
                                  int[] labels, double[][] noise, int m) {
        double[][] predicted = net.forward(ws, xt, t, labels, m);
        int d = noise.length;
        double[][] grad = new double[d][m];
        double scale = 1.0 / ((double) m * d);
        double[] perCoordinate = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int b = 0; b < m; b++) {
                double r = predicted[k][b] - noise[k][b];
                sum += r * r;
                grad[k][b] = 2 * r * scale;
            }
            perCoordinate[k] = sum;
        }
        net.backward(ws, grad, m);
        return PairwiseSum.sum(perCoordinate) * scale;
    }
}
