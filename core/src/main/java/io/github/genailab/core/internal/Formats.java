package io.github.genailab.core.internal;

import java.util.Locale;

/**
 * Number formatting for the one-line {@code toString()}s of every module: significant digits,
 * {@link Locale#ROOT}, so a notebook prints the same text in every locale.
 *
 * @since 0.1.0
 */
public final class Formats {

    private Formats() {
    }

    /**
     * A number with {@code digits} significant digits ({@code %.<digits>g}).
     *
     * @param value the number
     * @param digits significant digits, at least 1
     * @return the text
     */
    public static String significant(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "g", value);
    }

    /**
     * A tuple {@code (a, b, c)} of numbers with {@code digits} significant digits each.
     *
     * @param values the numbers
     * @param digits significant digits, at least 1
     * @return the text
     */
    public static String tuple(double[] values, int digits) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(significant(values[i], digits));
        }
        return s.append(')').toString();
    }
}
