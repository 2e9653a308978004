package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/** Defensive copies and formatting shared by the result records. */
final class ResultArrays {

    private ResultArrays() {
    }

    static double[] copy(double[] values, String name) {
        return Checks.notNull(values, name).clone();
    }

    static double[][] copy(double[][] values, String name) {
        Checks.notNull(values, name);
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = Checks.notNull(values[i], name + "[" + i + "]").clone();
        }
        return out;
    }

    /** A number as a notebook shows it: 6 significant digits, locale-independent. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
