package io.github.genailab.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WatermarkDetectorTest {

    @Test
    void detectionCountsMatchTheTorchGoldenSequences() {
        List<String[]> records = GoldenVectors.records("detect");
        assertThat(records).hasSize(32);
        for (String[] f : records) {
            int v = Integer.parseInt(f[1]);
            double gamma = Double.parseDouble(f[2]);
            boolean dedupe = Boolean.parseBoolean(f[3].toLowerCase(java.util.Locale.ROOT));
            int length = Integer.parseInt(f[4]);
            int[] tokens = GoldenVectors.ints(f, 5, length);
            Detection d = WatermarkDetector.of(WatermarkScheme.reference(f[0], v, gamma, 2.0))
                    .withIgnoreRepeatedNgrams(dedupe).detect(tokens);
            String what = f[0] + " V=" + v + " dedupe=" + dedupe;
            assertThat(d.numTokensScored()).as(what).isEqualTo(Integer.parseInt(f[5 + length]));
            assertThat(d.numGreenTokens()).as(what).isEqualTo(Integer.parseInt(f[6 + length]));
            // Same operations in the same order as the reference: the z-score is bit-identical.
            assertThat(d.zScore()).as(what).isEqualTo(Double.parseDouble(f[7 + length]));
            assertThat(d.greenFraction()).isEqualTo((double) d.numGreenTokens() / d.numTokensScored());
            assertThat(d.prediction()).isEqualTo(d.zScore() > 4.0);
        }
    }

    @Test
    void tokensScoredWithoutDeduplicationFollowTheReferenceFormula() {
        int[] tokens = Rngs.seeded(1).ints(120, 0, 1000).toArray();
        // 120 tokens: T = 119 (lefthash), 117 (selfhash), 116 (minhash), 115 (skipgram).
        String[] names = {"lefthash", "selfhash", "minhash", "skipgram"};
        int[] expected = {119, 117, 116, 115};
        for (int i = 0; i < names.length; i++) {
            Detection d = WatermarkDetector.of(WatermarkScheme.reference(names[i], 1000, 0.25, 2.0))
                    .withIgnoreRepeatedNgrams(false).detect(tokens);
            assertThat(d.numTokensScored()).isEqualTo(expected[i]);
            assertThat(d.numNgrams()).isEqualTo(expected[i]);
            assertThat(d.greenTokenMask()).hasSize(expected[i]);
        }
    }

    @Test
    void deduplicationCountsEachDistinctNgramOnce() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 50, 0.5, 2.0);
        int[] tokens = {1, 2, 1, 2, 1, 2, 3};
        Detection dedup = WatermarkDetector.of(s).detect(tokens);
        Detection all = WatermarkDetector.of(s).withIgnoreRepeatedNgrams(false).detect(tokens);
        // bigrams (1,2) (2,1) (1,2) (2,1) (1,2) (2,3): 3 distinct
        assertThat(dedup.numTokensScored()).isEqualTo(3);
        assertThat(dedup.numNgrams()).isEqualTo(6);
        assertThat(all.numTokensScored()).isEqualTo(6);
        boolean[] mask = dedup.greenTokenMask();
        assertThat(mask).containsExactly(all.greenTokenMask());
        assertThat(mask[0]).isEqualTo(mask[2]).isEqualTo(mask[4]);
        int expectedGreen = (mask[0] ? 1 : 0) + (mask[1] ? 1 : 0) + (mask[5] ? 1 : 0);
        assertThat(dedup.numGreenTokens()).isEqualTo(expectedGreen);
    }

    @Test
    void runningZEndsAtTheFinalZAndRepeatsHoldTheirValue() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 50, 0.25, 2.0);
        int[] tokens = {1, 2, 1, 2, 7, 9, 1, 2, 4};
        Detection d = WatermarkDetector.of(s).detect(tokens);
        double[] zAtT = d.zScoreAtT();
        assertThat(zAtT[zAtT.length - 1]).isCloseTo(d.zScore(), within(1e-12));
        // position 2 repeats bigram (1,2) of position 0 and position 1's (2,1) is new: 2 holds 1's value
        assertThat(zAtT[2]).isEqualTo(zAtT[1]);
        boolean[] mask = d.greenTokenMask();
        double z0 = ((mask[0] ? 1 : 0) - 0.25) / Math.sqrt(0.25 * 0.75);
        assertThat(zAtT[0]).isCloseTo(z0, within(1e-12));
    }

    @Test
    void shortTextsAreNotScorable() {
        WatermarkDetector selfhash = WatermarkDetector.of(WatermarkScheme.reference("selfhash", 100, 0.25, 2.0));
        // The reference requires len - h >= 1, i.e. 5 tokens for selfhash.
        Detection d = selfhash.detect(new int[] {1, 2, 3, 4});
        assertThat(d.scorable()).isFalse();
        assertThat(d.prediction()).isFalse();
        assertThat(d.zScore()).isNaN();
        assertThat(d.pValue()).isNaN();
        assertThat(d.confidence()).isEmpty();
        assertThat(d.toString()).contains("not scorable");
        assertThat(selfhash.detect(new int[0]).scorable()).isFalse();
        Detection five = selfhash.detect(new int[] {1, 2, 3, 4, 5});
        assertThat(five.scorable()).isTrue();
        assertThat(five.numTokensScored()).isEqualTo(2);
    }

    @Test
    void fullyGreenTextCrossesTheStrictThresholdAsTheoryPredicts() {
        // gamma = 0.5: z = sqrt(T); T = 16 gives exactly 4, which the strict test does not call watermarked.
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 64, 0.5, 2.0);
        int[] sixteen = greenChain(s, 17, Rngs.seeded(2));
        Detection d16 = WatermarkDetector.of(s).withIgnoreRepeatedNgrams(false).detect(sixteen);
        assertThat(d16.numTokensScored()).isEqualTo(16);
        assertThat(d16.numGreenTokens()).isEqualTo(16);
        assertThat(d16.zScore()).isEqualTo(4.0);
        assertThat(d16.prediction()).isFalse();
        assertThat(d16.confidence()).isEmpty();
        Detection d17 = WatermarkDetector.of(s).withIgnoreRepeatedNgrams(false).detect(greenChain(s, 18, Rngs.seeded(2)));
        assertThat(d17.prediction()).isTrue();
        assertThat(d17.confidence()).hasValue(1 - d17.pValue());
        assertThat(d17.binomialPValue()).isEqualTo(Math.pow(0.5, 17), within(1e-20));
        assertThat(d17.toString()).startsWith("Detection[WATERMARKED z=4.123 > 4.0, T=17,");
    }

    /** A sequence whose every token is green for its predecessor. */
    static int[] greenChain(WatermarkScheme s, int length, RandomGenerator rng) {
        int[] tokens = new int[length];
        tokens[0] = rng.nextInt(s.vocabularySize());
        for (int i = 1; i < length; i++) {
            int[] green = s.greenList(new int[] {tokens[i - 1]});
            tokens[i] = green[rng.nextInt(green.length)];
        }
        return tokens;
    }

    @Test
    void pValuesAreTheExactNormalTail() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 64, 0.5, 2.0);
        Detection d = WatermarkDetector.of(s).withIgnoreRepeatedNgrams(false).detect(greenChain(s, 17, Rngs.seeded(2)));
        assertThat(d.pValue()).isCloseTo(3.167124183311992e-5, within(1e-17));
    }

    @Test
    void bosIsDroppedOnlyWhenConfiguredAndLeading() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 100, 0.25, 2.0);
        int[] tokens = {0, 5, 6, 7, 8};
        WatermarkDetector d = WatermarkDetector.of(s).withBosTokenId(0);
        assertThat(d.detect(tokens).numNgrams()).isEqualTo(3);
        assertThat(WatermarkDetector.of(s).detect(tokens).numNgrams()).isEqualTo(4);
        assertThat(d.detect(new int[] {5, 0, 6}).numNgrams()).isEqualTo(2);
        assertThat(d.bosTokenId()).isZero();
        assertThat(d.toString()).contains("bos=0");
    }

    @Test
    void detectTextEncodesWithTheTokenizer() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 256, 0.25, 2.0);
        Tokenizer bytes = new Tokenizer() {
            @Override
            public int vocabularySize() {
                return 256;
            }

            @Override
            public int[] encode(String text) {
                return text.chars().toArray();
            }

            @Override
            public String decode(int[] tokens) {
                return new String(tokens, 0, tokens.length);
            }
        };
        WatermarkDetector detector = WatermarkDetector.of(s);
        assertThat(detector.detectText("hello world", bytes)).isEqualTo(detector.detect("hello world".chars().toArray()));
        WatermarkDetector wide = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 300, 0.25, 2.0));
        assertThatThrownBy(() -> wide.detectText("x", bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenizer.vocabularySize() must equal the scheme's vocabularySize 300, got 256");
    }

    @Test
    void sameAnswersFromEightThreadsAtOnce() throws Exception {
        ReferenceScheme s = WatermarkScheme.reference("lefthash", 5000, 0.25, 2.0).withCacheCapacity(64);
        WatermarkDetector detector = WatermarkDetector.of(s);
        RandomGenerator rng = Rngs.seeded(8);
        List<int[]> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int[] text = rng.ints(150, 0, 40).toArray(); // few contexts: the shared memo is hit concurrently
            texts.add(i % 2 == 0 ? text : greenChain(s, 150, rng));
        }
        WatermarkDetector fresh = WatermarkDetector.of(s.withCacheCapacity(0));
        List<Detection> expected = texts.stream().map(fresh::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Detection>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> texts.stream().map(detector::detect).toList()));
            }
            for (Future<List<Detection>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void windowedDetectionFindsABuriedWatermark() {
        WatermarkScheme s = WatermarkScheme.reference("lefthash", 2000, 0.25, 2.0);
        RandomGenerator rng = Rngs.seeded(12);
        int[] human = rng.ints(200, 0, 2000).toArray();
        int[] marked = greenChain(s, 60, rng);
        int[] text = new int[260];
        System.arraycopy(human, 0, text, 0, 100);
        System.arraycopy(marked, 0, text, 100, 60);
        System.arraycopy(human, 100, text, 160, 100);
        WatermarkDetector detector = WatermarkDetector.of(s);
        Detection whole = detector.detect(text);
        WindowedDetection w = detector.detectWindowed(text);
        assertThat(w.uncorrectedZScore()).isGreaterThan(whole.zScore());
        assertThat(w.firstToken()).isBetween(95, 110);
        assertThat(w.lastToken()).isBetween(150, 165);
        assertThat(w.windowsTested()).isEqualTo((long) (w.numTokensScored() + 2) * (w.numTokensScored() - 1) / 2);
        assertThat(w.bonferroniPValue()).isEqualTo(Math.min(1, w.windowsTested() * w.uncorrectedPValue()));
        assertThat(w.prediction()).isTrue();
        assertThat(w.toString()).contains("Bonferroni").contains("uncorrected");
    }

    @Test
    void windowedZOnHumanTextIsInflatedButTheCorrectedTestHolds() {
        // On unwatermarked text the best window's z is far above the whole-text z: that is the multiple-testing
        // inflation. The Bonferroni-corrected decision stays negative.
        WatermarkScheme s = WatermarkScheme.keyed(WatermarkKey.of(1, 2), 1, false, 5000, 0.25, 2.0);
        WatermarkDetector detector = WatermarkDetector.of(s);
        RandomGenerator rng = Rngs.seeded(13);
        int inflated = 0;
        for (int i = 0; i < 50; i++) {
            int[] text = rng.ints(300, 0, 5000).toArray();
            WindowedDetection w = detector.detectWindowed(text);
            assertThat(w.prediction()).isFalse();
            if (w.uncorrectedZScore() > 2.0) {
                inflated++;
            }
        }
        assertThat(inflated).isGreaterThan(40);
    }

    @Test
    void windowedDetectionNeedsTwoScoredNgrams() {
        WatermarkDetector d = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0));
        assertThat(d.detectWindowed(new int[] {3}).scorable()).isFalse();
        assertThat(d.detectWindowed(new int[] {3, 4}).scorable()).isFalse();
        assertThat(d.detectWindowed(new int[] {3, 4}).toString()).contains("not scorable");
        WindowedDetection three = d.detectWindowed(new int[] {3, 4, 5});
        assertThat(three.scorable()).isTrue();
        assertThat(three.windowSize()).isEqualTo(1);
        assertThat(three.windowsTested()).isEqualTo(2);
    }

    @Test
    void resultsCopyTheirArraysAndPrintOnOneLine() {
        Detection d = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0)).detect(new int[] {1, 2, 3});
        boolean[] mask = d.greenTokenMask();
        mask[0] = !mask[0];
        assertThat(d.greenTokenMask()[0]).isNotEqualTo(mask[0]);
        d.zScoreAtT()[0] = 99;
        assertThat(d.zScoreAtT()[0]).isNotEqualTo(99);
        assertThat(d.toString()).doesNotContain("\n").doesNotContain("[Z").contains("T=2");
        assertThat(d).isEqualTo(WatermarkDetector.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0))
                .detect(new int[] {1, 2, 3})).hasSameHashCodeAs(d);
        assertThat(WatermarkDetector.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0)).toString())
                .isEqualTo("WatermarkDetector[lefthash, V=100, gamma=0.25, zThreshold=4.0, ignoreRepeatedNgrams=true]");
    }

    static Stream<Arguments> badInputs() {
        WatermarkDetector d = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 100, 0.25, 2.0));
        return Stream.of(
                Arguments.of((Runnable) () -> WatermarkDetector.of(null), NullPointerException.class, "scheme"),
                Arguments.of((Runnable) () -> d.detect(null), NullPointerException.class, "tokenIds"),
                Arguments.of((Runnable) () -> d.detect(new int[] {1, 100}), IllegalArgumentException.class, "tokenIds[1]"),
                Arguments.of((Runnable) () -> d.detect(new int[] {-1, 3}), IllegalArgumentException.class, "tokenIds[0]"),
                Arguments.of((Runnable) () -> d.detectWindowed(null), NullPointerException.class, "tokenIds"),
                Arguments.of((Runnable) () -> d.detectWindowed(new int[] {5, 500}), IllegalArgumentException.class, "tokenIds[1]"),
                Arguments.of((Runnable) () -> d.detectText(null, null), NullPointerException.class, "text"),
                Arguments.of((Runnable) () -> d.detectText("x", null), NullPointerException.class, "tokenizer"),
                Arguments.of((Runnable) () -> d.withZThreshold(Double.NaN), IllegalArgumentException.class, "zThreshold"),
                Arguments.of((Runnable) () -> d.withZThreshold(Double.POSITIVE_INFINITY), IllegalArgumentException.class, "zThreshold"),
                Arguments.of((Runnable) () -> d.withBosTokenId(100), IllegalArgumentException.class, "bosTokenId"),
                Arguments.of((Runnable) () -> d.withBosTokenId(-2), IllegalArgumentException.class, "bosTokenId"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsNameTheParameter(Runnable call, Class<? extends Throwable> type, String parameter) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(parameter + " ");
    }

    @Test
    void inputsAreNotModified() {
        int[] tokens = Rngs.seeded(4).ints(50, 0, 100).toArray();
        int[] copy = tokens.clone();
        WatermarkDetector d = WatermarkDetector.of(WatermarkScheme.reference("selfhash", 100, 0.25, 2.0)).withBosTokenId(tokens[0]);
        d.detect(tokens);
        d.detectWindowed(tokens);
        assertThat(tokens).isEqualTo(copy);
        assertThat(Arrays.equals(tokens, copy)).isTrue();
    }
}
