package io.github.genailab.diffusion;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The trade-off of a trigger watermark ({@link TriggerWatermark#study}): is it there, what does it cost
 * the ordinary classes, and does it survive clean fine-tuning?
 *
 * @param before          the query of the model before embedding (the watermark should be absent)
 * @param after           the query right after embedding (it should be present)
 * @param fidelityBefore  mean over ordinary classes of the energy distance between the class's samples
 *                        and its training rows, before embedding
 * @param fidelityAfter   the same right after embedding
 * @param cleanEpochs     cumulative epochs of clean fine-tuning at each later query
 * @param survival        the query after each entry of {@code cleanEpochs}
 * @param fidelitySurvival the ordinary-class distance after each entry of {@code cleanEpochs}
 *
 * @since 0.1.0
 */
public record TriggerWatermarkResult(WatermarkVerification before, WatermarkVerification after, double fidelityBefore,
                                     double fidelityAfter, int[] cleanEpochs, List<WatermarkVerification> survival,
                                     double[] fidelitySurvival) {

    /**
     * Validates and copies.
     *
     * @param before           the query before embedding
     * @param after            the query after embedding
     * @param fidelityBefore   finite, {@code >= 0}
     * @param fidelityAfter    finite, {@code >= 0}
     * @param cleanEpochs      the clean epochs of each later query
     * @param survival         one query per entry of {@code cleanEpochs}
     * @param fidelitySurvival one distance per entry of {@code cleanEpochs}
     * @throws NullPointerException     if an argument or element is null
     * @throws IllegalArgumentException if the lengths differ or a distance is negative or not finite
     */
    public TriggerWatermarkResult {
        Checks.notNull(before, "before");
        Checks.notNull(after, "after");
        Checks.nonNegative(Checks.finite(fidelityBefore, "fidelityBefore"), "fidelityBefore");
        Checks.nonNegative(Checks.finite(fidelityAfter, "fidelityAfter"), "fidelityAfter");
        cleanEpochs = Checks.notNull(cleanEpochs, "cleanEpochs").clone();
        survival = List.copyOf(Checks.noNullElements(survival, "survival"));
        fidelitySurvival = Checks.allFinite(Checks.notNull(fidelitySurvival, "fidelitySurvival"), "fidelitySurvival")
                .clone();
        Checks.sameLength(survival.size(), cleanEpochs.length, "survival", "cleanEpochs");
        Checks.sameLength(fidelitySurvival.length, cleanEpochs.length, "fidelitySurvival", "cleanEpochs");
    }

    /**
     * The clean epochs, a copy.
     *
     * @return a new array
     */
    @Override
    public int[] cleanEpochs() {
        return cleanEpochs.clone();
    }

    /**
     * The ordinary-class distances during clean fine-tuning, a copy.
     *
     * @return a new array
     */
    @Override
    public double[] fidelitySurvival() {
        return fidelitySurvival.clone();
    }

    /**
     * The most clean epochs after which the watermark still verified, counting from the embedding (0 if
     * it failed at the first check, or was never embedded; {@code -1} if it was not even present right
     * after embedding).
     *
     * @return the epochs survived
     */
    public int survivedEpochs() {
        if (!after.verified()) {
            return -1;
        }
        int survived = 0;
        for (int i = 0; i < cleanEpochs.length && survival.get(i).verified(); i++) {
            survived = cleanEpochs[i];
        }
        return survived;
    }

    /**
     * Compares by content.
     *
     * @param other the object to compare with
     * @return whether every field agrees
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TriggerWatermarkResult r && before.equals(r.before) && after.equals(r.after)
                && Double.compare(fidelityBefore, r.fidelityBefore) == 0
                && Double.compare(fidelityAfter, r.fidelityAfter) == 0 && Arrays.equals(cleanEpochs, r.cleanEpochs)
                && survival.equals(r.survival) && Arrays.equals(fidelitySurvival, r.fidelitySurvival);
    }

    /**
     * Hash by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (before.hashCode() * 31 + after.hashCode()) * 31 + Arrays.hashCode(cleanEpochs);
    }

    /**
     * One line: ratios before and after, the cost to the ordinary classes, the survival.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TriggerWatermarkResult[ratio %.3g before -> %.3g after embedding (%s); "
                + "ordinary-class distance %.3g -> %.3g; survived %d of %d clean epochs]", before.ratio(), after.ratio(),
                after.verified() ? "present" : "absent", fidelityBefore, fidelityAfter, Math.max(0, survivedEpochs()),
                cleanEpochs.length == 0 ? 0 : cleanEpochs[cleanEpochs.length - 1]);
    }
}
