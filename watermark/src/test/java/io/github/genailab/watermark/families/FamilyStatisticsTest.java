package io.github.genailab.watermark.families;

import static io.github.genailab.watermark.families.ShakespeareTexts.HUMAN;
import static io.github.genailab.watermark.families.ShakespeareTexts.LENGTH;
import static io.github.genailab.watermark.families.ShakespeareTexts.MODEL;
import static io.github.genailab.watermark.families.ShakespeareTexts.PROMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.Watermarks;
import io.github.genailab.watermark.families.expedit.ExpEditWatermark;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's statistical claims for every family of the registry, on 200-token texts of the n-gram model:
 * <ul>
 *   <li>detectability: at least 95% of 40 watermarked texts have {@code p < 0.01} (38 of 40);</li>
 *   <li>validity: of the 300 held-out human texts, the number with {@code p < 0.01} is within 4 standard
 *       errors of its expectation under a valid p-value, {@code 300 * 0.01 = 3}, sd {@code sqrt(300 * 0.01 *
 *       0.99) = 1.72}: at most 9. (A valid p-value can only make it smaller.)</li>
 * </ul>
 * EXP-edit runs with 32 key rows instead of 256: its permutation p-value is valid for any key length, and the
 * statistic costs n k^2, 8 times less. Seeded, so the counts are fixed; the bounds say how far they may be
 * from the expectation before the test fails.
 */
class FamilyStatisticsTest {

    private static final double ALPHA = 0.01;
    private static final int WATERMARKED = 40;
    private static final int HUMAN_TEXTS = 300;

    static Stream<String> families() {
        return Watermarks.available().stream();
    }

    private static Watermark create(String name) {
        return name.equals("exp-edit") ? ExpEditWatermark.of(4096, 15).withKeyLength(32)
                : Watermarks.create(name, 4096, 15);
    }

    @ParameterizedTest
    @MethodSource("families")
    void watermarkedTextsAreDetectedAndHumanTextsFlaggedAtTheNominalRate(String name) {
        Watermark w = create(name);
        RandomGenerator rng = Rngs.seeded(1500 + name.hashCode());
        int detected = 0;
        for (int i = 0; i < WATERMARKED; i++) {
            int[] text = w.generate(MODEL, PROMPTS.get(i), LENGTH, rng);
            assertThat(text).hasSize(LENGTH);
            detected += w.pValue(text, MODEL) < ALPHA ? 1 : 0;
        }
        int falsePositives = 0;
        for (int j = 0; j < HUMAN_TEXTS; j++) {
            double p = w.pValue(HUMAN.get(j), MODEL);
            assertThat(p).isBetween(0.0, 1.0);
            falsePositives += p < ALPHA ? 1 : 0;
        }
        System.out.printf("%s: %d of %d watermarked detected, %d of %d human flagged at p < %s%n", name, detected,
                WATERMARKED, falsePositives, HUMAN_TEXTS, ALPHA);
        assertThat(detected).as("%s: watermarked texts with p < 0.01", name).isGreaterThanOrEqualTo(38);
        assertThat(falsePositives).as("%s: human texts with p < 0.01", name).isLessThanOrEqualTo(9);
    }
}
