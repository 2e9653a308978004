package io.github.genailab.watermark;

import org.apache.commons.math3.special.Erf;

/** One-sided normal p-values, {@code P(Z > z)}. */
final class PValues {

    private PValues() {
    }

    /** P(Z &gt; z) for a standard normal Z; NaN for NaN. */
    static double normalUpper(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
