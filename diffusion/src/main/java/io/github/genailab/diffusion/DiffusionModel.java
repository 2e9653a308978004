package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A trained denoising diffusion model: the noise predictor {@code epsilon_theta(x_t, t[, c])} with its
 * schedule, and the samplers of {@link SamplingMethod}.
 *
 * <p>Sampling starts from {@code x_T ~ N(0, I)} and runs the reverse chain (Ho et al. 2020, Algorithm 2;
 * or DDIM, Song et al. 2021). Items are processed in blocks of {@value #BLOCK}; for each block the
 * generator gives {@code x_T} item by item, then each stochastic step's noise item by item, so the same
 * generator state gives the same samples. A conditional model sampled without labels uses its "no
 * condition" token.
 *
 * <p>Immutable and thread-safe: every call allocates its own scratch space. Cost: {@code n} times the
 * number of steps forward passes (twice that with guidance {@code s != 1}), each {@code O(P)} for
 * {@code P} weights.
 *
 * <p>References: J. Ho, A. Jain, P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020,
 * arXiv:2006.11239; J. Song, C. Meng, S. Ermon, "Denoising Diffusion Implicit Models", ICLR 2021,
 * arXiv:2010.02502; J. Ho, T. Salimans, "Classifier-Free Diffusion Guidance", arXiv:2207.12598.
 *
 * @since 0.1.0
 */
public final class DiffusionModel {

    /** Items per block of the reverse chain. */
    public static final int BLOCK = 256;

    /** The most samples one call may ask for. */
    public static final int MAX_SAMPLES = 1 << 20;

    /** The most values ({@code n x dimension}) one call may return. */
    public static final int MAX_VALUES = 1 << 24;

    private final NoisePredictor net;
    private final DdpmOptions options;

    DiffusionModel(NoisePredictor net, DdpmOptions options) {
        this.net = net;
        this.options = options;
    }

    NoisePredictor net() {
        return net;
    }

    /**
     * The data's width.
     *
     * @return {@code d}
     */
    public int dimension() {
        return net.dimension();
    }

    /**
     * The number of class labels the model is conditioned on, including any reserved trigger class;
     * 0 for an unconditional model.
     *
     * @return the number of classes
     */
    public int classes() {
        return net.classes();
    }

    /**
     * The forward process the model was trained for.
     *
     * @return the schedule
     */
    public NoiseSchedule schedule() {
        return options.schedule();
    }

    /**
     * The options the model was trained with.
     *
     * @return the options
     */
    public DdpmOptions options() {
        return options;
    }

    /**
     * {@code n} samples by ancestral sampling with {@code sigma_t^2 = beta_t}, no condition.
     *
     * @param n   the number of samples, in {@code [1, 2^20]}, {@code n d <= 2^24}
     * @param rng the source of randomness
     * @return {@code n} rows of {@link #dimension()} values
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public double[][] sample(int n, RandomGenerator rng) {
        return sample(n, SamplingOptions.defaults(), rng);
    }

    /**
     * {@code n} samples with the given sampler, no condition.
     *
     * @param n       the number of samples, in {@code [1, 2^20]}, {@code n d <= 2^24}
     * @param options the sampler
     * @param rng     the source of randomness
     * @return {@code n} rows of {@link #dimension()} values
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code n} is out of range or DDIM has more steps than {@code T}
     */
    public double[][] sample(int n, SamplingOptions options, RandomGenerator rng) {
        return chain(n, null, options, new int[0], rng)[0];
    }

    /**
     * One sample per label, classifier-free guided with {@code options.guidanceScale()}.
     *
     * @param labels  a class in {@code [0, classes())} per sample, at least one
     * @param options the sampler
     * @param rng     the source of randomness
     * @return one row of {@link #dimension()} values per label
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the model is unconditional, a label is out of range, or the
     *                                  count or the DDIM steps are out of range
     */
    public double[][] sample(int[] labels, SamplingOptions options, RandomGenerator rng) {
        checkLabels(labels);
        return chain(labels.length, labels, options, new int[0], rng)[0];
    }

    /**
     * The reverse chain seen at several times: snapshot {@code r} is the first state {@code x_t} with
     * {@code t <= times[r]} (a DDIM chain visits only its sub-sequence), then the final samples.
     *
     * @param n       the number of samples, in {@code [1, 2^20]}, {@code n d (times + 1) <= 2^24}
     * @param options the sampler
     * @param times   times in {@code [0, T]}, e.g. {@code {T, T/2, 0}}; {@code T} is the initial noise
     * @param rng     the source of randomness
     * @return {@code times.length + 1} arrays of {@code n} rows: the snapshots, then the samples
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a time or the count is out of range
     */
    public double[][][] reverseChain(int n, SamplingOptions options, int[] times, RandomGenerator rng) {
        Checks.notNull(times, "times");
        for (int r = 0; r < times.length; r++) {
            Checks.inRange(times[r], 0, schedule().steps(), "times[" + r + "]");
        }
        double[][][] out = chain(n, null, options, times, rng);
        double[][][] reordered = new double[times.length + 1][][];
        System.arraycopy(out, 1, reordered, 0, times.length);
        reordered[times.length] = out[0];
        return reordered;
    }

    private void checkLabels(int[] labels) {
        Checks.nonEmpty(labels, "labels");
        if (classes() == 0) {
            throw Checks.fail("labels", "be absent for an unconditional model (classes = 0)", labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            Checks.inRange(labels[i], 0, classes() - 1, "labels[" + i + "]");
        }
    }

    /** Runs the chain; element 0 is the samples, element {@code 1 + r} the snapshot for {@code times[r]}. */
    private double[][][] chain(int n, int[] labels, SamplingOptions options, int[] times, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        Checks.inRange(n, 1, MAX_SAMPLES, "n");
        int d = dimension();
        Checks.atMost((long) n * d * (times.length + 1), MAX_VALUES, "n * dimension * (snapshots + 1)");
        int[] path = path(options);
        double[][][] out = new double[times.length + 1][n][d];
        NoisePredictor.Workspace ws = net.workspace(BLOCK);
        double[][] x = new double[d][BLOCK];
        double[][] eps = new double[d][BLOCK];
        int[] t = new int[BLOCK];
        int[] cond = new int[BLOCK];
        int[] none = new int[BLOCK];
        Arrays.fill(none, net.nullLabel());
        for (int from = 0; from < n; from += BLOCK) {
            int m = Math.min(BLOCK, n - from);
            for (int b = 0; b < m; b++) {
                cond[b] = labels == null ? net.nullLabel() : labels[from + b];
                for (int k = 0; k < d; k++) {
                    x[k][b] = rng.nextGaussian();
                }
            }
            boolean[] taken = new boolean[times.length];
            record(out, times, taken, path[0], x, from, m);
            for (int s = 0; s + 1 < path.length; s++) {
                Arrays.fill(t, 0, m, path[s]);
                predict(ws, x, t, labels == null ? none : cond, none, labels != null, options.guidanceScale(), eps, m);
                step(options, path[s], path[s + 1], x, eps, m, rng);
                record(out, times, taken, path[s + 1], x, from, m);
            }
            for (int b = 0; b < m; b++) {
                for (int k = 0; k < d; k++) {
                    out[0][from + b][k] = x[k][b];
                }
            }
        }
        return out;
    }

    /** The visited times, from {@code T} down to 0. */
    private int[] path(SamplingOptions options) {
        int steps = schedule().steps();
        if (options.sampler() != SamplingMethod.DDIM) {
            int[] path = new int[steps + 1];
            for (int i = 0; i <= steps; i++) {
                path[i] = steps - i;
            }
            return path;
        }
        int s = options.ddimSteps();
        if (s > steps) {
            throw Checks.fail("options.ddimSteps", "be <= the schedule's " + steps + " steps", s);
        }
        int[] path = new int[s + 1];
        for (int i = 0; i <= s; i++) {
            path[i] = (int) ((long) (s - i) * steps / s);
        }
        return path;
    }

    private static void record(double[][][] out, int[] times, boolean[] taken, int now, double[][] x, int from, int m) {
        for (int r = 0; r < times.length; r++) {
            if (!taken[r] && now <= times[r]) {
                taken[r] = true;
                for (int b = 0; b < m; b++) {
                    for (int k = 0; k < x.length; k++) {
                        out[1 + r][from + b][k] = x[k][b];
                    }
                }
            }
        }
    }

    /** The (guided) noise prediction into {@code eps}. */
    private void predict(NoisePredictor.Workspace ws, double[][] x, int[] t, int[] cond, int[] none, boolean guided,
                         double scale, double[][] eps, int m) {
        double[][] out = net.forward(ws, x, t, cond, m);
        for (int k = 0; k < eps.length; k++) {
            System.arraycopy(out[k], 0, eps[k], 0, m);
        }
        if (guided && scale != 1) {
            double[][] unconditional = net.forward(ws, x, t, none, m);
            for (int k = 0; k < eps.length; k++) {
                for (int b = 0; b < m; b++) {
                    eps[k][b] = unconditional[k][b] + scale * (eps[k][b] - unconditional[k][b]);
                }
            }
        }
    }

    /**
     * One reverse step from time {@code t} to {@code prev < t}, in place, through the predicted clean point
     * {@code x0hat = (x_t - sqrt(1 - alphaBar_t) eps) / sqrt(alphaBar_t)} (clipped if asked):
     * ancestral steps take the posterior mean {@code muTilde(x0hat, x_t)}, which is Algorithm 2's mean
     * when nothing is clipped; DDIM steps re-derive {@code eps} from the (clipped) {@code x0hat}.
     */
    private void step(SamplingOptions options, int t, int prev, double[][] x, double[][] eps, int m,
                      RandomGenerator rng) {
        NoiseSchedule schedule = schedule();
        double alphaBar = schedule.alphaBar(t);
        double alphaBarPrev = schedule.alphaBar(prev);
        double clip = options.clipDenoised();
        boolean ddim = options.sampler() == SamplingMethod.DDIM;
        double sigma;
        double onX0;
        double onX;
        double onEps;
        if (ddim) {
            sigma = options.eta() * Math.sqrt((1 - alphaBarPrev) / (1 - alphaBar) * (1 - alphaBar / alphaBarPrev));
            double direction = Math.sqrt(Math.max(0, 1 - alphaBarPrev - sigma * sigma));
            // x_prev = sqrt(abPrev) x0hat + direction (x_t - sqrt(ab) x0hat) / sqrt(1 - ab)
            onX0 = Math.sqrt(alphaBarPrev) - direction * Math.sqrt(alphaBar / (1 - alphaBar));
            onX = direction / Math.sqrt(1 - alphaBar);
        } else {
            double beta = schedule.beta(t);
            onX0 = Math.sqrt(alphaBarPrev) * beta / (1 - alphaBar);
            onX = Math.sqrt(1 - beta) * (1 - alphaBarPrev) / (1 - alphaBar);
            sigma = t == 1 ? 0 : Math.sqrt(options.sampler() == SamplingMethod.ANCESTRAL ? beta : schedule.posteriorVariance(t));
        }
        onEps = Math.sqrt(1 - alphaBar) / Math.sqrt(alphaBar);
        double toX0 = 1 / Math.sqrt(alphaBar);
        for (int k = 0; k < x.length; k++) {
            double[] xk = x[k];
            double[] ek = eps[k];
            for (int b = 0; b < m; b++) {
                double x0 = toX0 * xk[b] - onEps * ek[b];
                if (clip > 0) {
                    x0 = Math.max(-clip, Math.min(clip, x0));
                }
                xk[b] = onX0 * x0 + onX * xk[b];
            }
        }
        if (sigma > 0) {
            for (int b = 0; b < m; b++) {
                for (int k = 0; k < x.length; k++) {
                    x[k][b] += sigma * rng.nextGaussian();
                }
            }
        }
    }

    /**
     * One line: dimension, classes, schedule and network size.
     *
     * @return e.g. {@code DiffusionModel[d=2, unconditional, NoiseSchedule[...], MLP 3x64, 8834 weights]}
     */
    @Override
    public String toString() {
        int weights = net.params().stream().mapToInt(p -> p.size()).sum();
        return String.format(Locale.ROOT, "DiffusionModel[d=%d, %s, %s, MLP %dx%d, %d weights]", dimension(),
                classes() == 0 ? "unconditional" : classes() + " classes", schedule(), options.hiddenLayers(),
                options.hiddenUnits(), weights);
    }
}
