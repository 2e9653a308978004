package io.github.genailab.watermark.families.unbiased;

import static io.github.genailab.watermark.families.FamilyGoldens.at;
import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.families.FamilyGoldens;
import io.github.genailab.watermark.internal.ContextSeeds;
import io.github.genailab.watermark.internal.PermutationReweight;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Unbiased watermark against MarkLLM and the original repository. The references compute in float32 and
 * write -inf as -3.4028235e38; bounds are compared to 1e-5 absolute (or 1e-6 relative to the larger values),
 * with that stand-in read as -inf.
 */
class UnbiasedWatermarkTest {

    private static final double[] DIST_P = new double[11];
    private static final double[] DIST_Q = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    @Test
    void gammaReweightIsDipmarkAtOneHalf() {
        List<?> cases = (List<?>) at("unbiased", "gamma_reweight_toy");
        for (int i = 0; i < cases.size(); i++) {
            String c = Integer.toString(i);
            double[] p = doubles("unbiased", "gamma_reweight_toy", c, "p_values");
            double[] q = PermutationReweight.apply(p, ints("unbiased", "gamma_reweight_toy", c, "permutation"), 0.5);
            double[] expected = doubles("unbiased", "gamma_reweight_toy", c, "original_gamma_reweight_gamma_1",
                    "output_probs");
            for (int v = 0; v < q.length; v++) {
                assertThat(q[v]).isCloseTo(expected[v], within(1e-7));
            }
        }
    }

    @Test
    void maximinBoundsEqualTheReferenceOnEveryPair() {
        List<?> pairs = (List<?>) at("unbiased", "max_llr", "pairs");
        assertThat(pairs).hasSize(3);
        for (int i = 0; i < pairs.size(); i++) {
            String c = Integer.toString(i);
            double[] p = softmax(doubles("unbiased", "max_llr", "pairs", c, "p_logits"));
            double[] q = softmax(doubles("unbiased", "max_llr", "pairs", c, "q_logits"));
            double[][] bounds = MaximinLlr.bounds(p, q, DIST_P, DIST_Q);
            double[] max = doubles("unbiased", "max_llr", "pairs", c, "original_RobustLLR_Score_Batch_v2", "max_llr");
            double[] min = doubles("unbiased", "max_llr", "pairs", c, "original_RobustLLR_Score_Batch_v2", "min_llr");
            for (int j = 0; j < DIST_Q.length; j++) {
                assertClose(bounds[0][j], max[j], "pair " + i + " max query " + j);
                assertClose(bounds[1][j], min[j], "pair " + i + " min query " + j);
            }
        }
    }

    @Test
    void detectionScoreEqualsMarkLlmOnItsStubModel() {
        // MarkLLM scores tokens 5..n-2 (never the last), without history masking; S = max over the 11 queries.
        for (String section : new String[] {"detect", "detect_watermarked"}) {
            int[] ids = ints("unbiased", section, "ids");
            List<?> rows = (List<?>) at("unbiased", "detect", "logits_rows");
            ContextSeeds seeds = new ContextSeeds(FamilyGoldens.key42(), 5);
            double[] sums = new double[DIST_Q.length];
            for (int t = 5; t < ids.length - 1; t++) {
                double[] p = softmax(FamilyGoldens.doubles(rows.get(t - 1)));
                double[] q = PermutationReweight.apply(p, TorchRandperm.randperm(64, seeds.seed(ids, t)), 0.5);
                double[] s = MaximinLlr.scores(p, q, ids[t], DIST_P, DIST_Q);
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += s[j];
                }
            }
            double best = Arrays.stream(sums).max().orElseThrow();
            assertThat(best).as(section).isCloseTo(number("unbiased", section, "final_score_S"), within(2e-5));
        }
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> UnbiasedWatermark.of(1, 0L)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> UnbiasedWatermark.of(10, (byte[]) null)).isInstanceOf(NullPointerException.class);
        UnbiasedWatermark w = UnbiasedWatermark.of(10, 7L);
        assertThatThrownBy(() -> w.withTemperature(Double.NaN)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> w.detect(new int[5], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> w.detect(new int[6], null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("model");
    }

    private static void assertClose(double actual, double expected, String what) {
        if (expected <= -3.4e38) {
            assertThat(actual).as(what).isEqualTo(Double.NEGATIVE_INFINITY);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-5 + 1e-6 * Math.abs(expected)));
        }
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] e = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
        double sum = Arrays.stream(e).sum();
        return Arrays.stream(e).map(x -> x / sum).toArray();
    }
}
