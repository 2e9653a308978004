package io.github.genailab.watermark.families.exp;

import static io.github.genailab.watermark.families.FamilyGoldens.doubles;
import static io.github.genailab.watermark.families.FamilyGoldens.exactLong;
import static io.github.genailab.watermark.families.FamilyGoldens.ints;
import static io.github.genailab.watermark.families.FamilyGoldens.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.internal.WindowKeys;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExpWatermarkTest {

    private static final ExpWatermark MARKLLM = ExpWatermark.markLlm(50272, 15485863);

    @Test
    void seedAndUniformsEqualMarkLlms() {
        int[] ids = ints("exp", "ids");
        long seed = MARKLLM.seed(ids, ids.length);
        assertThat(seed).isEqualTo(exactLong("exp", "seed"));
        float[] r = MARKLLM.uniforms(seed);
        double[] first = doubles("exp", "r_first8");
        for (int i = 0; i < first.length; i++) {
            assertThat((double) r[i]).isEqualTo(first[i]);
        }
        assertThat((double) r[1332]).isEqualTo(number("exp", "r_1332"));
    }

    @Test
    void detectionEqualsMarkLlmOnW30() {
        WatermarkScore s = MARKLLM.detect(ints("inputs", "W30"), null);
        assertThat(s.tokensScored()).isEqualTo((int) number("exp", "detect_W30", "T"));
        assertThat(s.score()).isCloseTo(number("exp", "detect_W30", "S"), within(1e-12));
        assertThat(s.pValue()).isCloseTo(number("exp", "detect_W30", "p_value"), within(1e-12));
        double[] terms = doubles("exp", "detect_W30", "terms");
        double[] r = doubles("exp", "detect_W30", "r_at_token");
        for (int i = 0; i < terms.length; i++) {
            assertThat(ExpWatermark.term((float) r[i])).isEqualTo(terms[i]);
        }
    }

    @Test
    void hashChainSeedIsPythonsExactArithmetic() {
        BigInteger modulus = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        long[][] cases = {{0, 35317, 464}, {-2, 35317, 5}, {Long.MAX_VALUE, Long.MAX_VALUE, 50000}, {-1 - 1, 1, 0}};
        for (long[] c : cases) {
            BigInteger s = new BigInteger(Long.toUnsignedString(c[0])).mod(modulus);
            BigInteger expected = s.multiply(BigInteger.valueOf(c[1])).add(BigInteger.valueOf(c[2])).mod(modulus);
            assertThat(Long.toUnsignedString(WindowKeys.mulAddMod(s.longValue(), c[1], (int) c[2])))
                    .isEqualTo(expected.toString());
        }
        // The Three Bricks / Permute-and-Flip hash chain (salt 35317) over the reference's 8-id window.
        ExpWatermark threeBricks = ExpWatermark.of(32000, 35317).withContextWidth(8);
        int[] window = ints("pf", "window");
        long seed = threeBricks.seed(window, window.length);
        assertThat(seed).isEqualTo(exactLong("pf", "seed", "window"));
        float[] r = threeBricks.uniforms(seed);
        double[] first = doubles("pf", "rand_first3");
        for (int i = 0; i < first.length; i++) {
            assertThat((double) r[i]).isEqualTo(first[i]);
        }
    }

    @Test
    void repeatedWindowsAreScoredOnce() {
        ExpWatermark w = ExpWatermark.of(100, 9);
        int[] loop = new int[40];
        for (int i = 0; i < loop.length; i++) {
            loop[i] = i % 5;
        }
        // Windows of 4 over a period-5 text: 5 distinct windows.
        assertThat(w.detect(loop, null).tokensScored()).isEqualTo(5);
        assertThat(ExpWatermark.markLlm(100, 9).detect(loop, null).tokensScored()).isEqualTo(36);
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> ExpWatermark.of(1, 0)).hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> ExpWatermark.of(10, -1)).hasMessageContaining("key");
        assertThatThrownBy(() -> MARKLLM.withContextWidth(0)).hasMessageContaining("contextWidth");
        assertThatThrownBy(() -> MARKLLM.seed(new int[3], 3)).hasMessageContaining("length");
        assertThatThrownBy(() -> MARKLLM.detect(new int[4], null)).hasMessageContaining("tokens.length");
        assertThatThrownBy(() -> MARKLLM.detect(new int[] {0, 0, 0, 0, 50272}, null)).hasMessageContaining("tokens");
        assertThat(Arrays.asList(MARKLLM.uniforms(1).length)).containsExactly(50272);
    }
}
