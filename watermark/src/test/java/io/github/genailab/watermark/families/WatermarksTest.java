package io.github.genailab.watermark.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.testkit.TestModels;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.Watermarks;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry and the contract every family keeps (issue 15's "One interface" and "Bad input"). */
class WatermarksTest {

    private static final int V = 64;
    /** A small model with varied next-token distributions, enough for every family to generate. */
    private static final LanguageModel MODEL = TestModels.sinusoidalBigram(V);

    static Stream<String> families() {
        return Watermarks.available().stream();
    }

    @Test
    void theRegistryListsTheIssuesFamilies() {
        assertThat(Watermarks.available()).containsExactly("kgw", "unigram", "sweet", "ewd", "unbiased", "dipmark",
                "exp", "exp-edit", "synthid", "pf");
        assertThatThrownBy(() -> Watermarks.available().add("x")).isInstanceOf(UnsupportedOperationException.class);
        for (String name : Watermarks.available()) {
            assertThat(Watermarks.create(name, V, 7).name()).isEqualTo(name);
        }
    }

    @Test
    void badRegistryArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> Watermarks.create("kirchenbauer", V, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name").hasMessageContaining("[kgw, unigram");
        assertThatThrownBy(() -> Watermarks.create(null, V, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Watermarks.create("kgw", 1, 1)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> Watermarks.create("kgw", (1 << 24) + 1, 1)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> Watermarks.create("exp", V, -1)).hasMessageContaining("key");
        assertThatThrownBy(() -> Watermarks.create("exp-edit", V, 1L << 32)).hasMessageContaining("key");
    }

    @ParameterizedTest
    @MethodSource("families")
    void generationIsSeededAndDetectionGivesAValidPValue(String name) {
        Watermark w = Watermarks.create(name, V, 11);
        int[] prompt = {1, 2, 3};
        int[] a = w.generate(MODEL, prompt, 60, Rngs.seeded(5));
        assertThat(a).hasSize(60);
        assertThat(Arrays.stream(a).allMatch(t -> t >= 0 && t < V)).isTrue();
        assertThat(w.generate(MODEL, prompt, 60, Rngs.seeded(5))).containsExactly(a);
        assertThat(w.generate(MODEL, prompt, 0, Rngs.seeded(5))).isEmpty();
        assertThat(prompt).containsExactly(1, 2, 3);
        WatermarkScore s = w.detect(a, MODEL);
        assertThat(s.watermark()).isEqualTo(name);
        assertThat(s.pValue()).isBetween(0.0, 1.0).isEqualTo(w.pValue(a, MODEL));
        assertThat(Double.isFinite(s.score())).isTrue();
        // The shortest text accepted, and a constant one (every context repeated): valid p-values, never NaN.
        int[] shortest = Arrays.copyOf(a, w.minimumTokens());
        assertThat(w.pValue(shortest, MODEL)).isBetween(0.0, 1.0);
        assertThat(w.pValue(new int[40], MODEL)).isBetween(0.0, 1.0);
    }

    @ParameterizedTest
    @MethodSource("families")
    void nextTokenDistributionIsAProbabilityVector(String name) {
        Watermark w = Watermarks.create(name, V, 11);
        int[] context = {5, 9, 2, 7, 1, 3};
        double[] logits = MODEL.nextTokenLogits(context, context.length);
        double[] q = w.nextTokenDistribution(context, context.length, logits);
        assertThat(q).hasSize(V);
        assertThat(Arrays.stream(q).allMatch(x -> x >= 0 && x <= 1)).isTrue();
        assertThat(Arrays.stream(q).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(logits).containsExactly(MODEL.nextTokenLogits(context, context.length));
        assertThatThrownBy(() -> w.nextTokenDistribution(context, 7, logits)).hasMessageContaining("length");
        assertThatThrownBy(() -> w.nextTokenDistribution(context, 6, new double[V - 1])).hasMessageContaining("logits");
        double[] nan = logits.clone();
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> w.nextTokenDistribution(context, 6, nan)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> w.nextTokenDistribution(new int[] {V}, 1, logits)).hasMessageContaining("tokens[0]");
    }

    @ParameterizedTest
    @MethodSource("families")
    void badInputsAreRefusedByName(String name) {
        Watermark w = Watermarks.create(name, V, 11);
        LanguageModel other = new LanguageModel() {
            @Override
            public int vocabularySize() {
                return V + 1;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                return new double[V + 1];
            }
        };
        assertThatThrownBy(() -> w.generate(other, new int[0], 5, Rngs.seeded(1)))
                .hasMessageContaining("model.vocabularySize()");
        assertThatThrownBy(() -> w.generate(MODEL, new int[] {V}, 5, Rngs.seeded(1))).hasMessageContaining("prompt");
        assertThatThrownBy(() -> w.generate(MODEL, new int[0], -1, Rngs.seeded(1))).hasMessageContaining("maxNewTokens");
        assertThatThrownBy(() -> w.generate(MODEL, new int[0], 5, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> w.generate(null, new int[0], 5, Rngs.seeded(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> w.detect(new int[w.minimumTokens() - 1], MODEL)).hasMessageContaining("tokens.length")
                .hasMessageContaining(">= " + w.minimumTokens());
        assertThatThrownBy(() -> w.pValue(new int[] {0, 1, 2, 3, 4, 5, V}, MODEL)).hasMessageContaining("tokens");
        assertThatThrownBy(() -> w.withTemperature(0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> w.withTemperature(Double.POSITIVE_INFINITY)).hasMessageContaining("temperature");
        if (w.detectionNeedsModel()) {
            assertThatThrownBy(() -> w.detect(new int[10], null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("model");
            assertThatThrownBy(() -> w.detect(new int[10], other)).hasMessageContaining("model.vocabularySize()");
        } else {
            assertThat(w.pValue(new int[10], null)).isEqualTo(w.pValue(new int[10], other));
        }
    }
}
