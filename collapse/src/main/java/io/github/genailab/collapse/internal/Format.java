package io.github.genailab.collapse.internal;

import java.util.Locale;

/** Number formatting for the one-line {@code toString()}s: 4 significant digits, Locale.ROOT. */
public final class Format {

    private Format() {
    }

    public static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    public static String tuple(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(v[i]));
        }
        return s.append(')').toString();
    }
}
