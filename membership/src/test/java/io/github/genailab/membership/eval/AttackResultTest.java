package io.github.genailab.membership.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttackResultTest {

    /** TV4 of docs/membership-conventions.md (scikit-learn 1.2.1, drop_intermediate=True). */
    @Test
    void tv4MetricsMatchScikitLearn() {
        double[] members = {10, 9, 8, 6, 5, 4, 3, 2, 1, 0};
        double[] nonMembers = {9, 8, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18};
        double[] scores = new double[30];
        boolean[] member = new boolean[30];
        System.arraycopy(members, 0, scores, 0, 10);
        System.arraycopy(nonMembers, 0, scores, 10, 20);
        for (int i = 0; i < 10; i++) {
            member[i] = true;
        }
        AttackResult r = AttackResult.of("TV4", scores, member);
        assertThat(r.auc()).isEqualTo(0.92);
        assertThat(r.tprAt5FprInclusive()).isEqualTo(0.1);
        assertThat(r.tprAt5FprStrict()).isEqualTo(0.1);
        assertThat(r.members()).isEqualTo(10);
        assertThat(r.nonMembers()).isEqualTo(20);
    }

    /** TV5: ties; fpr = [0, 0, 2/3, 1], tpr = [0, 1/3, 1, 1]. */
    @Test
    void tv5TiesEarnHalfCredit() {
        AttackResult r = AttackResult.of("TV5", new double[] {0.9, 0.5, 0.5, 0.1, 0.3, 0.3},
                new boolean[] {true, true, false, false, true, false});
        assertThat(r.auc()).isEqualTo(0.7777777777777778);
        assertThat(r.fprAt95Tpr()).isEqualTo(2.0 / 3);
        assertThat(r.tprAt5FprStrict()).isEqualTo(1.0 / 3);
        assertThat(r.accuracy()).isEqualTo(0.6666666666666667); // numpy: max(1 - (fpr + (1 - tpr)) / 2)
        assertThat(r.toString()).isEqualTo("TV5: AUC 0.7778, TPR@5%FPR 0.333, FPR@95%TPR 0.667, acc 0.667 (3 vs 3)");
    }

    @Test
    void aPerfectScoreHasAucOneAndAccuracyOne() {
        AttackResult r = AttackResult.of("perfect", new double[] {3, 2, 1, 0}, new boolean[] {true, true, false, false});
        assertThat(r.auc()).isEqualTo(1.0);
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.fprAt95Tpr()).isZero();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> AttackResult.of(null, new double[] {1, 0}, new boolean[] {true, false}))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attack");
        assertThatThrownBy(() -> AttackResult.of("x", new double[] {1, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[1]");
        assertThatThrownBy(() -> AttackResult.of("x", new double[] {1, 0}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member must mark both");
        assertThatThrownBy(() -> AttackResult.of("x", new double[] {1, 0}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member");
    }
}
