package io.github.genailab.core.internal.nn;

import io.github.genailab.core.math.Checks;

/**
 * The constants of Adam (D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015,
 * arXiv:1412.6980, Algorithm 1): {@code m = beta1 m + (1 - beta1) g}, {@code v = beta2 v + (1 - beta2) g^2},
 * {@code theta -= lr (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)}, no weight decay.
 *
 * @param beta1   decay of the first moment, in {@code [0, 1)}
 * @param beta2   decay of the second moment, in {@code [0, 1)}
 * @param epsilon added to the root of the second moment, {@code > 0}
 *
 * @since 0.1.0
 */
public record Adam(double beta1, double beta2, double epsilon) {

    /** The paper's defaults: {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}. */
    public static final Adam KINGMA_BA = new Adam(0.9, 0.999, 1e-8);

    /**
     * CLIP's settings {@code beta1 = 0.9}, {@code beta2 = 0.98}, {@code epsilon = 1e-6} (A. Radford et al.,
     * "Learning Transferable Visual Models From Natural Language Supervision", ICML 2021, Table 19).
     */
    public static final Adam CLIP = new Adam(0.9, 0.98, 1e-6);

    /**
     * Validates the constants.
     *
     * @param beta1   decay of the first moment, in {@code [0, 1)}
     * @param beta2   decay of the second moment, in {@code [0, 1)}
     * @param epsilon added to the root of the second moment, {@code > 0}
     * @throws IllegalArgumentException if a constant is out of range or NaN
     */
    public Adam {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw Checks.fail("beta1", "be in [0, 1)", beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw Checks.fail("beta2", "be in [0, 1)", beta2);
        }
        Checks.positive(epsilon, "epsilon");
    }
}
