package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * The variance schedule {@code beta_1, ..., beta_T} of a diffusion model's forward (noising) process and
 * the quantities derived from it.
 *
 * <p>Forward process (Ho et al. 2020, eq. 2 and 4):
 * <pre>
 *   q(x_t | x_{t-1}) = N(x_t; sqrt(1 - beta_t) x_{t-1}, beta_t I)
 *   alpha_t = 1 - beta_t,   alphaBar_t = prod_{s=1..t} alpha_s
 *   q(x_t | x_0)     = N(x_t; sqrt(alphaBar_t) x_0, (1 - alphaBar_t) I)
 * </pre>
 * Posterior of one reverse step (eq. 6 and 7):
 * <pre>
 *   q(x_{t-1} | x_t, x_0) = N(muTilde_t, betaTilde_t I)
 *   muTilde_t   = sqrt(alphaBar_{t-1}) beta_t / (1 - alphaBar_t) x_0 + sqrt(alpha_t) (1 - alphaBar_{t-1}) / (1 - alphaBar_t) x_t
 *   betaTilde_t = (1 - alphaBar_{t-1}) / (1 - alphaBar_t) beta_t,      alphaBar_0 = 1
 * </pre>
 * Steps are numbered as in the paper, {@code t = 1..T}; arrays are 0-based, so
 * {@code alphaBars()[t - 1] = alphaBar_t}. The reference code numbers them {@code 0..T-1}: the same
 * schedule, shifted by one.
 *
 * <p>Schedules: {@link #linear} ({@code beta} from {@code 1e-4} to {@code 0.02} over {@code T = 1000} in
 * the paper, section 4), {@link #cosine} (Nichol &amp; Dhariwal 2021, eq. 17:
 * {@code alphaBar_t = f(t) / f(0)}, {@code f(t) = cos^2(((t / T) + s) / (1 + s) pi / 2)}, {@code s = 0.008},
 * {@code beta_t = min(1 - alphaBar_t / alphaBar_{t-1}, 0.999)}), or any {@link #of(double[]) list} of
 * betas in {@code (0, 1)}. {@code alphaBar} is always the running product of {@code 1 - beta}, so a
 * clipped cosine beta is reflected in it.
 *
 * <p>Immutable and thread-safe. Building costs {@code O(T)}; every accessor {@code O(1)} or {@code O(d)}.
 *
 * <p>References: J. Ho, A. Jain, P. Abbeel, "Denoising Diffusion Probabilistic Models", NeurIPS 2020,
 * arXiv:2006.11239. A. Q. Nichol, P. Dhariwal, "Improved Denoising Diffusion Probabilistic Models",
 * ICML 2021, arXiv:2102.09672.
 *
 * @since 0.1.0
 */
public final class NoiseSchedule {

    /** The most steps a schedule may have. */
    public static final int MAX_STEPS = 100_000;

    /** Nichol &amp; Dhariwal's cap on a cosine-schedule beta. */
    public static final double COSINE_MAX_BETA = 0.999;

    private final String kind;
    private final double[] betas;
    private final double[] alphaBars;

    private NoiseSchedule(String kind, double[] betas) {
        this.kind = kind;
        this.betas = betas;
        this.alphaBars = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBars[t] = product;
        }
    }

    /**
     * The linear schedule: {@code beta_t = betaStart + (betaEnd - betaStart) (t - 1) / (T - 1)}
     * ({@code beta_1 = betaStart} when {@code T = 1}).
     *
     * @param steps     {@code T}, in {@code [1, 100000]}
     * @param betaStart {@code beta_1}, in {@code (0, 1)}
     * @param betaEnd   {@code beta_T}, in {@code (0, 1)}
     * @return the schedule
     * @throws IllegalArgumentException if an argument is out of range or NaN
     */
    public static NoiseSchedule linear(int steps, double betaStart, double betaEnd) {
        checkSteps(steps);
        Checks.inOpenInterval(betaStart, 0, 1, "betaStart");
        Checks.inOpenInterval(betaEnd, 0, 1, "betaEnd");
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            betas[t] = steps == 1 ? betaStart : betaStart + (betaEnd - betaStart) * t / (steps - 1);
        }
        return new NoiseSchedule("linear", betas);
    }

    /**
     * The cosine schedule of Nichol &amp; Dhariwal with offset {@code s}.
     *
     * @param steps  {@code T}, in {@code [1, 100000]}
     * @param offset {@code s}, in {@code [0, 1)}; the paper uses {@code 0.008}
     * @return the schedule
     * @throws IllegalArgumentException if an argument is out of range or NaN
     */
    public static NoiseSchedule cosine(int steps, double offset) {
        checkSteps(steps);
        if (!(offset >= 0 && offset < 1)) {
            throw Checks.fail("offset", "be in [0, 1)", offset);
        }
        double[] betas = new double[steps];
        double f0 = cosineF(0, steps, offset);
        for (int t = 1; t <= steps; t++) {
            double ratio = cosineF(t, steps, offset) / cosineF(t - 1, steps, offset);
            betas[t - 1] = Math.min(1 - ratio, COSINE_MAX_BETA);
            if (!(betas[t - 1] > 0)) {
                throw Checks.fail("offset", "give every beta_t > 0 for T = " + steps + " (f(0) = " + f0 + ")", offset);
            }
        }
        return new NoiseSchedule("cosine", betas);
    }

    /**
     * A schedule from explicit betas.
     *
     * @param betas {@code beta_1..beta_T}, each in {@code (0, 1)}, {@code 1 <= T <= 100000}; copied
     * @return the schedule
     * @throws NullPointerException     if {@code betas} is null
     * @throws IllegalArgumentException if it is empty, too long, or a beta is outside {@code (0, 1)}
     */
    public static NoiseSchedule of(double[] betas) {
        Checks.nonEmpty(betas, "betas");
        checkSteps(betas.length);
        for (int t = 0; t < betas.length; t++) {
            Checks.inOpenInterval(betas[t], 0, 1, "betas[" + t + "]");
        }
        return new NoiseSchedule("custom", betas.clone());
    }

    private static void checkSteps(int steps) {
        Checks.positive(steps, "steps");
        Checks.atMost(steps, MAX_STEPS, "steps");
    }

    private static double cosineF(int t, int steps, double offset) {
        double c = StrictMath.cos(((double) t / steps + offset) / (1 + offset) * Math.PI / 2);
        return c * c;
    }

    /**
     * {@code T}.
     *
     * @return the number of steps
     */
    public int steps() {
        return betas.length;
    }

    /**
     * {@code linear}, {@code cosine} or {@code custom}.
     *
     * @return how the schedule was built
     */
    public String kind() {
        return kind;
    }

    /**
     * {@code beta_1..beta_T}, a copy.
     *
     * @return a new array of length {@code T}
     */
    public double[] betas() {
        return betas.clone();
    }

    /**
     * {@code alphaBar_1..alphaBar_T}, a copy: {@code alphaBars()[t - 1] = prod_{i <= t} (1 - beta_i)}.
     *
     * @return a new array of length {@code T}
     */
    public double[] alphaBars() {
        return alphaBars.clone();
    }

    /**
     * {@code beta_t}.
     *
     * @param t the step, in {@code [1, T]}
     * @return the variance added at step {@code t}
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    public double beta(int t) {
        return betas[checkStep(t) - 1];
    }

    /**
     * {@code alphaBar_t}, with {@code alphaBar_0 = 1}.
     *
     * @param t the step, in {@code [0, T]}
     * @return the signal's share of the variance after {@code t} steps
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    public double alphaBar(int t) {
        Checks.inRange(t, 0, betas.length, "t");
        return t == 0 ? 1 : alphaBars[t - 1];
    }

    /**
     * {@code betaTilde_t = (1 - alphaBar_{t-1}) / (1 - alphaBar_t) beta_t}, the variance of
     * {@code q(x_{t-1} | x_t, x_0)} ({@code 0} at {@code t = 1}).
     *
     * @param t the step, in {@code [1, T]}
     * @return the posterior variance
     * @throws IllegalArgumentException if {@code t} is out of range
     */
    public double posteriorVariance(int t) {
        checkStep(t);
        return (1 - alphaBar(t - 1)) / (1 - alphaBar(t)) * betas[t - 1];
    }

    /**
     * {@code muTilde_t(x_t, x_0)}, the mean of {@code q(x_{t-1} | x_t, x_0)}.
     *
     * @param x0 the clean point
     * @param xt the noised point at step {@code t}, same length
     * @param t  the step, in {@code [1, T]}
     * @return a new array
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ, a value is not finite, or {@code t} is out of range
     */
    public double[] posteriorMean(double[] x0, double[] xt, int t) {
        checkPair(x0, xt, "x0", "xt");
        checkStep(t);
        double alphaBar = alphaBar(t);
        double alphaBarPrev = alphaBar(t - 1);
        double beta = betas[t - 1];
        double c0 = Math.sqrt(alphaBarPrev) * beta / (1 - alphaBar);
        double ct = Math.sqrt(1 - beta) * (1 - alphaBarPrev) / (1 - alphaBar);
        double[] out = new double[x0.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = c0 * x0[k] + ct * xt[k];
        }
        return out;
    }

    /**
     * One draw of {@code q(x_t | x_0)} with the given standard normal noise:
     * {@code x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) noise}.
     *
     * @param x0    the clean point
     * @param t     the step, in {@code [1, T]}
     * @param noise standard normal noise, same length
     * @return a new array
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ, a value is not finite, or {@code t} is out of range
     */
    public double[] diffuse(double[] x0, int t, double[] noise) {
        checkPair(x0, noise, "x0", "noise");
        checkStep(t);
        return combine(x0, Math.sqrt(alphaBars[t - 1]), noise, Math.sqrt(1 - alphaBars[t - 1]));
    }

    /**
     * One step of the forward chain with the given standard normal noise:
     * {@code x_t = sqrt(1 - beta_t) x_{t-1} + sqrt(beta_t) noise}.
     *
     * @param previous {@code x_{t-1}}
     * @param t        the step, in {@code [1, T]}
     * @param noise    standard normal noise, same length
     * @return a new array
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ, a value is not finite, or {@code t} is out of range
     */
    public double[] forwardStep(double[] previous, int t, double[] noise) {
        checkPair(previous, noise, "previous", "noise");
        checkStep(t);
        return combine(previous, Math.sqrt(1 - betas[t - 1]), noise, Math.sqrt(betas[t - 1]));
    }

    private static double[] combine(double[] a, double ca, double[] b, double cb) {
        double[] out = new double[a.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = ca * a[k] + cb * b[k];
        }
        return out;
    }

    private int checkStep(int t) {
        return Checks.inRange(t, 1, betas.length, "t");
    }

    private static void checkPair(double[] a, double[] b, String nameA, String nameB) {
        Checks.allFinite(Checks.nonEmpty(a, nameA), nameA);
        Checks.allFinite(Checks.notNull(b, nameB), nameB);
        Checks.sameLength(a.length, b.length, nameA, nameB);
    }

    /**
     * Compares the betas (and so every derived quantity) by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is a schedule with the same betas
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NoiseSchedule s && Arrays.equals(betas, s.betas);
    }

    /**
     * Hash of the betas.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(betas);
    }

    /**
     * One line: kind, {@code T}, first and last beta, final {@code alphaBar}.
     *
     * @return e.g. {@code NoiseSchedule[linear, T=1000, beta 0.0001..0.02, alphaBar_T=4.04e-05]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NoiseSchedule[%s, T=%d, beta %.4g..%.4g, alphaBar_T=%.3g]", kind,
                betas.length, betas[0], betas[betas.length - 1], alphaBars[alphaBars.length - 1]);
    }
}
