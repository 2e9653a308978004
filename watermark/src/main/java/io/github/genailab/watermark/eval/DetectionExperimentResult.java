package io.github.genailab.watermark.eval;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.stats.RocCurve;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Human versus watermarked texts scored by one detector: error rates at the detector's threshold, and the
 * threshold-free view (ROC AUC, TPR at a fixed FPR on the human texts).
 *
 * <pre>
 *   falsePositiveRate = #{human z &gt; threshold} / #human            (should be about P(Z &gt; threshold))
 *   truePositiveRate  = #{watermarked z &gt; threshold} / #watermarked
 *   tprAtTargetFpr    = TPR at the best threshold whose FPR on these human texts is &lt;= targetFpr
 *   auc               = area under the ROC curve of z (scikit-learn's roc_auc_score)
 * </pre>
 * Texts too short to score are left out of every rate and counted in {@code notScorable}.
 *
 * @param scheme the scheme detected
 * @param zThreshold the detector's threshold
 * @param targetFpr the false-positive rate at which {@code tprAtTargetFpr} is read
 * @param humanCount scorable human texts
 * @param watermarkedCount scorable watermarked texts
 * @param notScorable texts left out as too short
 * @param falsePositiveRate fraction of human texts called watermarked
 * @param truePositiveRate fraction of watermarked texts called watermarked
 * @param tprAtTargetFpr TPR at FPR &lt;= {@code targetFpr}
 * @param auc ROC AUC of the z-scores
 * @param meanHumanZ mean z of the human texts
 * @param meanWatermarkedZ mean z of the watermarked texts
 * @param meanTokensScored mean T of the watermarked texts
 * @param humanZ z-score of each scorable human text
 * @param watermarkedZ z-score of each scorable watermarked text
 *
 * @since 0.1.0
 */
public record DetectionExperimentResult(WatermarkScheme scheme, double zThreshold, double targetFpr, int humanCount,
        int watermarkedCount, int notScorable, double falsePositiveRate, double truePositiveRate,
        double tprAtTargetFpr, double auc, double meanHumanZ, double meanWatermarkedZ, double meanTokensScored,
        double[] humanZ, double[] watermarkedZ) {

    /**
     * Copies the arrays in.
     *
     * @param scheme the scheme detected
     * @param zThreshold the detector's threshold
     * @param targetFpr the false-positive rate at which {@code tprAtTargetFpr} is read
     * @param humanCount scorable human texts
     * @param watermarkedCount scorable watermarked texts
     * @param notScorable texts left out as too short
     * @param falsePositiveRate fraction of human texts called watermarked
     * @param truePositiveRate fraction of watermarked texts called watermarked
     * @param tprAtTargetFpr TPR at FPR &lt;= {@code targetFpr}
     * @param auc ROC AUC of the z-scores
     * @param meanHumanZ mean z of the human texts
     * @param meanWatermarkedZ mean z of the watermarked texts
     * @param meanTokensScored mean T of the watermarked texts
     * @param humanZ z-score of each scorable human text
     * @param watermarkedZ z-score of each scorable watermarked text
     * @throws NullPointerException if a reference component is null
     */
    public DetectionExperimentResult {
        Checks.notNull(scheme, "scheme");
        humanZ = Checks.notNull(humanZ, "humanZ").clone();
        watermarkedZ = Checks.notNull(watermarkedZ, "watermarkedZ").clone();
    }

    /**
     * Returns a copy of the human texts' z-scores.
     *
     * @return a fresh array
     */
    @Override
    public double[] humanZ() {
        return humanZ.clone();
    }

    /**
     * Returns a copy of the watermarked texts' z-scores.
     *
     * @return a fresh array
     */
    @Override
    public double[] watermarkedZ() {
        return watermarkedZ.clone();
    }

    /**
     * Returns the ROC curve of the z-scores (watermarked = positive), e.g. to plot it.
     *
     * @return the curve, scikit-learn's {@code roc_curve}
     */
    public RocCurve roc() {
        return DetectionExperiment.roc(humanZ, watermarkedZ);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionExperimentResult r && scheme.equals(r.scheme) && Double.compare(zThreshold, r.zThreshold) == 0
                && Double.compare(targetFpr, r.targetFpr) == 0 && notScorable == r.notScorable
                && Arrays.equals(humanZ, r.humanZ) && Arrays.equals(watermarkedZ, r.watermarkedZ);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, zThreshold, targetFpr, notScorable, Arrays.hashCode(humanZ),
                Arrays.hashCode(watermarkedZ));
    }

    /**
     * One line: rates at the threshold, AUC, TPR at the target FPR and the mean z of both groups.
     *
     * @return e.g. {@code "DetectionExperimentResult[lefthash: TPR=1.000 FPR=0.000 at z > 4.0, AUC=1.0000, ..."}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "DetectionExperimentResult[%s: TPR=%.3f FPR=%.3f at z > %s, AUC=%.4f, TPR@FPR<=%s=%.3f, mean z human=%.2f "
                        + "watermarked=%.2f, mean T=%.1f, texts %d human + %d watermarked%s]",
                scheme.name(), truePositiveRate, falsePositiveRate, zThreshold, auc, targetFpr, tprAtTargetFpr,
                meanHumanZ, meanWatermarkedZ, meanTokensScored, humanCount, watermarkedCount,
                notScorable > 0 ? ", " + notScorable + " not scorable" : "");
    }
}
