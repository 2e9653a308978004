package io.github.genailab.membership.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defects the fuzzing pass of issue 19 found in this package, each pinned by the input that showed it. */
class FuzzRegressionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("AttackResult.of named 'positive'",
                        (ThrowingCallable) () -> AttackResult.of("Loss", new double[] {1, 2}, new boolean[] {true, true}),
                        IllegalArgumentException.class, "member must mark both members and non-members"),
                Arguments.of("AttackResult.of with mismatched lengths",
                        (ThrowingCallable) () -> AttackResult.of("Loss", new double[] {1, 2}, new boolean[] {true}),
                        IllegalArgumentException.class, "member"),
                Arguments.of("evaluate(List.of()) named 'scores'",
                        (ThrowingCallable) () -> MembershipEvaluation.evaluate(List.of()),
                        IllegalArgumentException.class, "samples must not be empty"),
                Arguments.of("evaluate with a null sample",
                        (ThrowingCallable) () -> MembershipEvaluation.evaluate(Arrays.asList(null, null)),
                        NullPointerException.class, "samples[0]"),
                Arguments.of("standard(ks) with a null k: NPE without a message",
                        (ThrowingCallable) () -> MembershipAttack.standard(Arrays.asList(0.1, null)),
                        NullPointerException.class, "ks[1]"),
                Arguments.of("MembershipReport with a null result: NPE without a message",
                        (ThrowingCallable) () -> new MembershipReport(Arrays.asList((AttackResult) null), List.of()),
                        NullPointerException.class, "results[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithAMessageNamingTheParameter(String defect, ThrowingCallable call, Class<? extends Throwable> type,
            String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
