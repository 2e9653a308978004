package io.github.genailab.contrastive.tinyclip;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A trainable tensor (flat, row-major) with its gradient and Adam moments.
 *
 * <p>Adam (Kingma &amp; Ba, ICLR 2015) with CLIP's settings {@code beta1 = 0.9}, {@code beta2 = 0.98},
 * {@code eps = 1e-6} (Radford et al. 2021, appendix, Table 19), bias-corrected, no weight decay.
 */
final class Param {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.98;
    private static final double EPS = 1e-6;

    final double[] value;
    final double[] grad;
    private final double[] firstMoment;
    private final double[] secondMoment;

    private Param(double[] value) {
        this.value = value;
        this.grad = new double[value.length];
        this.firstMoment = new double[value.length];
        this.secondMoment = new double[value.length];
    }

    /** Entries uniform in {@code [-limit, limit]}. */
    static Param uniform(int size, double limit, RandomGenerator rng) {
        double[] value = new double[size];
        for (int k = 0; k < size; k++) {
            value[k] = limit * (2 * rng.nextDouble() - 1);
        }
        return new Param(value);
    }

    /** Entries all equal to {@code initial}. */
    static Param filled(int size, double initial) {
        double[] value = new double[size];
        Arrays.fill(value, initial);
        return new Param(value);
    }

    /** A copy of the values only (for an inference snapshot). */
    Param copy() {
        return new Param(value.clone());
    }

    /** One Adam update with step number {@code step >= 1}, then clears the gradient. */
    void adamStep(double learningRate, int step) {
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (int k = 0; k < value.length; k++) {
            firstMoment[k] = BETA1 * firstMoment[k] + (1 - BETA1) * grad[k];
            secondMoment[k] = BETA2 * secondMoment[k] + (1 - BETA2) * grad[k] * grad[k];
            double mHat = firstMoment[k] / correction1;
            double vHat = secondMoment[k] / correction2;
            value[k] -= learningRate * mHat / (Math.sqrt(vHat) + EPS);
            grad[k] = 0;
        }
    }
}
