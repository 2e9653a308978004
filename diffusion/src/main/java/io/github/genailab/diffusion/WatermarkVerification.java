package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * One query of a model for its trigger watermark: how far the trigger's samples lie from the pattern,
 * against how far the ordinary classes' samples lie from it.
 *
 * @param triggerDistance  energy distance between the trigger's samples and the pattern
 * @param ordinaryDistance energy distance between the ordinary classes' samples, pooled, and the pattern
 * @param maxDistanceRatio the verification threshold on {@code triggerDistance / ordinaryDistance}
 *
 * @since 0.1.0
 */
public record WatermarkVerification(double triggerDistance, double ordinaryDistance, double maxDistanceRatio) {

    /**
     * Validates the numbers.
     *
     * @param triggerDistance  finite, {@code >= 0}
     * @param ordinaryDistance finite, {@code > 0}
     * @param maxDistanceRatio in {@code (0, 1]}
     * @throws IllegalArgumentException if a number is out of range or NaN
     */
    public WatermarkVerification {
        Checks.finite(triggerDistance, "triggerDistance");
        Checks.nonNegative(triggerDistance, "triggerDistance");
        Checks.finite(ordinaryDistance, "ordinaryDistance");
        Checks.positive(ordinaryDistance, "ordinaryDistance");
        Checks.inLeftOpenInterval(maxDistanceRatio, 0, 1, "maxDistanceRatio");
    }

    /**
     * {@code triggerDistance / ordinaryDistance}: near 0 when the trigger reproduces the pattern, near or
     * above 1 when it behaves like any other class.
     *
     * @return the ratio
     */
    public double ratio() {
        return triggerDistance / ordinaryDistance;
    }

    /**
     * Whether the watermark is present: {@code ratio() <= maxDistanceRatio}.
     *
     * @return the verdict
     */
    public boolean verified() {
        return ratio() <= maxDistanceRatio;
    }

    /**
     * One line.
     *
     * @return e.g. {@code WatermarkVerification[present: trigger 0.012 vs ordinary 1.31 (ratio 0.009 <= 0.25)]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WatermarkVerification[%s: trigger %.3g vs ordinary %.3g (ratio %.3g %s %.3g)]",
                verified() ? "present" : "absent", triggerDistance, ordinaryDistance, ratio(), verified() ? "<=" : ">",
                maxDistanceRatio);
    }
}
