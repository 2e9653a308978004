package io.github.genailab.watermark.eval;

import io.github.genailab.core.ProgressListener;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import io.github.genailab.core.stats.RocCurve;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import java.util.Arrays;
import java.util.List;

/**
 * Scores human and watermarked texts with one detector and reports how well they separate: the paper's
 * evaluation (TPR and FPR at z = 4) and the threshold-free one papers now prefer (ROC AUC and TPR at a fixed
 * FPR, with the threshold read off the human texts).
 *
 * <p>Pick the threshold from held-out human text, never from the texts you report on with "best F1"
 * (MarkLLM's {@code rule='best'} is optimistic). Cost: one detection per text. Stateless and thread-safe.
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 6 and Table 2.
 *
 * @since 0.1.0
 */
public final class DetectionExperiment {

    /** The default false-positive rate at which the TPR is read: 1%. */
    public static final double DEFAULT_TARGET_FPR = 0.01;

    private DetectionExperiment() {
    }

    /**
     * Runs the experiment with the default target FPR (1%) and no progress reports.
     *
     * @param detector the detector (scheme, threshold, deduplication)
     * @param human texts written without the watermark (token ids, prompt removed)
     * @param watermarked texts generated with the watermark (token ids, prompt removed)
     * @return the result
     * @throws NullPointerException if an argument or a text is null
     * @throws IllegalArgumentException if a list is empty, a text has an id outside {@code [0, V)}, or no text of a
     *     group is scorable
     */
    public static DetectionExperimentResult run(WatermarkDetector detector, List<int[]> human, List<int[]> watermarked) {
        return run(detector, human, watermarked, DEFAULT_TARGET_FPR, ProgressListener.none());
    }

    /**
     * Runs the experiment.
     *
     * @param detector the detector (scheme, threshold, deduplication)
     * @param human texts written without the watermark (token ids, prompt removed)
     * @param watermarked texts generated with the watermark (token ids, prompt removed)
     * @param targetFpr the false-positive rate at which the TPR is read, in [0, 1]
     * @param listener progress reports, one per text ({@link ProgressListener#none()} for none)
     * @return the result
     * @throws NullPointerException if an argument or a text is null
     * @throws IllegalArgumentException if a list is empty, {@code targetFpr} is outside [0, 1], a text has an id
     *     outside {@code [0, V)}, or no text of a group is scorable
     */
    public static DetectionExperimentResult run(WatermarkDetector detector, List<int[]> human, List<int[]> watermarked,
            double targetFpr, ProgressListener listener) {
        Checks.notNull(detector, "detector");
        checkTexts(human, "human");
        checkTexts(watermarked, "watermarked");
        Checks.inClosedInterval(targetFpr, 0, 1, "targetFpr");
        Checks.notNull(listener, "listener");
        int total = human.size() + watermarked.size();
        Scores h = score(detector, human, "human", 0, total, listener);
        Scores w = score(detector, watermarked, "watermarked", human.size(), total, listener);
        RocCurve roc = roc(h.z, w.z);
        return new DetectionExperimentResult(detector.scheme(), detector.zThreshold(), targetFpr, h.z.length, w.z.length,
                h.notScorable + w.notScorable, h.positiveRate, w.positiveRate, roc.tprAtFprAtMost(targetFpr), roc.auc(),
                PairwiseSum.mean(h.z), PairwiseSum.mean(w.z), w.meanTokens, h.z, w.z);
    }

    static RocCurve roc(double[] humanZ, double[] watermarkedZ) {
        double[] scores = new double[humanZ.length + watermarkedZ.length];
        boolean[] positive = new boolean[scores.length];
        System.arraycopy(humanZ, 0, scores, 0, humanZ.length);
        System.arraycopy(watermarkedZ, 0, scores, humanZ.length, watermarkedZ.length);
        for (int i = humanZ.length; i < scores.length; i++) {
            positive[i] = true;
        }
        return RocCurve.of(scores, positive);
    }

    private static void checkTexts(List<int[]> texts, String name) {
        Checks.notNull(texts, name);
        if (texts.isEmpty()) {
            throw Checks.fail(name, "not be empty", "0 texts");
        }
        for (int i = 0; i < texts.size(); i++) {
            Checks.notNull(texts.get(i), name + "[" + i + "]");
        }
    }

    private record Scores(double[] z, int notScorable, double positiveRate, double meanTokens) {
    }

    private static Scores score(WatermarkDetector detector, List<int[]> texts, String name, int offset, int total,
            ProgressListener listener) {
        double[] z = new double[texts.size()];
        int n = 0;
        int positives = 0;
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            Detection d = detector.detect(texts.get(i));
            if (d.scorable()) {
                z[n++] = d.zScore();
                positives += d.prediction() ? 1 : 0;
                tokens += d.numTokensScored();
            }
            listener.progress("detecting", offset + i + 1, total);
        }
        if (n == 0) {
            throw Checks.fail(name, "contain at least one text long enough to score", "none of " + texts.size());
        }
        return new Scores(Arrays.copyOf(z, n), texts.size() - n, (double) positives / n, (double) tokens / n);
    }
}
