package io.github.genailab.membership.experiment;

import io.github.genailab.core.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The experiment's mechanics on a small synthetic corpus (fast). */
class NGramMembershipExperimentTest {

    /** One token per lowercase letter a-z plus one for anything else; decode maps back. */
    static final class LetterTokenizer implements Tokenizer {
        @Override
        public int vocabularySize() {
            return 27;
        }

        @Override
        public int[] encode(String text) {
            return text.chars().map(c -> c >= 'a' && c <= 'z' ? c - 'a' : 26).toArray();
        }

        @Override
        public String decode(int[] tokens) {
            StringBuilder s = new StringBuilder();
            for (int t : tokens) {
                s.append(t == 26 ? ' ' : (char) ('a' + t));
            }
            return s.toString();
        }
    }

    /** Passages from a first-order Markov chain over letters, each letter with a few likely successors. */
    static List<String> corpus(int passages, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        int[][] successors = new int[26][4];
        for (int[] row : successors) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(26);
            }
        }
        List<String> out = new ArrayList<>();
        for (int p = 0; p < passages; p++) {
            StringBuilder s = new StringBuilder();
            int c = rng.nextInt(26);
            int length = 20 + rng.nextInt(30);
            for (int i = 0; i < length; i++) {
                s.append((char) ('a' + c));
                c = successors[c][Math.min(3, (int) rng.nextExponential())];
            }
            out.add(s.toString());
        }
        return out;
    }

    static final MembershipExperimentOptions SMALL = MembershipExperimentOptions.defaults().withTextsPerClass(40).withTokensPerText(16)
            .withMaxOrder(3).withKs(List.of(0.1, 0.5)).withRepetitions(List.of(1, 8));

    @Test
    void theSameGeneratorStateGivesTheSameResult() {
        List<String> passages = corpus(400, 1);
        MembershipExperimentResult a = NGramMembershipExperiment.run(passages, new LetterTokenizer(), SMALL, Rngs.seeded(5),
                ProgressListener.none());
        MembershipExperimentResult b = NGramMembershipExperiment.run(passages, new LetterTokenizer(), SMALL, Rngs.seeded(5),
                ProgressListener.none());
        assertThat(a.aucTable()).isEqualTo(b.aucTable());
        assertThat(a.orders()).hasSize(3);
        assertThat(a.order(2).report().results()).extracting(r -> r.attack()).containsExactly("Loss", "Zlib", "Lowercase",
                "Ref", "Min-K% 10%", "Min-K% 50%", "Min-K%++ 10%", "Min-K%++ 50%", "Min-K% 20%");
        MembershipExperimentResult c = NGramMembershipExperiment.run(passages, new LetterTokenizer(), SMALL, Rngs.seeded(6),
                ProgressListener.none());
        assertThat(c.aucTable()).isNotEqualTo(a.aucTable());
    }

    @Test
    void minKAtOneHundredPercentAndLossGiveTheSameAucAtEveryOrder() {
        MembershipExperimentResult r = NGramMembershipExperiment.run(corpus(400, 4), new LetterTokenizer(),
                SMALL.withKs(List.of(1.0)).withMinKPlusPlus(false), Rngs.seeded(9), ProgressListener.none());
        for (OrderReport o : r.orders()) {
            assertThat(o.report().auc("Min-K% 100%")).as("order %d", o.order()).isEqualTo(o.report().auc("Loss"));
        }
    }

    @Test
    void reportsEveryStepInOrderAndCanSkipMinKPlusPlus() {
        List<String> steps = new ArrayList<>();
        MembershipExperimentResult r = NGramMembershipExperiment.run(corpus(400, 2), new LetterTokenizer(),
                SMALL.withMinKPlusPlus(false), Rngs.seeded(1), (step, done, total) -> steps.add(done + "/" + total));
        assertThat(steps).containsExactly("1/11", "2/11", "3/11", "4/11", "5/11", "6/11", "7/11", "8/11", "9/11", "10/11",
                "11/11");
        assertThat(r.order(1).report().results()).noneMatch(a -> a.attack().startsWith("Min-K%++"));
        assertThat(r.order(1).report().skipped()).isEmpty();
    }

    static Stream<Arguments> badInputs() {
        List<String> passages = corpus(100, 3);
        ProgressListener none = ProgressListener.none();
        LetterTokenizer tokenizer = new LetterTokenizer();
        List<String> withNull = new ArrayList<>(passages);
        withNull.set(7, null);
        return Stream.of(
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(null, tokenizer, SMALL, Rngs.seeded(1),
                        none), NullPointerException.class, "passages"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(passages, null, SMALL, Rngs.seeded(1),
                        none), NullPointerException.class, "tokenizer"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(passages, tokenizer, null, Rngs.seeded(1),
                        none), NullPointerException.class, "options"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(passages, tokenizer, SMALL, null, none),
                        NullPointerException.class, "rng"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(passages, tokenizer, SMALL,
                        Rngs.seeded(1), null), NullPointerException.class, "progress"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(withNull, tokenizer,
                        SMALL.withTextsPerClass(100), Rngs.seeded(1), none), NullPointerException.class, "passages[7]"),
                Arguments.of((ThrowingCallable) () -> NGramMembershipExperiment.run(passages, tokenizer,
                        SMALL.withTextsPerClass(100), Rngs.seeded(1), none), IllegalArgumentException.class,
                        "passages must give 100 passages of at least 16 tokens on the member and the non-member side, got "),
                Arguments.of((ThrowingCallable) () -> SMALL.withTextsPerClass(5), IllegalArgumentException.class,
                        "textsPerClass must be in [10, 1000000], got 5"),
                Arguments.of((ThrowingCallable) () -> SMALL.withTokensPerText(3), IllegalArgumentException.class,
                        "tokensPerText must be in [4, 1000000], got 3"),
                Arguments.of((ThrowingCallable) () -> SMALL.withMaxOrder(6), IllegalArgumentException.class,
                        "maxOrder must be in [1, 5], got 6"),
                Arguments.of((ThrowingCallable) () -> SMALL.withKs(List.of()), IllegalArgumentException.class,
                        "ks must not be empty"),
                Arguments.of((ThrowingCallable) () -> SMALL.withKs(Arrays.asList(0.2, 1.5)), IllegalArgumentException.class,
                        "ks[1] must be in (0.0, 1.0], got 1.5"),
                Arguments.of((ThrowingCallable) () -> SMALL.withKs(Arrays.asList(0.2, null)), NullPointerException.class,
                        "ks[1]"),
                Arguments.of((ThrowingCallable) () -> SMALL.withRepetitions(List.of(0)), IllegalArgumentException.class,
                        "repetitions[0] must be in [1, 1000], got 0"),
                Arguments.of((ThrowingCallable) () -> SMALL.withRepetitions(null), NullPointerException.class, "repetitions"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheParameter(ThrowingCallable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }
}
