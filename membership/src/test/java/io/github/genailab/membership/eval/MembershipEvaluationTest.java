package io.github.genailab.membership.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.TokenStatistics;
import io.github.genailab.membership.io.TokenLogProbsReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MembershipEvaluationTest {

    /** Members' tokens are likelier than non-members' by {@code shift} nats on average. */
    static List<MembershipSample> synthetic(RandomGenerator rng, int perClass, double shift) {
        List<MembershipSample> out = new ArrayList<>();
        for (int i = 0; i < 2 * perClass; i++) {
            boolean member = i < perClass;
            int n = 20 + rng.nextInt(40);
            double[] l = new double[n];
            double[] mu = new double[n];
            double[] sigma = new double[n];
            for (int t = 0; t < n; t++) {
                l[t] = -rng.nextExponential() * (member ? 2 - shift : 2);
                mu[t] = -2;
                sigma[t] = 1 + rng.nextDouble();
            }
            out.add(new MembershipSample("text " + i, MembershipLabel.of(member), "text number " + i,
                    new TokenStatistics(l, mu, sigma), TokenStatistics.of(new double[] {-3, -2}), null));
        }
        return out;
    }

    @Test
    void minKAtOneAndLossGiveTheSameAuc() {
        RandomGenerator rng = Rngs.seeded(17);
        List<MembershipSample> samples = synthetic(rng, 200, 0.3);
        MembershipReport report = MembershipEvaluation.evaluate(samples, List.of(MembershipAttack.loss(), MembershipAttack.minK(1.0)));
        assertThat(report.auc("Min-K% 100%")).isEqualTo(report.auc("Loss"));
        assertThat(report.auc("Loss")).isGreaterThan(0.6);
    }

    @Test
    void theStandardReportCoversThePaperKsAndSkipsWhatTheSamplesLack() {
        MembershipReport report = MembershipEvaluation.evaluate(synthetic(Rngs.seeded(3), 100, 0.5));
        assertThat(report.results()).extracting(AttackResult::attack).containsExactly("Loss", "Zlib", "Lowercase",
                "Min-K% 5%", "Min-K% 10%", "Min-K% 20%", "Min-K% 30%", "Min-K% 40%", "Min-K% 50%", "Min-K% 60%",
                "Min-K%++ 5%", "Min-K%++ 10%", "Min-K%++ 20%", "Min-K%++ 30%", "Min-K%++ 40%", "Min-K%++ 50%",
                "Min-K%++ 60%");
        assertThat(report.skipped()).containsExactly("Ref");
        assertThat(report.best().auc()).isGreaterThan(0.8);
        String table = report.table();
        assertThat(table.lines().findFirst().orElseThrow())
                .isEqualTo("attack        AUC     TPR@5%FPR(<)  TPR@5%FPR(<=)  FPR@95%TPR  acc");
        assertThat(table).contains("Min-K% 20%").contains("skipped (inputs missing): Ref");
        assertThat(table.lines().count()).isEqualTo(19);
        assertThat(report.toString()).startsWith("MembershipReport[17 attacks, 100 members vs 100 non-members, best ")
                .endsWith(", skipped [Ref]]");
        assertThatThrownBy(() -> report.get("Min-K% 70%")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no attack named \"Min-K% 70%\"");
    }

    @Test
    void evaluatesSamplesReadFromAFile() throws IOException {
        String jsonl = """
                {"label": 1, "text": "a b", "token_logprobs": [null, -0.5, -0.25, -0.1]}
                {"label": 1, "text": "c d", "token_logprobs": [null, -0.4, -3.0, -0.2]}
                {"label": 0, "text": "e f", "token_logprobs": [null, -2.5, -1.0, -4.0]}
                {"label": 0, "text": "g h", "token_logprobs": [null, -0.3, -5.0, -0.6]}
                """;
        List<MembershipSample> samples = TokenLogProbsReader.read(new StringReader(jsonl), "tiny.jsonl");
        MembershipReport report = MembershipEvaluation.evaluate(samples, List.of(MembershipAttack.loss(), MembershipAttack.minK(0.34)));
        assertThat(report.auc("Loss")).isEqualTo(1.0);
        assertThat(report.auc("Min-K% 34%")).isEqualTo(1.0);
    }

    @Test
    void attacksHaveNamesAndKnowWhatTheyNeed() {
        MembershipSample bare = MembershipSample.of("x", MembershipLabel.MEMBER, null, TokenStatistics.of(new double[] {-1, -2}));
        assertThat(MembershipAttack.standard(List.of(0.2))).extracting(MembershipAttack::name).containsExactly("Loss", "Zlib", "Lowercase", "Ref",
                "Min-K% 20%", "Min-K%++ 20%");
        assertThat(MembershipAttack.minK(0.125).toString()).isEqualTo("Min-K% 12.5%");
        assertThat(MembershipAttack.compressedLength().name()).isEqualTo("zlib length (no model)");
        assertThat(MembershipAttack.loss().supports(bare)).isTrue();
        assertThat(MembershipAttack.minKPlusPlus(0.5).supports(bare)).isFalse();
        assertThat(MembershipAttack.zlib().supports(bare)).isFalse();
        assertThat(MembershipAttack.minK(0.5).score(bare)).isEqualTo(-2.0);
        assertThat(MembershipAttack.loss().score(bare)).isEqualTo(-1.5);
        assertThatThrownBy(() -> MembershipAttack.reference().score(bare)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sample x must carry what Ref needs");
    }

    static Stream<Arguments> badInputs() {
        List<MembershipSample> ok = synthetic(Rngs.seeded(1), 5, 0.1);
        List<MembershipSample> unlabeled = new ArrayList<>(ok);
        unlabeled.set(3, ok.get(3).withLabel(MembershipLabel.UNKNOWN));
        List<MembershipSample> oneClass = ok.subList(0, 5);
        List<MembershipSample> withNull = new ArrayList<>(ok);
        withNull.set(2, null);
        return Stream.of(
                Arguments.of("null samples", (ThrowingCallable) () -> MembershipEvaluation.evaluate(null),
                        NullPointerException.class, "samples"),
                Arguments.of("null attacks", (ThrowingCallable) () -> MembershipEvaluation.evaluate(ok, null),
                        NullPointerException.class, "attacks"),
                Arguments.of("null sample", (ThrowingCallable) () -> MembershipEvaluation.evaluate(withNull),
                        NullPointerException.class, "samples[2]"),
                Arguments.of("unknown label", (ThrowingCallable) () -> MembershipEvaluation.evaluate(unlabeled),
                        IllegalArgumentException.class, "samples[3].label must be MEMBER or NON_MEMBER (sample text 3"),
                Arguments.of("one class", (ThrowingCallable) () -> MembershipEvaluation.evaluate(oneClass),
                        IllegalArgumentException.class, ""),
                Arguments.of("nothing applicable", (ThrowingCallable) () -> MembershipEvaluation.evaluate(ok,
                        List.of(MembershipAttack.reference())), IllegalArgumentException.class,
                        "attacks must include one that every sample supports, got [Ref]"),
                Arguments.of("attack k out of range", (ThrowingCallable) () -> MembershipAttack.minK(0), IllegalArgumentException.class,
                        "k must be in (0.0, 1.0], got 0.0"),
                Arguments.of("attack k for loss", (ThrowingCallable) () -> new MembershipAttack(MembershipAttack.Kind.LOSS, java.util.OptionalDouble.of(0.2)),
                        IllegalArgumentException.class, "k must be empty for LOSS, got 0.2"),
                Arguments.of("attack k missing for Min-K", (ThrowingCallable) () -> new MembershipAttack(MembershipAttack.Kind.MIN_K, java.util.OptionalDouble.empty()),
                        IllegalArgumentException.class, "k must be present for MIN_K, got empty"),
                Arguments.of("attack k null", (ThrowingCallable) () -> new MembershipAttack(MembershipAttack.Kind.LOSS, null), NullPointerException.class,
                        "k"),
                Arguments.of("attack kind null", (ThrowingCallable) () -> new MembershipAttack(null, java.util.OptionalDouble.of(0.2)), NullPointerException.class,
                        "kind"),
                Arguments.of("report empty", (ThrowingCallable) () -> new MembershipReport(List.of(), List.of()),
                        IllegalArgumentException.class, "results must not be empty"),
                Arguments.of("standard null", (ThrowingCallable) () -> MembershipAttack.standard(null), NullPointerException.class,
                        "ks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(String name, ThrowingCallable call, Class<? extends Throwable> type,
                                           String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
