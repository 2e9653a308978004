package io.github.genailab.watermark.eval;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One watermark's line of a {@link WatermarkComparisonResult}: detectability, robustness and quality, all
 * measured on the same prompts and human texts as every other line.
 *
 * <pre>
 *   truePositiveRate   = #{watermarked texts with p &lt; alpha} / #watermarked           (full length)
 *   falsePositiveRate  = #{human texts with p &lt; alpha} / #human                       (should be about alpha)
 *   auc, tprAtFpr1, tprAtFpr01 = ROC of -ln p, watermarked versus human (scikit-learn's conventions)
 *   tprByLength[i]     = the true-positive rate on the first lengths[i] tokens of each text
 *   tprUnderAttack     = the true-positive rate after each attack
 *   perplexity         = exp(mean -ln p_model(x_t | prompt, x_&lt;t)) of the watermarked texts (the model as oracle)
 *   stepKl             = mean over contexts of KL(q_key || p): how far one key moves the next-token distribution
 *   keyAveragedChiSquare = mean over contexts of chi2(E_key[q_key] || p), estimated without bias from K keys:
 *                        0 for a distribution-preserving family, positive for one that shifts p on average
 * </pre>
 * Values that a line cannot have (the distribution shift of beam search) are NaN and print as "-".
 *
 * @param watermark the family's name (with the decoding, for the beam-search line)
 * @param detectionNeedsModel whether the detector read the model
 * @param truePositiveRate TPR at {@code p < alpha}
 * @param falsePositiveRate FPR at {@code p < alpha}
 * @param auc the ROC AUC
 * @param tprAtFpr1 the TPR at FPR at most 1%
 * @param tprAtFpr01 the TPR at FPR at most 0.1%
 * @param tprByLength the TPR at each prefix length of the options
 * @param tprUnderAttack the TPR after each attack, in the comparison's order
 * @param perplexity the oracle perplexity of the watermarked texts
 * @param stepKl mean KL of one key's next-token distribution from the model's, in nats
 * @param keyAveragedChiSquare the estimated chi-square divergence of the key-averaged next-token distribution
 *     from the model's
 * @param chiSquareError the standard error of {@code keyAveragedChiSquare} over the contexts
 * @param meanTokensScored the mean number of tokens the detector scored per watermarked text
 *
 * @since 0.1.0
 */
public record ComparisonRow(String watermark, boolean detectionNeedsModel, double truePositiveRate,
        double falsePositiveRate, double auc, double tprAtFpr1, double tprAtFpr01, double[] tprByLength,
        Map<String, Double> tprUnderAttack, double perplexity, double stepKl, double keyAveragedChiSquare,
        double chiSquareError, double meanTokensScored) {

    /**
     * Copies the array and the map in.
     *
     * @param watermark the family's name
     * @param detectionNeedsModel whether the detector read the model
     * @param truePositiveRate TPR at {@code p < alpha}
     * @param falsePositiveRate FPR at {@code p < alpha}
     * @param auc the ROC AUC
     * @param tprAtFpr1 the TPR at FPR at most 1%
     * @param tprAtFpr01 the TPR at FPR at most 0.1%
     * @param tprByLength the TPR at each prefix length
     * @param tprUnderAttack the TPR after each attack
     * @param perplexity the oracle perplexity of the watermarked texts
     * @param stepKl mean KL of one key's distribution, NaN if not measured
     * @param keyAveragedChiSquare the key-averaged chi-square, NaN if not measured
     * @param chiSquareError its standard error, NaN if not measured
     * @param meanTokensScored mean tokens scored per watermarked text
     * @throws NullPointerException if a reference component is null
     */
    public ComparisonRow {
        Checks.notNull(watermark, "watermark");
        tprByLength = Checks.notNull(tprByLength, "tprByLength").clone();
        tprUnderAttack = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(tprUnderAttack,
                "tprUnderAttack")));
    }

    /**
     * Returns a copy of the per-length true-positive rates.
     *
     * @return one rate per prefix length
     */
    @Override
    public double[] tprByLength() {
        return tprByLength.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonRow r && watermark.equals(r.watermark)
                && detectionNeedsModel == r.detectionNeedsModel
                && Double.compare(truePositiveRate, r.truePositiveRate) == 0
                && Double.compare(falsePositiveRate, r.falsePositiveRate) == 0 && Double.compare(auc, r.auc) == 0
                && Double.compare(tprAtFpr1, r.tprAtFpr1) == 0 && Double.compare(tprAtFpr01, r.tprAtFpr01) == 0
                && Arrays.equals(tprByLength, r.tprByLength) && tprUnderAttack.equals(r.tprUnderAttack)
                && Double.compare(perplexity, r.perplexity) == 0 && Double.compare(stepKl, r.stepKl) == 0
                && Double.compare(keyAveragedChiSquare, r.keyAveragedChiSquare) == 0
                && Double.compare(chiSquareError, r.chiSquareError) == 0
                && Double.compare(meanTokensScored, r.meanTokensScored) == 0;
    }

    @Override
    public int hashCode() {
        return watermark.hashCode() * 31 + Arrays.hashCode(tprByLength) + tprUnderAttack.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ComparisonRow[%s: TPR=%.3f FPR=%.3f AUC=%.4f TPR@1%%=%.3f ppl=%.2f KL=%s]",
                watermark, truePositiveRate, falsePositiveRate, auc, tprAtFpr1, perplexity,
                Double.isNaN(stepKl) ? "-" : String.format(Locale.ROOT, "%.3f", stepKl));
    }
}
