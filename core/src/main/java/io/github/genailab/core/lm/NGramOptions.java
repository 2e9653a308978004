package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;

/**
 * How {@link NGramModel} is trained: the order and the Kneser–Ney discounting.
 *
 * <p>{@code discount == 0} (the default) selects <em>modified</em> Kneser–Ney (Chen &amp; Goodman
 * 1999, §3): three discounts per order, for n-grams seen once, twice and three or more times,
 * estimated from that order's counts of counts. A {@code discount} in (0, 1] selects the original
 * interpolated Kneser–Ney with that one discount at every order and count (0.75 is the customary
 * value); it is what the hand-computable examples in the tests use.
 *
 * @param order the n-gram order, 1 (unigram) to {@value #MAX_ORDER}
 * @param discount 0 for estimated modified Kneser–Ney discounts, or one fixed discount in (0, 1]
 *
 * @since 0.1.0
 */
public record NGramOptions(int order, double discount) {

    /** The largest supported order. */
    public static final int MAX_ORDER = 5;

    /**
     * Validates the options.
     *
     * @param order the n-gram order, 1 to 5
     * @param discount 0 for estimated modified Kneser–Ney discounts, or one fixed discount in (0, 1]
     * @throws IllegalArgumentException if {@code order} is outside [1, 5] or {@code discount} is
     *     neither 0 nor in (0, 1] (NaN fails)
     */
    public NGramOptions {
        Checks.inRange(order, 1, MAX_ORDER, "order");
        if (discount != 0) {
            Checks.inLeftOpenInterval(discount, 0, 1, "discount");
        }
    }

    /**
     * Trigrams with estimated modified Kneser–Ney discounts.
     *
     * @return the default options
     */
    public static NGramOptions defaults() {
        return new NGramOptions(3, 0);
    }

    /**
     * Copy with another order.
     *
     * @param n the order, 1 to 5
     * @return the new options
     * @throws IllegalArgumentException if {@code n} is outside [1, 5]
     */
    public NGramOptions withOrder(int n) {
        return new NGramOptions(n, discount);
    }

    /**
     * Copy with one fixed discount at every order (original interpolated Kneser–Ney), or 0 to estimate
     * modified Kneser–Ney discounts.
     *
     * @param d 0, or a discount in (0, 1]
     * @return the new options
     * @throws IllegalArgumentException if {@code d} is neither 0 nor in (0, 1]
     */
    public NGramOptions withDiscount(double d) {
        return new NGramOptions(order, d);
    }

    /**
     * Whether the discounts are estimated from counts of counts (modified Kneser–Ney).
     *
     * @return {@code discount == 0}
     */
    public boolean estimatesDiscounts() {
        return discount == 0;
    }
}
