package io.github.genailab.watermark.eval;

import java.util.Locale;

/**
 * One attack strength of an {@link AttackSweep}: how detection fares when the watermarked texts are attacked at
 * {@code rate} (human texts untouched).
 *
 * @param rate the attack's per-token edit probability
 * @param result human versus attacked watermarked texts at this rate
 *
 * @since 0.1.0
 */
public record SweepPoint(double rate, DetectionExperimentResult result) {

    /**
     * One line: the rate, mean z of the attacked texts, detection rate at the threshold, TPR at the target FPR and AUC.
     *
     * @return e.g. {@code "SweepPoint[rate=0.20: mean z=6.41, TPR=0.95 at z > 4.0, TPR@FPR<=0.01=1.00, AUC=0.9990]"}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweepPoint[rate=%.2f: mean z=%.2f, TPR=%.2f at z > %s, TPR@FPR<=%s=%.2f, AUC=%.4f]",
                rate, result.meanWatermarkedZ(), result.truePositiveRate(), result.zThreshold(), result.targetFpr(),
                result.tprAtTargetFpr(), result.auc());
    }
}
