package io.github.genailab.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class BinomialTailTest {

    /** P(X >= g) summed exactly with BigDecimal (p given as a decimal string, exact). */
    private static double exactUpper(int g, int n, String p) {
        BigDecimal prob = new BigDecimal(p);
        BigDecimal q = BigDecimal.ONE.subtract(prob);
        BigDecimal sum = BigDecimal.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int x = 0; x <= n; x++) {
            if (x > 0) {
                choose = choose.multiply(BigInteger.valueOf(n - x + 1)).divide(BigInteger.valueOf(x));
            }
            if (x >= g) {
                sum = sum.add(new BigDecimal(choose).multiply(prob.pow(x)).multiply(q.pow(n - x)));
            }
        }
        return sum.round(MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void matchesExactSumsAcrossTheRange() {
        int[][] cases = {{1, 1}, {0, 10}, {3, 10}, {10, 10}, {11, 10}, {50, 200}, {51, 200}, {80, 200}, {150, 200},
            {200, 200}, {30, 200}, {300, 1000}, {600, 1000}, {1, 1000}, {17, 17}};
        for (String p : new String[] {"0.25", "0.5", "0.1"}) {
            for (int[] c : cases) {
                double expected = exactUpper(c[0], c[1], p);
                double actual = BinomialTail.upper(c[0], c[1], Double.parseDouble(p));
                if (expected == 0) {
                    assertThat(actual).isZero();
                } else {
                    assertThat(actual / expected).as("g=%d n=%d p=%s", c[0], c[1], p).isCloseTo(1.0, within(1e-11));
                }
            }
        }
    }

    @Test
    void farTailsKeepRelativeAccuracy() {
        // All 200 tokens green with gamma = 0.25: 0.25^200 = 3.9e-121, far below what 1 - cdf can represent.
        assertThat(BinomialTail.upper(200, 200, 0.25) / Math.pow(0.25, 200)).isCloseTo(1.0, within(1e-12));
        assertThat(BinomialTail.upper(0, 200, 0.25)).isEqualTo(1.0);
    }
}
