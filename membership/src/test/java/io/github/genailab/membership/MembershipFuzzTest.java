package io.github.genailab.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.fuzz.Fuzzer;
import io.github.genailab.membership.eval.AttackResult;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.eval.MembershipEvaluation;
import org.junit.jupiter.api.Test;

/** Issue 19: every public entry point of the membership scores called with generated arguments. */
class MembershipFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        TokenStatistics statistics = new TokenStatistics(new double[] {-0.5, -2, -0.1}, new double[] {-1, -1, -1},
                new double[] {0.5, 1, 0});
        Fuzzer.Report report = Fuzzer.create(2000, 30)
                .sample(TokenStatistics.class, statistics)
                .sample(MinKOptions.class, MinKOptions.defaults())
                .sample(MembershipAttack.class, MembershipAttack.minK(0.2), MembershipAttack.loss())
                .run(19, MinKProb.class, MinKPlusPlus.class, Baselines.class, TokenStatistics.class, MinKOptions.class,
                        MinKScore.class, MembershipAttack.class, AttackResult.class, MembershipEvaluation.class,
                        LabeledText.class);
        System.out.println("membership fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
