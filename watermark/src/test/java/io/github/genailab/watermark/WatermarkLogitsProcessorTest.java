package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WatermarkLogitsProcessorTest {

    @Test
    void softListAddsDeltaToExactlyTheGreenList() {
        for (WatermarkScheme s : new WatermarkScheme[] {WatermarkScheme.reference("lefthash", 500, 0.25, 2.0),
            WatermarkScheme.reference("minhash", 500, 0.25, 1.5),
            WatermarkScheme.keyed(WatermarkKey.of(3, 4), 2, false, 500, 0.3, 2.0),
            WatermarkScheme.keyedExactSize(WatermarkKey.of(3, 4), 2, false, 500, 0.3, 2.0)}) {
            int[] tokens = {7, 8, 9, 10, 11, 0, 0};
            double[] logits = new double[500];
            Arrays.fill(logits, 1.0);
            WatermarkLogitsProcessor.of(s).process(tokens, 5, logits);
            boolean[] green = new boolean[500];
            for (int t : s.greenList(Arrays.copyOf(tokens, 5))) {
                green[t] = true;
            }
            for (int t = 0; t < 500; t++) {
                assertThat(logits[t]).as("%s t=%d", s.name(), t).isEqualTo(green[t] ? 1.0 + s.delta() : 1.0);
            }
        }
    }

    /** The keyed processor works in blocks of 1024 tokens: several blocks, an uneven tail, odd thresholds. */
    @ParameterizedTest
    @MethodSource("keyedBlockCases")
    void keyedProcessorAgreesWithTheMembershipTestAcrossBlocks(int v, double gamma) {
        WatermarkScheme s = WatermarkScheme.keyed(WatermarkKey.of(5, 6), 1, false, v, gamma, 1.5);
        double[] logits = new double[v];
        Arrays.fill(logits, -1.0);
        logits[v - 1] = Double.NEGATIVE_INFINITY;
        int[] context = {v / 3};
        WatermarkLogitsProcessor.of(s).process(context, 1, logits);
        int green = 0;
        for (int t = 0; t < v - 1; t++) {
            boolean isGreen = s.isGreen(context, t);
            green += isGreen ? 1 : 0;
            assertThat(logits[t]).as("V=%d gamma=%s t=%d", v, gamma, t).isEqualTo(isGreen ? 0.5 : -1.0);
        }
        assertThat(logits[v - 1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(green).isPositive().isLessThan(v - 1);
    }

    static Stream<Arguments> keyedBlockCases() {
        return Stream.of(Arguments.of(1024, 0.25), Arguments.of(1025, 0.3), Arguments.of(3 * 1024 + 37, 0.1),
                Arguments.of(5000, 0.999), Arguments.of(50_257, 0.5), Arguments.of(4099, 1.0 / 3));
    }

    @Test
    void hardListRemovesTheRedList() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 300, 0.5, 2.0);
        double[] logits = new double[300];
        WatermarkLogitsProcessor.of(s).withHardList(true).process(new int[] {42}, 1, logits);
        int[] green = s.greenList(new int[] {42});
        long finite = Arrays.stream(logits).filter(Double::isFinite).count();
        assertThat(finite).isEqualTo(green.length);
        for (int t : green) {
            assertThat(logits[t]).isZero();
        }
    }

    @Test
    void tooShortContextsLeaveTheRowUnchanged() {
        double[] logits = new double[100];
        WatermarkLogitsProcessor.of(WatermarkScheme.reference("minhash", 100, 0.25, 2.0)).process(new int[] {1, 2, 3}, 3, logits);
        WatermarkLogitsProcessor.of(WatermarkScheme.reference("selfhash", 100, 0.25, 2.0)).process(new int[] {1, 2}, 2, logits);
        WatermarkLogitsProcessor.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0)).process(new int[0], 0, logits);
        assertThat(logits).containsOnly(0.0);
    }

    @Test
    void selfSaltedCandidatesAreBiasedIffGreenInTheirOwnList() {
        WatermarkScheme s = WatermarkScheme.reference("selfhash", 400, 0.25, 2.0);
        int[] tokens = {5, 6, 7};
        double[] raw = new double[400];
        for (int t = 0; t < 400; t++) {
            raw[t] = -t * 0.01; // candidate order = id order
        }
        double[] all = raw.clone();
        WatermarkLogitsProcessor.of(s).withSelfSaltTailMass(0).process(tokens, 3, all);
        double[] reference = raw.clone();
        WatermarkLogitsProcessor.of(s).withReferenceSelfHash().process(tokens, 3, reference);
        int boosted = 0;
        for (int c = 0; c < 400; c++) {
            boolean green = s.isGreen(new int[] {5, 6, 7, c}, c);
            assertThat(all[c]).isEqualTo(green ? raw[c] + 2.0 : raw[c]);
            assertThat(reference[c]).isEqualTo(green && c < 41 ? raw[c] + 2.0 : raw[c]);
            boosted += green ? 1 : 0;
        }
        assertThat(boosted).isBetween(60, 140); // about gamma * V = 100
    }

    @Test
    void tailMassStopsTestingUnlikelyCandidates() {
        WatermarkScheme s = WatermarkScheme.keyed(WatermarkKey.of(1, 1), 2, true, 1000, 0.5, 2.0);
        double[] logits = new double[1000];
        Arrays.fill(logits, -30);
        logits[3] = 10; // nearly all the probability
        double[] processed = logits.clone();
        WatermarkLogitsProcessor.of(s).process(new int[] {9}, 1, processed);
        long changed = 0;
        for (int t = 0; t < 1000; t++) {
            if (t != 3 && processed[t] != logits[t]) {
                changed++;
            }
        }
        assertThat(changed).isZero();
    }

    @Test
    void watermarkedGenerationIsDetectedAndPlainGenerationIsNot() {
        ToyLanguageModel model = new ToyLanguageModel(300, 4.0);
        for (WatermarkScheme s : new WatermarkScheme[] {WatermarkScheme.reference("lefthash", 300, 0.25, 2.0),
            WatermarkScheme.reference("selfhash", 300, 0.25, 2.0),
            WatermarkScheme.keyed(WatermarkKey.of(5, 6), 1, false, 300, 0.25, 2.0)}) {
            int[] marked = Decoder.generate(model, new int[] {1, 2, 3, 4}, 120, DecodingOptions.defaults(),
                    List.of(WatermarkLogitsProcessor.of(s)), Rngs.seeded(21));
            int[] plain = Decoder.generate(model, new int[] {1, 2, 3, 4}, 120, DecodingOptions.defaults(), List.of(),
                    Rngs.seeded(21));
            WatermarkDetector detector = WatermarkDetector.of(s);
            assertThat(detector.detect(marked).zScore()).as(s.name()).isGreaterThan(4);
            assertThat(detector.detect(marked).prediction()).isTrue();
            assertThat(detector.detect(plain).zScore()).as(s.name()).isLessThan(4);
        }
    }

    @Test
    void printsItsConfiguration() {
        assertThat(WatermarkLogitsProcessor.of(WatermarkScheme.reference("selfhash", 100, 0.25, 2.0)).toString())
                .isEqualTo("WatermarkLogitsProcessor[selfhash, delta=2.0, candidates<=all, tail mass 1.0E-4]");
        assertThat(WatermarkLogitsProcessor.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0))
                .withHardList(true).toString()).isEqualTo("WatermarkLogitsProcessor[lefthash, hard list]");
        WatermarkLogitsProcessor p = WatermarkLogitsProcessor.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0));
        assertThat(p.scheme().name()).isEqualTo("lefthash");
        assertThat(p.hardList()).isFalse();
        assertThat(p.selfSaltCandidates()).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.selfSaltTailMass()).isEqualTo(WatermarkLogitsProcessor.DEFAULT_SELF_SALT_TAIL_MASS);
        WatermarkLogitsProcessor reference = p.withReferenceSelfHash();
        assertThat(reference.selfSaltCandidates()).isEqualTo(WatermarkLogitsProcessor.REFERENCE_SELF_HASH_CANDIDATES);
        assertThat(reference.selfSaltTailMass()).isZero();
        assertThat(reference.withSelfSaltCandidates(7).selfSaltCandidates()).isEqualTo(7);
        assertThat(p.withHardList(true).hardList()).isTrue();
    }

    static Stream<Arguments> badInputs() {
        WatermarkLogitsProcessor p = WatermarkLogitsProcessor.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0));
        return Stream.of(
                Arguments.of((Runnable) () -> WatermarkLogitsProcessor.of(null), NullPointerException.class, "scheme"),
                Arguments.of((Runnable) () -> p.process(null, 0, new double[100]), NullPointerException.class, "tokens"),
                Arguments.of((Runnable) () -> p.process(new int[] {1}, 1, null), NullPointerException.class, "logits"),
                Arguments.of((Runnable) () -> p.process(new int[] {1}, 2, new double[100]), IllegalArgumentException.class, "length"),
                Arguments.of((Runnable) () -> p.process(new int[] {1}, -1, new double[100]), IllegalArgumentException.class, "length"),
                Arguments.of((Runnable) () -> p.process(new int[] {1}, 1, new double[107]), IllegalArgumentException.class, "logits.length"),
                Arguments.of((Runnable) () -> p.process(new int[] {100}, 1, new double[100]), IllegalArgumentException.class, "tokens[0]"),
                Arguments.of((Runnable) () -> p.process(new int[] {3, -1}, 2, new double[100]), IllegalArgumentException.class, "tokens[1]"),
                Arguments.of((Runnable) () -> p.withSelfSaltCandidates(0), IllegalArgumentException.class, "selfSaltCandidates"),
                Arguments.of((Runnable) () -> p.withSelfSaltTailMass(1.0), IllegalArgumentException.class, "selfSaltTailMass"),
                Arguments.of((Runnable) () -> p.withSelfSaltTailMass(Double.NaN), IllegalArgumentException.class, "selfSaltTailMass"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }
}
