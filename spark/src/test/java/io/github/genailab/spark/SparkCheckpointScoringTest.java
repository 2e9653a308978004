package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.llm.CausalLm;
import io.github.genailab.llm.CausalLmOptions;
import io.github.genailab.llm.RandomCheckpoint;
import io.github.genailab.membership.Baselines;
import io.github.genailab.membership.TokenStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: texts scored on the executors with a checkpoint (a tiny random GPT-2 written to a temporary
 * directory with the bundled Shakespeare tokenizer; nothing downloaded) equal the single-machine scores.
 */
class SparkCheckpointScoringTest {

    private static final double K = 0.2;

    @TempDir
    static Path checkpoint;

    private static List<String> texts;

    @BeforeAll
    static void writeCheckpoint() throws IOException {
        RandomCheckpoint.tinyGpt2(Corpora.SHAKESPEARE_VOCABULARY_SIZE).write(checkpoint, 7);
        Corpora.shakespeareTokenizer().save(checkpoint);
        texts = new ArrayList<>(Corpora.tinyShakespearePassages().subList(0, 10));
        texts.add(String.join("\n\n", Corpora.tinyShakespearePassages().subList(10, 60)));
        texts.add("A");
        texts.add("");
        texts.add(null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void everyColumnEqualsTheSingleMachineScores(int partitions) {
        List<Row> out = SparkCheckpointScoring.score(frame(partitions), "text", checkpoint.toString(), K)
                .collectAsList();
        assertThat(out).hasSize(texts.size());
        BpeTokenizer tokenizer = BpeTokenizer.fromModelDirectory(checkpoint);
        try (CausalLm model = CausalLm.load(checkpoint, CausalLmOptions.defaults().withThreads(1))) {
            for (Row r : out) {
                String text = texts.get(r.getInt(0));
                int[] ids = text == null ? new int[0] : tokenizer.encode(text);
                ids = Arrays.copyOf(ids, Math.min(ids.length, model.config().maxPositions()));
                if (ids.length < 2) {
                    assertThat(SparkWatermarkTest.resultOf(r, 2)).containsOnlyNulls();
                    continue;
                }
                TokenStatistics t = TokenStatistics.of(model, ids);
                assertThat(new Object[] {r.get(2), r.get(3), r.get(4), r.get(5), r.get(6)}).containsExactly(
                        ids.length - 1, t.minK(K), t.minKPlusPlus(K), Baselines.lossScore(t.logProbs()),
                        Baselines.zlibScore(t.logProbs(), text));
            }
        }
        assertThat(out.stream().filter(r -> !r.isNullAt(2)).mapToInt(r -> r.getInt(2)).max().orElseThrow())
                .isEqualTo(255);
    }

    @Test
    void badArgumentsFailBeforeAnythingRuns() {
        Dataset<Row> in = frame(1);
        String dir = checkpoint.toString();
        List<Runnable> calls = List.of(
                () -> SparkCheckpointScoring.score(in, "missing", dir, K),
                () -> SparkCheckpointScoring.score(in, "id", dir, K),
                () -> SparkCheckpointScoring.score(in, "text", checkpoint.resolve("nowhere").toString(), K),
                () -> SparkCheckpointScoring.score(in, "text", dir, 0),
                () -> SparkCheckpointScoring.score(in, "text", dir, 1.01),
                () -> SparkCheckpointScoring.score(in.withColumn("loss", functions.lit(1.0)), "text", dir, K));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must");
        }
        assertThatThrownBy(() -> SparkCheckpointScoring.score(in, "text", null, K))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkCheckpointScoring.score(null, "text", dir, K))
                .isInstanceOf(NullPointerException.class);
    }

    private static Dataset<Row> frame(int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        return TestSpark.session().createDataFrame(rows, schema).repartition(partitions);
    }
}
