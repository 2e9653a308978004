package io.github.genailab.core.stats;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import java.util.Arrays;
import java.util.Locale;

/**
 * A receiver operating characteristic curve and its area, computed exactly as scikit-learn's
 * {@code roc_curve} and {@code auc} compute them, ties included, so AUC and TPR-at-FPR values equal
 * the Python references' bit for bit. Higher score means "positive" (for membership inference:
 * member).
 *
 * <p>Algorithm ({@code sklearn/metrics/_ranking.py}, {@code _binary_clf_curve} and {@code roc_curve}):
 * <ol>
 *   <li>sort the scores in descending order; every distinct score is a threshold, and tied scores
 *       move the curve together (a diagonal step: ties earn half credit);</li>
 *   <li>at each threshold {@code tps} = positives and {@code fps} = negatives scored {@code >=} it;</li>
 *   <li>{@code dropIntermediate} (scikit-learn's default, {@code drop_intermediate=True}) keeps the
 *       first and last points and every point where the second difference of {@code fps} or of
 *       {@code tps} is non-zero, i.e. it drops points that are collinear with their neighbours on a
 *       horizontal or vertical run;</li>
 *   <li>prepend (0, 0) with threshold {@code +Infinity}; {@code fpr = fps / negatives},
 *       {@code tpr = tps / positives};</li>
 *   <li>{@code auc = sum_i (fpr[i+1] - fpr[i]) (tpr[i+1] + tpr[i]) / 2}, the trapezoid rule summed
 *       with numpy's pairwise summation ({@link PairwiseSum}), as {@code np.trapz}.</li>
 * </ol>
 * Conventions that ports get wrong: {@code dropIntermediate} changes TPR-at-FPR values (and the last
 * bits of the AUC), so the two must be chosen together; the reference metrics read the (possibly
 * reduced) curve: DPC and MIMIR take the last TPR with {@code fpr < x} ({@link #tprAtFprBelow}),
 * Min-K%++ the last with {@code fpr <= x} ({@link #tprAtFprAtMost}) and FPR@95 as the first FPR with
 * {@code tpr >= 0.95} ({@link #fprAtTprAtLeast}). A rank-sum (Mann–Whitney) AUC or a naive trapezoid
 * sum agrees only to about 1e-12.
 *
 * <p>Deviations from scikit-learn: the first threshold is {@code +Infinity} as in scikit-learn 1.3+
 * (1.2 used {@code max + 1}; thresholds never enter the metrics). Scores and labels that contain only
 * one class are rejected with an {@link IllegalArgumentException}, where scikit-learn returns NaN rates
 * with a warning. Non-finite scores are rejected, as scikit-learn does.
 *
 * <p>Complexity: O(n log n) for the sort, O(n) memory; the metric queries are O(curve length).
 * Instances are immutable.
 *
 * <p>Reference: F. Pedregosa et al., "Scikit-learn: machine learning in Python", JMLR 12:2825–2830,
 * 2011 ({@code scikit-learn/scikit-learn:sklearn/metrics/_ranking.py}, checked against Debian
 * scikit-learn 1.2.1). T. Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters
 * 27(8):861–874, 2006.
 *
 * @since 0.1.0
 */
public final class RocCurve {

    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final int positives;
    private final int negatives;
    private final boolean dropIntermediate;
    private final double auc;

    private RocCurve(int[] fps, int[] tps, double[] thresholds, int positives, int negatives,
            boolean dropIntermediate) {
        int n = fps.length;
        this.fpr = new double[n];
        this.tpr = new double[n];
        for (int i = 0; i < n; i++) {
            fpr[i] = (double) fps[i] / negatives;
            tpr[i] = (double) tps[i] / positives;
        }
        this.thresholds = thresholds;
        this.positives = positives;
        this.negatives = negatives;
        this.dropIntermediate = dropIntermediate;
        double[] trapezoids = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            trapezoids[i] = (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
        }
        this.auc = PairwiseSum.sum(trapezoids);
    }

    /**
     * The ROC curve with scikit-learn's default {@code drop_intermediate=True}.
     *
     * @param scores the scores, finite, higher means positive (not modified)
     * @param positive the labels, {@code true} for the positive class (not modified)
     * @return the curve
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a score is not
     *     finite, or only one class is present
     */
    public static RocCurve of(double[] scores, boolean[] positive) {
        return of(scores, positive, true);
    }

    /**
     * The ROC curve, optionally keeping every threshold.
     *
     * @param scores the scores, finite, higher means positive (not modified)
     * @param positive the labels, {@code true} for the positive class (not modified)
     * @param dropIntermediate drop collinear points as scikit-learn's default does
     * @return the curve
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a score is not
     *     finite, or only one class is present
     */
    public static RocCurve of(double[] scores, boolean[] positive, boolean dropIntermediate) {
        Checks.allFinite(Checks.nonEmpty(scores, "scores"), "scores");
        Checks.notNull(positive, "positive");
        Checks.sameLength(scores.length, positive.length, "scores", "positive");
        int p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        int n = scores.length - p;
        if (p == 0 || n == 0) {
            throw Checks.fail("positive", "contain both classes (the ROC curve is undefined otherwise)",
                    p + " positives and " + n + " negatives");
        }
        double[] pos = new double[p];
        double[] neg = new double[n];
        for (int i = 0, ip = 0, in = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[ip++] = scores[i];
            } else {
                neg[in++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // Walk both sorted lists from the top; one point per distinct score (0.0 == -0.0, as numpy).
        int[] fps = new int[scores.length + 1];
        int[] tps = new int[scores.length + 1];
        double[] thr = new double[scores.length + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int ip = p - 1;
        int in = n - 1;
        while (ip >= 0 || in >= 0) {
            double s = ip < 0 ? neg[in] : in < 0 ? pos[ip] : Math.max(pos[ip], neg[in]);
            while (ip >= 0 && pos[ip] == s) {
                ip--;
            }
            while (in >= 0 && neg[in] == s) {
                in--;
            }
            tps[points] = p - 1 - ip;
            fps[points] = n - 1 - in;
            thr[points] = s;
            points++;
        }
        int[] keep = dropIntermediate ? nonCollinear(fps, tps, points) : identity(points);
        int[] keptFps = new int[keep.length];
        int[] keptTps = new int[keep.length];
        double[] keptThr = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            keptFps[i] = fps[keep[i]];
            keptTps[i] = tps[keep[i]];
            keptThr[i] = thr[keep[i]];
        }
        return new RocCurve(keptFps, keptTps, keptThr, p, n, dropIntermediate);
    }

    /**
     * Indices of the prepended origin plus scikit-learn's kept thresholds: with the origin at index 0,
     * threshold points are {@code 1..points-1}; among them the first, the last and those with a non-zero
     * second difference survive (only when there are more than two thresholds).
     */
    private static int[] nonCollinear(int[] fps, int[] tps, int points) {
        int thresholds = points - 1;
        if (thresholds <= 2) {
            return identity(points);
        }
        int[] keep = new int[points];
        int kept = 0;
        keep[kept++] = 0;
        keep[kept++] = 1;
        for (int i = 2; i < points - 1; i++) {
            boolean bendF = fps[i + 1] - fps[i] != fps[i] - fps[i - 1];
            boolean bendT = tps[i + 1] - tps[i] != tps[i] - tps[i - 1];
            if (bendF || bendT) {
                keep[kept++] = i;
            }
        }
        keep[kept++] = points - 1;
        return Arrays.copyOf(keep, kept);
    }

    private static int[] identity(int points) {
        int[] all = new int[points];
        for (int i = 0; i < points; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * False-positive rates, non-decreasing from 0 to 1.
     *
     * @return a copy
     */
    public double[] fpr() {
        return fpr.clone();
    }

    /**
     * True-positive rates, non-decreasing from 0 to 1.
     *
     * @return a copy
     */
    public double[] tpr() {
        return tpr.clone();
    }

    /**
     * Decreasing thresholds: point i counts the scores {@code >= thresholds[i]} as positive; the first
     * is {@code +Infinity} (the origin).
     *
     * @return a copy
     */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The number of points on the curve, including the origin.
     *
     * @return the length of {@link #fpr()}
     */
    public int size() {
        return fpr.length;
    }

    /**
     * The number of positive examples.
     *
     * @return at least 1
     */
    public int positives() {
        return positives;
    }

    /**
     * The number of negative examples.
     *
     * @return at least 1
     */
    public int negatives() {
        return negatives;
    }

    /**
     * Whether collinear points were dropped (scikit-learn's default).
     *
     * @return the flag the curve was built with
     */
    public boolean dropIntermediate() {
        return dropIntermediate;
    }

    /**
     * The area under the curve, as {@code sklearn.metrics.auc(fpr, tpr)}.
     *
     * @return the AUC in [0, 1]
     */
    public double auc() {
        return auc;
    }

    /**
     * The TPR of the last point with {@code fpr < maxFpr} (strict; the convention of the Min-K% Prob
     * and MIMIR evaluation code, {@code tpr[np.where(fpr < x)[0][-1]]}).
     *
     * @param maxFpr the exclusive FPR bound, in (0, 1]
     * @return the TPR at that operating point
     * @throws IllegalArgumentException if {@code maxFpr} is outside (0, 1]
     */
    public double tprAtFprBelow(double maxFpr) {
        Checks.inLeftOpenInterval(maxFpr, 0, 1, "maxFpr");
        int last = 0;
        for (int i = 0; i < fpr.length && fpr[i] < maxFpr; i++) {
            last = i;
        }
        return tpr[last];
    }

    /**
     * The TPR of the last point with {@code fpr <= maxFpr} (inclusive; the Min-K%++ convention).
     *
     * @param maxFpr the inclusive FPR bound, in [0, 1]
     * @return the TPR at that operating point
     * @throws IllegalArgumentException if {@code maxFpr} is outside [0, 1]
     */
    public double tprAtFprAtMost(double maxFpr) {
        Checks.inClosedInterval(maxFpr, 0, 1, "maxFpr");
        int last = 0;
        for (int i = 0; i < fpr.length && fpr[i] <= maxFpr; i++) {
            last = i;
        }
        return tpr[last];
    }

    /**
     * The FPR of the first point with {@code tpr >= minTpr} (e.g. FPR@95%TPR with 0.95).
     *
     * @param minTpr the TPR to reach, in [0, 1]
     * @return the FPR at that operating point
     * @throws IllegalArgumentException if {@code minTpr} is outside [0, 1]
     */
    public double fprAtTprAtLeast(double minTpr) {
        Checks.inClosedInterval(minTpr, 0, 1, "minTpr");
        int i = 0;
        while (tpr[i] < minTpr) {
            i++;
        }
        return fpr[i];
    }

    /**
     * Curves are equal when built from equivalent inputs: same points, thresholds, counts and flag.
     *
     * @param o the other object
     * @return whether {@code o} is an equal curve
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve r && positives == r.positives && negatives == r.negatives
                && dropIntermediate == r.dropIntermediate && Arrays.equals(fpr, r.fpr)
                && Arrays.equals(tpr, r.tpr) && Arrays.equals(thresholds, r.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr)) + Arrays.hashCode(thresholds);
    }

    /**
     * One line: counts, AUC, number of points and the usual low-FPR operating points.
     *
     * @return e.g. {@code RocCurve[positives=10, negatives=10, auc=0.920000, points=5, tpr@fpr<0.05=0.100, fpr@tpr>=0.95=0.100]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "RocCurve[positives=%d, negatives=%d, auc=%.6f, points=%d, tpr@fpr<0.05=%.3f, fpr@tpr>=0.95=%.3f]",
                positives, negatives, auc, fpr.length, tprAtFprBelow(0.05), fprAtTprAtLeast(0.95));
    }
}
