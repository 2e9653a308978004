package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the watermark entry points' bad inputs. Malformed rows give null results, ids out of range a named
 * error (never an ArrayIndexOutOfBoundsException from an executor), and a wrong column fails on the driver
 * before anything runs, naming the column and its type.
 */
class BadInputTest {

    private static final WatermarkScheme SCHEME = WatermarkScheme.reference("lefthash", 4096, 0.25, 2.0);

    @SafeVarargs
    private static Dataset<Row> tokens(List<Integer>... rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(RowFactory.create(i, rows[i]));
        }
        return TestSpark.session().createDataFrame(out, Corpus.SCHEMA);
    }

    @Test
    void malformedRowsGiveNullResultsAndTheOthersAreScored() {
        List<Row> out = SparkWatermark.detect(tokens(null, Arrays.asList(1, null, 3), List.of(), List.of(5),
                List.of(5, 6), List.of(1, 2, 3, 4, 5, 6, 7, 8)), "tokens", SCHEME).orderBy("id").collectAsList();
        for (int i = 0; i < 4; i++) {
            assertThat(SparkWatermarkTest.resultOf(out.get(i), 2)).as("row %d", i).containsOnlyNulls();
        }
        assertThat(out.get(4).<Integer>getAs("num_tokens_scored")).isEqualTo(1);
        assertThat(out.get(5).<Integer>getAs("num_tokens_scored")).isEqualTo(7);
    }

    @Test
    void idsOutsideTheVocabularyFailTheJobNamingColumnPositionAndValue() {
        for (int bad : new int[] {-1, 4096, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            Dataset<Row> out = SparkWatermark.detect(tokens(List.of(1, 2, 3), List.of(1, bad, 3)), "tokens", SCHEME);
            assertThatThrownBy(out::collectAsList).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasStackTraceContaining("column tokens: tokenIds[1]").hasStackTraceContaining(Integer.toString(bad))
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("IndexOutOfBounds"));
        }
    }

    @Test
    void wrongColumnsFailOnTheDriverNamingColumnAndType() {
        Dataset<Row> in = tokens(List.of(1, 2, 3));
        List<Object[]> cases = List.of(
                new Object[] {in.withColumn("tokens", functions.col("tokens").cast("array<bigint>")), "array<bigint>"},
                new Object[] {in.withColumn("tokens", functions.col("tokens").cast("array<double>")), "array<double>"},
                new Object[] {in.withColumn("tokens", functions.lit("1 2 3")), "string"},
                new Object[] {in.withColumn("tokens", functions.lit(7)), "int"},
                new Object[] {in.withColumn("tokens", functions.array(functions.col("tokens"))), "array<array<int>>"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Dataset<Row> d = (Dataset<Row>) c[0];
            assertThatThrownBy(() -> SparkWatermark.detect(d, "tokens", SCHEME))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column tokens must have type array<int>, got " + c[1]);
        }
        assertThatThrownBy(() -> SparkWatermark.detect(in, "ids", SCHEME)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokensColumn must name a column of the dataset [id, tokens], got ids");
        assertThatThrownBy(() -> SparkWatermark.detect(in.withColumn("z_score", functions.lit(0)), "tokens", SCHEME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output column z_score");
        assertThatThrownBy(() -> SparkWatermark.detect(null, "tokens", SCHEME)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkWatermark.detect(in, null, SCHEME)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkWatermark.detect(in, "tokens", (WatermarkScheme) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkWatermark.detect(in, "tokens", (WatermarkDetector) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void textDetectionChecksItsColumnAndTokenizer() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        Dataset<Row> in = TestSpark.session().createDataFrame(List.of(RowFactory.create(0, "ab\uD800c")), schema);
        BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
        WatermarkDetector detector = WatermarkDetector.of(SCHEME);
        assertThatThrownBy(() -> SparkWatermark.detectText(in, "text", WatermarkDetector.of(
                WatermarkScheme.reference("lefthash", 50257, 0.25, 2.0)), tokenizer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenizer.vocabularySize() must equal the scheme's vocabularySize 50257, got 4096");
        assertThatThrownBy(() -> SparkWatermark.detectText(in, "id", detector, tokenizer))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column id must have type string, got int");
        assertThatThrownBy(() -> SparkWatermark.detectText(in, "text", detector, null))
                .isInstanceOf(NullPointerException.class);
        // Spark keeps strings as UTF-8: the lone surrogate arrives as '?'.
        assertThat(SparkWatermarkTest.resultOf(SparkWatermark.detectText(in, "text", detector, tokenizer)
                .collectAsList().get(0), 2)).containsExactly(SparkWatermarkTest.expected(
                        detector.detectText("ab?c", tokenizer)));
    }

    @Test
    void sqlFunctionsNameThemselvesWhenTheArgumentIsNotAnIntArray() {
        SparkWatermark.register(TestSpark.session(), WatermarkDetector.of(SCHEME));
        tokens(List.of(1, 2, 3)).createOrReplaceTempView("bad_docs");
        assertThatThrownBy(() -> TestSpark.session().sql("SELECT genailab_wm_z(CAST(tokens AS array<bigint>)) "
                + "FROM bad_docs").collectAsList()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("argument of genailab_wm_z[0] must be an int");
        assertThatThrownBy(() -> TestSpark.session().sql("SELECT genailab_wm(CAST(id AS string)) FROM bad_docs")
                .collectAsList()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("argument of genailab_wm must be array<int>");
        assertThat(TestSpark.session().sql("SELECT genailab_wm_p(CAST(NULL AS array<int>)) FROM bad_docs")
                .collectAsList().get(0).isNullAt(0)).isTrue();
        assertThatThrownBy(() -> SparkWatermark.register(null, WatermarkDetector.of(SCHEME)))
                .isInstanceOf(NullPointerException.class);
    }

    private static String stackTrace(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t).append('\n');
        }
        return s.toString();
    }
}
