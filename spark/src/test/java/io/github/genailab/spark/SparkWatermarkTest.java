package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: on a local[2] session, every output column equals the single-machine detector's result exactly,
 * whatever the partitioning (1, 2 and 7 partitions). Rows are independent, so these tests are also the
 * module's determinism and concurrency check: two task threads share one broadcast detector and its memo.
 */
class SparkWatermarkTest {

    private static final List<WatermarkScheme> SCHEMES = List.of(
            WatermarkScheme.reference("lefthash", 4096, 0.25, 2.0),
            WatermarkScheme.reference("selfhash", 4096, 0.25, 2.0),
            WatermarkScheme.keyed(WatermarkKey.of(17, 42), 2, false, 4096, 0.5, 2.0));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void everyColumnEqualsTheSingleMachineDetector(int partitions) {
        for (WatermarkScheme scheme : SCHEMES) {
            List<int[]> docs = Corpus.documents(scheme, 40, 120, 3 + partitions);
            Dataset<Row> in = Corpus.frame(docs, partitions);
            assertThat(in.rdd().getNumPartitions()).isEqualTo(partitions);
            Dataset<Row> out = SparkWatermark.detect(in, "tokens", scheme);
            assertThat(out.columns()).containsExactly("id", "tokens", "num_tokens_scored", "num_green_tokens",
                    "z_score", "p_value", "prediction");
            assertEqualsSingleMachine(out.collectAsList(), docs, WatermarkDetector.of(scheme));
        }
    }

    @Test
    void aConfiguredDetectorIsAppliedAsConfigured() {
        WatermarkScheme scheme = SCHEMES.get(0);
        WatermarkDetector detector = WatermarkDetector.of(scheme).withZThreshold(1.5).withIgnoreRepeatedNgrams(false);
        List<int[]> docs = Corpus.documents(scheme, 30, 80, 11);
        assertEqualsSingleMachine(SparkWatermark.detect(Corpus.frame(docs, 2), "tokens", detector).collectAsList(),
                docs, detector);
    }

    @Test
    void textIsTokenisedOnTheExecutorsAsTheDetectorEncodesIt() {
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        WatermarkDetector detector = WatermarkDetector.of(WatermarkScheme.reference("lefthash", 4096, 0.25, 2.0));
        List<String> passages = Corpora.tinyShakespearePassages().subList(0, 25);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            rows.add(RowFactory.create(i, passages.get(i)));
        }
        rows.add(RowFactory.create(passages.size(), null));
        rows.add(RowFactory.create(passages.size() + 1, ""));
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        List<Row> out = SparkWatermark.detectText(TestSpark.session().createDataFrame(rows, schema).repartition(3),
                "text", detector, tokenizer).collectAsList();
        assertThat(out).hasSize(rows.size());
        for (Row r : out) {
            int id = r.getInt(0);
            if (id >= passages.size()) {
                assertThat(resultOf(r, 2)).containsOnlyNulls();
                continue;
            }
            assertThat(resultOf(r, 2)).containsExactly(expected(detector.detectText(passages.get(id), tokenizer)));
        }
    }

    @Test
    void sqlFunctionsGiveTheSameNumbers() {
        WatermarkScheme scheme = SCHEMES.get(2);
        WatermarkDetector detector = WatermarkDetector.of(scheme);
        List<int[]> docs = Corpus.documents(scheme, 20, 60, 5);
        Corpus.frame(docs, 2).createOrReplaceTempView("docs");
        SparkWatermark.register(TestSpark.session(), detector);
        List<Row> out = TestSpark.session().sql("SELECT id, genailab_wm_scored(tokens), genailab_wm_green(tokens), "
                + "genailab_wm_z(tokens), genailab_wm_p(tokens), genailab_wm_prediction(tokens), "
                + "genailab_wm(tokens).z_score FROM docs").collectAsList();
        for (Row r : out) {
            Object[] expected = expected(detector.detect(docs.get(r.getInt(0))));
            assertThat(resultOf(r, 1)).containsExactly(expected);
            assertThat(r.get(6)).isEqualTo(expected[2]);
        }
    }

    /** The five columns are fields of one struct: the optimised plan calls the detection once per row. */
    @Test
    void theDetectorRunsOncePerRowForAllFiveColumns() {
        WatermarkScheme scheme = SCHEMES.get(2);
        String plan = SparkWatermark.detect(Corpus.frame(Corpus.documents(scheme, 4, 10, 1), 1), "tokens", scheme)
                .queryExecution().optimizedPlan().toString();
        assertThat(plan.split("UDF\\(", -1)).as(plan).hasSize(2);
    }

    static void assertEqualsSingleMachine(List<Row> out, List<int[]> docs, WatermarkDetector detector) {
        assertThat(out).hasSize(docs.size());
        int scorable = 0;
        int watermarked = 0;
        for (Row r : out) {
            Object[] expected = expected(detector.detect(docs.get(r.getInt(0))));
            assertThat(resultOf(r, 2)).as("document %d", r.getInt(0)).containsExactly(expected);
            scorable += expected[0] != null ? 1 : 0;
            watermarked += Boolean.TRUE.equals(expected[4]) ? 1 : 0;
        }
        assertThat(scorable).isGreaterThan(docs.size() / 2);
        assertThat(watermarked).isPositive().isLessThan(scorable);
    }

    /** The five result columns of a row, from column {@code first}. */
    static Object[] resultOf(Row r, int first) {
        Object[] values = new Object[5];
        for (int i = 0; i < 5; i++) {
            values[i] = r.get(first + i);
        }
        return values;
    }

    /** What the columns must hold for a single-machine detection (nulls when not scorable). */
    static Object[] expected(Detection d) {
        if (!d.scorable()) {
            return new Object[5];
        }
        return new Object[] {d.numTokensScored(), d.numGreenTokens(), d.zScore(), d.pValue(), d.prediction()};
    }
}
