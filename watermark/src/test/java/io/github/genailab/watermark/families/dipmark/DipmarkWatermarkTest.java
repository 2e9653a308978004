package io.github.genailab.watermark.families.dipmark;

import static io.github.genailab.watermark.families.FamilyGoldens.at;
import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.families.FamilyGoldens;
import io.github.genailab.watermark.internal.PermutationReweight;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DipmarkWatermarkTest {

    private static final DipmarkWatermark KEY42 = DipmarkWatermark.of(50272, FamilyGoldens.key42());

    @Test
    void seedAndPermutationEqualTheReferences() {
        int[] context = ints("dipmark", "context");
        long seed = KEY42.seed(context, context.length);
        assertThat(seed).isEqualTo((long) number("dipmark", "seed"));
        assertThat(Arrays.copyOf(TorchRandperm.randperm(50272, seed), 16)).containsExactly(
                ints("dipmark", "randperm_first16"));
        int position = PermutationReweight.positionOf(TorchRandperm.randperm(50272, seed), 262);
        assertThat((position + 1) / 50272.0).isCloseTo(number("dipmark", "quantile_token_262"), within(1e-7));
    }

    @Test
    void reweightEqualsTheReferenceOnEveryGoldenCase() {
        List<?> cases = (List<?>) at("dipmark", "reweight");
        assertThat(cases).isNotEmpty();
        for (int i = 0; i < cases.size(); i++) {
            String c = Integer.toString(i);
            double[] logits = doubles("dipmark", "reweight", c, "input_logits");
            double[] p = softmax(logits);
            double[] q = PermutationReweight.apply(p, ints("dipmark", "reweight", c, "permutation"),
                    number("dipmark", "reweight", c, "alpha"));
            double[] expected = doubles("dipmark", "reweight", c, "output_probs");
            for (int v = 0; v < q.length; v++) {
                assertThat(q[v]).as("case %d, token %d", i, v).isCloseTo(expected[v], within(1e-6));
            }
        }
    }

    @Test
    void greenFlagsOfFullContextsEqualMarkLlmOnW30() {
        int[] w30 = ints("inputs", "W30");
        int[] flags = ints("dipmark", "score_W30", "flags");
        double[] quantiles = doubles("dipmark", "score_W30", "position_scores");
        int scored = 0;
        int green = 0;
        for (int t = 5; t < w30.length; t++) {
            int position = PermutationReweight.positionOf(TorchRandperm.randperm(50272, KEY42.seed(w30, t)), w30[t]);
            if (flags[t] >= 0) { // -1: a repeated context, masked (the reference reports no quantile)
                assertThat((position + 1) / 50272.0).as("quantile at %d", t).isCloseTo(quantiles[t], within(1e-7));
                scored++;
                green += flags[t];
                assertThat((position + 1) / 50272.0 >= 0.5).isEqualTo(flags[t] == 1);
            }
        }
        // MarkLLM also counts positions 0..4 (shorter contexts) in T; we score full contexts only.
        WatermarkScore s = KEY42.detect(w30, null);
        assertThat(s.tokensScored()).isEqualTo(scored).isEqualTo(24);
        assertThat(s.score()).isCloseTo((green - 0.5 * scored) / Math.sqrt(scored), within(1e-12));
        assertThat(s.pValue()).isCloseTo(binomialUpper(green, scored, KEY42.nullGreenProbability()), within(1e-12));
    }

    @Test
    void reweightIsUnbiasedOverAllPermutations() {
        // E over the 24 permutations of 4 tokens of DiP_alpha(p, pi) equals p exactly, for several alphas.
        double[] p = {0.05, 0.15, 0.3, 0.5};
        for (double alpha : new double[] {0.0, 0.2, 0.45, 0.5}) {
            double[] mean = new double[4];
            int[][] perms = permutations(new int[] {0, 1, 2, 3});
            for (int[] pi : perms) {
                double[] q = PermutationReweight.apply(p, pi, alpha);
                assertThat(Arrays.stream(q).sum()).isCloseTo(1.0, within(1e-15));
                for (int v = 0; v < 4; v++) {
                    mean[v] += q[v] / perms.length;
                }
            }
            for (int v = 0; v < 4; v++) {
                assertThat(mean[v]).as("alpha %s token %d", alpha, v).isCloseTo(p[v], within(1e-15));
            }
        }
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> DipmarkWatermark.of(1, 0L)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> KEY42.withAlpha(0.6)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> KEY42.withAlpha(Double.NaN)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> KEY42.withGamma(0)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> KEY42.withContextWidth(0)).hasMessageContaining("contextWidth");
        assertThatThrownBy(() -> DipmarkWatermark.of(4, 0L).withGamma(0.1)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> KEY42.seed(new int[3], 4)).hasMessageContaining("length");
        assertThatThrownBy(() -> KEY42.detect(new int[5], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> DipmarkWatermark.of(10, (byte[]) null)).isInstanceOf(NullPointerException.class);
    }

    private static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] e = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
        double sum = Arrays.stream(e).sum();
        return Arrays.stream(e).map(x -> x / sum).toArray();
    }

    private static double binomialUpper(int g, int n, double p) {
        double sum = 0;
        for (int x = g; x <= n; x++) {
            double log = lgammaChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
            sum += Math.exp(log);
        }
        return sum;
    }

    private static double lgammaChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    private static int[][] permutations(int[] items) {
        if (items.length == 1) {
            return new int[][] {items.clone()};
        }
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            int[] rest = new int[items.length - 1];
            for (int j = 0, k = 0; j < items.length; j++) {
                if (j != i) {
                    rest[k++] = items[j];
                }
            }
            for (int[] tail : permutations(rest)) {
                int[] perm = new int[items.length];
                perm[0] = items[i];
                System.arraycopy(tail, 0, perm, 1, tail.length);
                out.add(perm);
            }
        }
        return out.toArray(new int[0][]);
    }
}
