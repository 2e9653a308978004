package io.github.genailab.membership.eval;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.stats.RocCurve;
import java.util.Locale;

/**
 * How well one membership score separates members from non-members: its ROC curve and the metrics
 * the reference papers report.
 *
 * <p>All metrics are read from the scikit-learn-compatible curve ({@code drop_intermediate=True}),
 * so they equal the Python references' numbers:
 * <pre>
 *   auc                 area under the ROC curve (ties count half)
 *   tprAt5FprStrict     last TPR with FPR &lt; 0.05   (detect-pretrain-code, MIMIR)
 *   tprAt5FprInclusive  last TPR with FPR &lt;= 0.05  (mink-plus-plus "tpr05")
 *   fprAt95Tpr          first FPR with TPR &gt;= 0.95 (mink-plus-plus "fpr95")
 *   accuracy            max over thresholds of 1 - (FPR + 1 - TPR) / 2 (detect-pretrain-code)
 * </pre>
 * With few non-members TPR at a low FPR is coarse: one false positive among 41 non-members already
 * costs 2.4% FPR.
 *
 * @param attack the score's name
 * @param roc the ROC curve (members positive)
 * @param auc the area under the curve
 * @param tprAt5FprStrict the last TPR with FPR &lt; 5%
 * @param tprAt5FprInclusive the last TPR with FPR &lt;= 5%
 * @param fprAt95Tpr the first FPR with TPR &gt;= 95%
 * @param accuracy the best balanced accuracy over thresholds
 *
 * @since 0.1.0
 */
public record AttackResult(String attack, RocCurve roc, double auc, double tprAt5FprStrict, double tprAt5FprInclusive,
                           double fprAt95Tpr, double accuracy) {

    /**
     * Validates the record.
     *
     * @param attack the score's name
     * @param roc the ROC curve (members positive)
     * @param auc the area under the curve, in [0, 1]
     * @param tprAt5FprStrict the last TPR with FPR &lt; 5%, in [0, 1]
     * @param tprAt5FprInclusive the last TPR with FPR &lt;= 5%, in [0, 1]
     * @param fprAt95Tpr the first FPR with TPR &gt;= 95%, in [0, 1]
     * @param accuracy the best balanced accuracy, in [0, 1]
     * @throws NullPointerException if {@code attack} or {@code roc} is null
     * @throws IllegalArgumentException if a metric is outside [0, 1]
     */
    public AttackResult {
        Checks.notNull(attack, "attack");
        Checks.notNull(roc, "roc");
        Checks.inClosedInterval(auc, 0, 1, "auc");
        Checks.inClosedInterval(tprAt5FprStrict, 0, 1, "tprAt5FprStrict");
        Checks.inClosedInterval(tprAt5FprInclusive, 0, 1, "tprAt5FprInclusive");
        Checks.inClosedInterval(fprAt95Tpr, 0, 1, "fprAt95Tpr");
        Checks.inClosedInterval(accuracy, 0, 1, "accuracy");
    }

    /**
     * Evaluates one score.
     *
     * @param attack the score's name
     * @param scores one score per text (higher means more likely a member), finite
     * @param member whether each text is a member; both classes must occur
     * @return the metrics
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, a score is not finite or one class is
     *     missing
     */
    public static AttackResult of(String attack, double[] scores, boolean[] member) {
        Checks.notNull(attack, "attack");
        Checks.allFinite(Checks.nonEmpty(scores, "scores"), "scores");
        Checks.notNull(member, "member");
        Checks.sameLength(scores.length, member.length, "scores", "member");
        int members = 0;
        for (boolean m : member) {
            members += m ? 1 : 0;
        }
        if (members == 0 || members == member.length) {
            throw Checks.fail("member", "mark both members and non-members (the ROC curve is undefined otherwise)",
                    members + " members of " + member.length);
        }
        RocCurve roc = RocCurve.of(scores, member);
        double[] fpr = roc.fpr();
        double[] tpr = roc.tpr();
        double accuracy = 0;
        for (int i = 0; i < fpr.length; i++) {
            accuracy = Math.max(accuracy, 1 - (fpr[i] + (1 - tpr[i])) / 2);
        }
        return new AttackResult(attack, roc, roc.auc(), roc.tprAtFprBelow(0.05), roc.tprAtFprAtMost(0.05),
                roc.fprAtTprAtLeast(0.95), accuracy);
    }

    /**
     * The number of members.
     *
     * @return the positives of the curve
     */
    public int members() {
        return roc.positives();
    }

    /**
     * The number of non-members.
     *
     * @return the negatives of the curve
     */
    public int nonMembers() {
        return roc.negatives();
    }

    /**
     * One line, e.g. {@code Min-K% 20%: AUC 0.9812, TPR@5%FPR 0.713, FPR@95%TPR 0.093, acc 0.931 (300 vs 300)}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: AUC %.4f, TPR@5%%FPR %.3f, FPR@95%%TPR %.3f, acc %.3f (%d vs %d)", attack, auc,
                tprAt5FprStrict, fprAt95Tpr, accuracy, members(), nonMembers());
    }
}
