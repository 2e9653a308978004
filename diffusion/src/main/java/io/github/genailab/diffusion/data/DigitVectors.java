package io.github.genailab.diffusion.data;

import io.github.genailab.core.data.Digits;
import io.github.genailab.core.math.Checks;

/**
 * The bundled 8x8 digits ({@link Digits}) as vectors a diffusion model trains on, and back: grey levels
 * {@code 0..16} map linearly to {@code [-1, 1]} ({@code x = g / 8 - 1}), the scaling Ho et al. 2020
 * (section 4) apply to pixels.
 *
 * @since 0.1.0
 */
public final class DigitVectors {

    private DigitVectors() {
    }

    /**
     * Each image as 64 values in {@code [-1, 1]}, row-major.
     *
     * @param digits the images
     * @return a new {@code size x 64} matrix
     * @throws NullPointerException if {@code digits} is null
     */
    public static double[][] of(Digits digits) {
        Checks.notNull(digits, "digits");
        float[][] pixels = digits.pixels();
        double[][] out = new double[pixels.length][Digits.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            for (int k = 0; k < Digits.PIXELS; k++) {
                out[i][k] = pixels[i][k] / (Digits.MAX_GREY / 2.0) - 1;
            }
        }
        return out;
    }

    /**
     * A vector back to grey levels, clipped to {@code [0, 16]} (generated values may leave {@code [-1, 1]}).
     *
     * @param vector 64 finite values
     * @return 64 grey levels
     * @throws NullPointerException     if {@code vector} is null
     * @throws IllegalArgumentException if it does not hold 64 finite values
     */
    public static float[] toGrey(double[] vector) {
        Checks.allFinite(Checks.notNull(vector, "vector"), "vector");
        Checks.sameLength(vector.length, Digits.PIXELS, "vector", "an 8x8 image");
        float[] grey = new float[Digits.PIXELS];
        for (int k = 0; k < grey.length; k++) {
            grey[k] = (float) Math.min(Digits.MAX_GREY, Math.max(0, (vector[k] + 1) * (Digits.MAX_GREY / 2.0)));
        }
        return grey;
    }
}
