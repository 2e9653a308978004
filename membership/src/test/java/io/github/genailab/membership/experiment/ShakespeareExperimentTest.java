package io.github.genailab.membership.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.eval.AttackResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "must show" properties of the experiment on the bundled corpus, from one seeded run
 * with the default options (300 members and 300 non-members of 32 tokens, orders 1 to 4).
 *
 * <p>Tolerances: with 300 texts per class a chance-level AUC has standard error
 * sqrt((n1 + n2 + 1) / (12 n1 n2)) = 0.0236, so [0.4, 0.6] is more than four standard errors wide.
 */
class ShakespeareExperimentTest {

    private static MembershipExperimentResult result;
    private static final List<String> STEPS = new ArrayList<>();

    @BeforeAll
    static void run() {
        result = NGramMembershipExperiment.runOnShakespeare(MembershipExperimentOptions.defaults(), Rngs.seeded(42),
                (step, completed, total) -> STEPS.add(completed + "/" + total + " " + step));
    }

    @Test
    void theOrderFourModelIsDetectedWithAucAboveNinety() {
        assertThat(result.auc(4, "Min-K% 20%")).isGreaterThan(0.9);
        assertThat(result.auc(4, "Loss")).isGreaterThan(0.9);
    }

    @Test
    void controlsSitAtChance() {
        assertThat(result.disjointModel().auc()).isBetween(0.4, 0.6);
        assertThat(result.shuffledLabels().auc()).isBetween(0.4, 0.6);
        assertThat(result.compressedLength().auc()).isBetween(0.4, 0.6);
        assertThat(result.disjointModel().members()).isEqualTo(300);
        assertThat(result.disjointModel().nonMembers()).isEqualTo(300);
    }

    /** Rising with order: strictly from 1 to 2, then non-decreasing up to the ceiling of 1. */
    @Test
    void aucRisesWithOrder() {
        for (String attack : List.of("Min-K% 20%", "Loss", "Min-K% 5%")) {
            assertThat(result.auc(2, attack)).as(attack).isGreaterThan(result.auc(1, attack) + 0.2);
            assertThat(result.auc(3, attack)).as(attack).isGreaterThanOrEqualTo(result.auc(2, attack));
            assertThat(result.auc(4, attack)).as(attack).isGreaterThanOrEqualTo(result.auc(3, attack));
        }
    }

    @Test
    void aucRisesWithRepetition() {
        List<RepetitionResult> points = result.repetition();
        assertThat(points).extracting(RepetitionResult::repetitions).containsExactly(1, 4, 16);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).minK().auc()).isGreaterThan(points.get(i - 1).minK().auc() + 0.05);
            assertThat(points.get(i).loss().auc()).isGreaterThan(points.get(i - 1).loss().auc());
        }
    }

    /** A unigram model's mu and sigma do not depend on the position: Min-K%++ ranks exactly as Min-K%. */
    @Test
    void forTheUnigramModelMinKPlusPlusAndMinKGiveTheSameAuc() {
        for (double k : MembershipAttack.REPORT_KS) {
            String percent = MembershipAttack.minK(k).name().substring("Min-K% ".length());
            assertThat(result.auc(1, "Min-K%++ " + percent)).as("k = %s", k).isEqualTo(result.auc(1, "Min-K% " + percent));
        }
        assertThat(result.auc(2, "Min-K%++ 5%")).isNotEqualTo(result.auc(2, "Min-K% 5%"));
    }

    @Test
    void everyReportHoldsEveryAttackAndThePrintedFormsAreReadable() {
        for (OrderReport o : result.orders()) {
            assertThat(o.report().results()).extracting(AttackResult::attack)
                    .containsExactlyElementsOf(MembershipAttack.standard(MembershipAttack.REPORT_KS).stream().map(MembershipAttack::name).toList());
            assertThat(o.report().skipped()).isEmpty();
        }
        assertThat(result.toString()).startsWith("MembershipExperimentResult[300 vs 300 texts of 32 tokens; Min-K% 20% AUC by order ")
                .doesNotContain("\n");
        String table = result.aucTable();
        assertThat(table).startsWith("AUC by n-gram order: 300 members vs 300 non-members, 32 tokens each")
                .contains("attack        order 1  order 2  order 3  order 4").contains("controls (chance is 0.5)")
                .contains("repetition: order 1, members x16");
        assertThat(table.lines().count()).isEqualTo(2 + 18 + 1 + 3);
        assertThat(STEPS).hasSize(14).first().asString().startsWith("1/14 split 7222 passages");
        assertThat(STEPS.get(13)).isEqualTo("14/14 repetition: members x16");
    }
}
