package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.testkit.TestModels;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.Watermarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watermark families on Spark: every row equals the family's single-machine detection (watermarked and
 * unwatermarked texts, 2 partitions); short and null rows give nulls; bad arguments fail on the driver.
 */
class SparkWatermarkFamiliesTest {

    private static final int V = 64;
    private static final long KEY = 23;
    /** A small model with varied next-token distributions, enough for every family to generate. */
    private static final LanguageModel MODEL = TestModels.sinusoidalBigram(V);

    @ParameterizedTest
    @ValueSource(strings = {"kgw", "unigram", "dipmark", "exp", "exp-edit", "synthid", "pf"})
    void everyRowEqualsTheSingleMachineDetection(String family) {
        Watermark w = Watermarks.create(family, V, KEY);
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            docs.add(d % 2 == 0 ? w.generate(MODEL, new int[] {d}, 40, Rngs.seeded(d))
                    : Rngs.seeded(100 + d).ints(40, 0, V).toArray());
        }
        docs.add(new int[0]);
        docs.add(null);
        List<Row> rows = SparkWatermarkFamilies.detect(Corpus.frame(docs, 2), "tokens", family, V, KEY)
                .orderBy("id").collectAsList();
        assertThat(rows).hasSize(docs.size());
        for (Row r : rows) {
            int[] ids = docs.get(r.<Integer>getAs("id"));
            if (ids == null || ids.length < w.minimumTokens()) {
                assertThat(r.<Double>getAs(SparkWatermarkFamilies.SCORE)).isNull();
                continue;
            }
            WatermarkScore s = w.detect(ids, null);
            assertThat(r.<Integer>getAs(SparkWatermark.NUM_TOKENS_SCORED)).isEqualTo(s.tokensScored());
            assertThat(r.<Double>getAs(SparkWatermarkFamilies.SCORE)).isEqualTo(s.score());
            assertThat(r.<Double>getAs(SparkWatermark.P_VALUE)).isEqualTo(s.pValue());
        }
        assertThat(rows.get(0).<Double>getAs(SparkWatermark.P_VALUE)).as("a watermarked text").isLessThan(0.05);
    }

    @Test
    void badArgumentsFailOnTheDriverNamingThem() {
        Dataset<Row> in = Corpus.frame(List.of(new int[] {1, 2, 3}), 1);
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(in, "tokens", "nope", V, KEY))
                .hasMessageContaining("name").hasMessageContaining("kgw");
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(in, "tokens", "sweet", V, KEY))
                .hasMessageContaining("family").hasMessageContaining("model");
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(in, "id", "exp", V, KEY))
                .hasMessageContaining("id");
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(in, "tokens", "exp", 1, KEY))
                .hasMessageContaining("vocabularySize");
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(null, "tokens", "exp", V, KEY))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkWatermarkFamilies.detect(Corpus.frame(List.of(new int[] {1, 2, 3, 4, 5, V}), 1),
                "tokens", "exp", V, KEY).collectAsList()).hasMessageContaining("tokens");
        assertThat(Arrays.asList(SparkWatermarkFamilies.resultType().fieldNames())).containsExactlyElementsOf(
                SparkWatermarkFamilies.OUTPUT_COLUMNS);
    }
}
