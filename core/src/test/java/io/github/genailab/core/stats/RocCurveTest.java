package io.github.genailab.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RocCurveTest {

    /** TV4 of docs/membership-conventions.md: members 10,9,8,6,5,4,3,2,1,0; non-members 9,8,-1..-18. */
    private static RocCurve tv4(boolean drop) {
        double[] members = {10, 9, 8, 6, 5, 4, 3, 2, 1, 0};
        double[] nonMembers = {9, 8, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18};
        double[] scores = new double[members.length + nonMembers.length];
        boolean[] positive = new boolean[scores.length];
        System.arraycopy(members, 0, scores, 0, members.length);
        System.arraycopy(nonMembers, 0, scores, members.length, nonMembers.length);
        Arrays.fill(positive, 0, members.length, true);
        return RocCurve.of(scores, positive, drop);
    }

    @Test
    void tv4DropIntermediateMatchesScikitLearn() {
        RocCurve roc = tv4(true);
        assertThat(roc.fpr()).containsExactly(0, 0, 0.1, 0.1, 1);
        assertThat(roc.tpr()).containsExactly(0, 0.1, 0.3, 1, 1);
        assertThat(roc.auc()).isEqualTo(0.92);
        assertThat(roc.tprAtFprAtMost(0.05)).isEqualTo(0.1);
        assertThat(roc.tprAtFprBelow(0.1)).isEqualTo(0.1);
        assertThat(roc.tprAtFprBelow(0.05)).isEqualTo(0.1);
        assertThat(roc.positives()).isEqualTo(10);
        assertThat(roc.negatives()).isEqualTo(20);
    }

    @Test
    void tv4KeepingEveryThresholdMatchesScikitLearn() {
        RocCurve roc = tv4(false);
        assertThat(roc.auc()).isEqualTo(0.9199999999999999);
        assertThat(roc.tprAtFprAtMost(0.05)).isEqualTo(0.2);
        assertThat(roc.tprAtFprBelow(0.1)).isEqualTo(0.2);
        assertThat(roc.tprAtFprBelow(0.05)).isEqualTo(0.1);
    }

    @Test
    void tv5TinyTiesMatchScikitLearn() {
        RocCurve roc = RocCurve.of(new double[] {0.9, 0.5, 0.5, 0.1, 0.3, 0.3},
                new boolean[] {true, true, false, false, true, false});
        assertThat(roc.fpr()).containsExactly(0, 0, 2.0 / 3, 1);
        assertThat(roc.tpr()).containsExactly(0, 1.0 / 3, 1, 1);
        assertThat(roc.auc()).isEqualTo(0.7777777777777778);
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.9, 0.3, 0.1);
    }

    /** One case of roc_cases.txt: inputs, then for drop in (true, false) the AUC, 12 metrics and the curve. */
    private record Case(double[] scores, boolean[] positive, String[] fields) {
        double[] numbers(int field) {
            return Arrays.stream(fields[field].split(",")).mapToDouble(Double::parseDouble).toArray();
        }
    }

    private static List<Case> cases() throws IOException {
        try (InputStream in = RocCurveTest.class.getResourceAsStream("roc_cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("\\|"))
                    .map(f -> {
                        double[] s = Arrays.stream(f[0].split(",")).mapToDouble(Double::parseDouble).toArray();
                        boolean[] y = new boolean[f[1].length()];
                        for (int i = 0; i < y.length; i++) {
                            y[i] = f[1].charAt(i) == '1';
                        }
                        return new Case(s, y, f);
                    })
                    .toList();
        }
    }

    private static double[] metrics(RocCurve roc) {
        return new double[] {
            roc.tprAtFprBelow(0.01), roc.tprAtFprBelow(0.05), roc.tprAtFprBelow(0.1), roc.tprAtFprBelow(0.5),
            roc.tprAtFprAtMost(0.0), roc.tprAtFprAtMost(0.05), roc.tprAtFprAtMost(0.1), roc.tprAtFprAtMost(0.5),
            roc.fprAtTprAtLeast(0.0), roc.fprAtTprAtLeast(0.5), roc.fprAtTprAtLeast(0.95), roc.fprAtTprAtLeast(1.0),
        };
    }

    @Test
    void sixHundredRandomCasesMatchScikitLearnBitForBit() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSize(600);
        for (int c = 0; c < cases.size(); c++) {
            Case k = cases.get(c);
            for (int d = 0; d < 2; d++) {
                RocCurve roc = RocCurve.of(k.scores(), k.positive(), d == 0);
                int base = 2 + 4 * d;
                assertThat(roc.auc()).as("case %d drop=%s auc", c, d == 0).isEqualTo(Double.parseDouble(k.fields()[base]));
                assertThat(metrics(roc)).as("case %d drop=%s metrics", c, d == 0).containsExactly(k.numbers(base + 1));
                assertThat(roc.fpr()).as("case %d drop=%s fpr", c, d == 0).containsExactly(k.numbers(base + 2));
                assertThat(roc.tpr()).as("case %d drop=%s tpr", c, d == 0).containsExactly(k.numbers(base + 3));
            }
        }
    }

    @Test
    void aucEqualsTheMannWhitneyProbabilityWithHalfCreditForTies() {
        RandomGenerator rng = Rngs.seeded(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rng.nextInt(60);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(6);
                y[i] = i < 1 || (i > 1 && rng.nextBoolean());
            }
            double wins = 0;
            int p = 0;
            for (int i = 0; i < n; i++) {
                p += y[i] ? 1 : 0;
                for (int j = 0; j < n; j++) {
                    if (y[i] && !y[j]) {
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(RocCurve.of(s, y).auc()).isCloseTo(wins / ((double) p * (n - p)), within(1e-12));
        }
    }

    @Test
    void aucIsInvariantUnderMonotoneTransformsAndFlipsWithTheScoreSign() {
        RandomGenerator rng = Rngs.seeded(11);
        double[] s = new double[200];
        boolean[] y = new boolean[200];
        for (int i = 0; i < s.length; i++) {
            y[i] = rng.nextBoolean();
            s[i] = rng.nextGaussian() + (y[i] ? 0.7 : 0);
        }
        double[] exp = Arrays.stream(s).map(Math::exp).toArray();
        double[] neg = Arrays.stream(s).map(v -> -v).toArray();
        double auc = RocCurve.of(s, y).auc();
        assertThat(RocCurve.of(exp, y).auc()).isEqualTo(auc);
        assertThat(RocCurve.of(neg, y).auc()).isCloseTo(1 - auc, within(1e-12));
    }

    @Test
    void accessorsReturnCopiesAndEqualityFollowsTheCurve() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        boolean[] y = {false, false, true, true};
        RocCurve roc = RocCurve.of(s, y);
        roc.fpr()[0] = 42;
        roc.tpr()[0] = 42;
        roc.thresholds()[0] = 42;
        assertThat(roc.fpr()[0]).isZero();
        assertThat(roc).isEqualTo(RocCurve.of(s.clone(), y.clone())).hasSameHashCodeAs(RocCurve.of(s, y));
        assertThat(roc).isNotEqualTo(RocCurve.of(s, y, false));
        assertThat(s).containsExactly(0.1, 0.4, 0.35, 0.8);
        assertThat(roc.toString()).isEqualTo(
                "RocCurve[positives=2, negatives=2, auc=0.750000, points=5, tpr@fpr<0.05=0.500, fpr@tpr>=0.95=0.500]");
        assertThat(roc.size()).isEqualTo(roc.fpr().length);
        assertThat(roc.dropIntermediate()).isTrue();
    }

    static Stream<Arguments> badInputs() {
        double[] s = {0.1, 0.2};
        boolean[] y = {true, false};
        return Stream.of(
                Arguments.of("null scores", (Runnable) () -> RocCurve.of(null, y), NullPointerException.class, "scores"),
                Arguments.of("null labels", (Runnable) () -> RocCurve.of(s, null), NullPointerException.class, "positive"),
                Arguments.of("empty", (Runnable) () -> RocCurve.of(new double[0], new boolean[0]),
                        IllegalArgumentException.class, "scores must not be empty"),
                Arguments.of("NaN", (Runnable) () -> RocCurve.of(new double[] {0.1, Double.NaN}, y),
                        IllegalArgumentException.class, "scores[1] must be finite, got NaN"),
                Arguments.of("infinite", (Runnable) () -> RocCurve.of(new double[] {Double.POSITIVE_INFINITY, 1}, y),
                        IllegalArgumentException.class, "scores[0] must be finite, got Infinity"),
                Arguments.of("lengths", (Runnable) () -> RocCurve.of(s, new boolean[] {true}),
                        IllegalArgumentException.class, "scores and positive must have the same length, got 2 and 1"),
                Arguments.of("one class", (Runnable) () -> RocCurve.of(s, new boolean[] {true, true}),
                        IllegalArgumentException.class, "positive must contain both classes"),
                Arguments.of("below 0", (Runnable) () -> RocCurve.of(s, y).tprAtFprBelow(0),
                        IllegalArgumentException.class, "maxFpr must be in (0.0, 1.0], got 0.0"),
                Arguments.of("below NaN", (Runnable) () -> RocCurve.of(s, y).tprAtFprBelow(Double.NaN),
                        IllegalArgumentException.class, "maxFpr"),
                Arguments.of("at most", (Runnable) () -> RocCurve.of(s, y).tprAtFprAtMost(1.5),
                        IllegalArgumentException.class, "maxFpr must be in [0.0, 1.0], got 1.5"),
                Arguments.of("at least", (Runnable) () -> RocCurve.of(s, y).fprAtTprAtLeast(-0.1),
                        IllegalArgumentException.class, "minTpr must be in [0.0, 1.0], got -0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsFailWithTheParameterName(String name, Runnable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }
}
