package io.github.genailab.watermark.families;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.Watermarks;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: the distribution-preserving families' next-token distribution, averaged over keys, is the model's.
 * For each family, K keys give K next-token distributions at one context; for every token x the mean over keys
 * must be within 4 standard errors ({@code s_x / sqrt(K)}, s_x the sample standard deviation over keys) of
 * {@code p_x}. KGW, which is not distribution-preserving, fails the same check at a peaked distribution, so
 * the check has power.
 */
class DistributionPreservationTest {

    private static final int V = 8;
    private static final double[] LOGITS = {2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0, -2.0};
    private static final int[] CONTEXT = {3, 1, 4, 1, 5, 6, 2, 6};
    private static final int KEYS = 6000;

    @ParameterizedTest
    @ValueSource(strings = {"unbiased", "dipmark", "exp", "exp-edit", "synthid"})
    void averagedOverKeysTheNextTokenDistributionIsTheModels(String name) {
        assertThat(largestStandardisedDeviation(name)).as(name).isLessThan(4.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kgw", "unigram"})
    void aGreenListReweightShiftsThePeakedDistributionOnAverage(String name) {
        assertThat(largestStandardisedDeviation(name)).as(name).isGreaterThan(8.0);
    }

    /** max_x |mean_k q_k(x) - p(x)| / (s_x / sqrt(K)) over K keys. */
    private static double largestStandardisedDeviation(String name) {
        double[] p = softmax(LOGITS);
        double[] sum = new double[V];
        double[] sumOfSquares = new double[V];
        for (int k = 0; k < KEYS; k++) {
            Watermark w = Watermarks.create(name, V, 1000 + k);
            double[] q = w.nextTokenDistribution(CONTEXT, CONTEXT.length, LOGITS);
            for (int x = 0; x < V; x++) {
                sum[x] += q[x];
                sumOfSquares[x] += q[x] * q[x];
            }
        }
        double worst = 0;
        for (int x = 0; x < V; x++) {
            double mean = sum[x] / KEYS;
            double sd = Math.sqrt(Math.max(0, (sumOfSquares[x] - KEYS * mean * mean) / (KEYS - 1)));
            worst = Math.max(worst, Math.abs(mean - p[x]) / (sd / Math.sqrt(KEYS)));
        }
        return worst;
    }

    private static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] e = Arrays.stream(logits).map(x -> Math.exp(x - max)).toArray();
        double total = Arrays.stream(e).sum();
        return Arrays.stream(e).map(x -> x / total).toArray();
    }
}
