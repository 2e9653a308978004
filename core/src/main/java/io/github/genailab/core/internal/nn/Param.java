package io.github.genailab.core.internal.nn;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A trainable tensor (flat, row-major) with its gradient and Adam moments.
 *
 * <p>{@link #value()} and {@link #grad()} are the live arrays: layers read and accumulate into them
 * directly. {@link #adamStep} is bias-corrected Adam without weight decay ({@link Adam}).
 *
 * @since 0.1.0
 */
public final class Param {

    private final double[] value;
    private final double[] grad;
    private final double[] firstMoment;
    private final double[] secondMoment;

    private Param(double[] value) {
        this.value = value;
        this.grad = new double[value.length];
        this.firstMoment = new double[value.length];
        this.secondMoment = new double[value.length];
    }

    /**
     * Entries uniform in {@code [-limit, limit]}, drawn in index order as {@code limit (2 u - 1)}.
     *
     * @param size  the number of entries, {@code >= 0}
     * @param limit the half-width
     * @param rng   the source of randomness
     * @return the tensor
     * @throws NullPointerException     if {@code rng} is null
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public static Param uniform(int size, double limit, RandomGenerator rng) {
        Checks.nonNegative(size, "size");
        Checks.notNull(rng, "rng");
        double[] value = new double[size];
        for (int k = 0; k < size; k++) {
            value[k] = limit * (2 * rng.nextDouble() - 1);
        }
        return new Param(value);
    }

    /**
     * Entries all equal to {@code initial}.
     *
     * @param size    the number of entries, {@code >= 0}
     * @param initial the value
     * @return the tensor
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public static Param filled(int size, double initial) {
        Checks.nonNegative(size, "size");
        double[] value = new double[size];
        Arrays.fill(value, initial);
        return new Param(value);
    }

    /**
     * A copy of the values only, with zero gradient and moments (an inference snapshot, or the start
     * of a fresh optimiser).
     *
     * @return the copy
     */
    public Param copy() {
        return new Param(value.clone());
    }

    /**
     * The live values.
     *
     * @return the array the tensor holds (not a copy)
     */
    public double[] value() {
        return value;
    }

    /**
     * The live gradient, accumulated by the layers and cleared by {@link #adamStep}.
     *
     * @return the array the tensor holds (not a copy)
     */
    public double[] grad() {
        return grad;
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return value.length;
    }

    /**
     * One Adam update, then clears the gradient.
     *
     * @param adam         the optimiser's constants
     * @param learningRate the step size
     * @param step         the update's number, {@code >= 1} (for the bias corrections)
     */
    public void adamStep(Adam adam, double learningRate, int step) {
        double beta1 = adam.beta1();
        double beta2 = adam.beta2();
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        for (int k = 0; k < value.length; k++) {
            firstMoment[k] = beta1 * firstMoment[k] + (1 - beta1) * grad[k];
            secondMoment[k] = beta2 * secondMoment[k] + (1 - beta2) * grad[k] * grad[k];
            double mHat = firstMoment[k] / correction1;
            double vHat = secondMoment[k] / correction2;
            value[k] -= learningRate * mHat / (Math.sqrt(vHat) + adam.epsilon());
            grad[k] = 0;
        }
    }
}
