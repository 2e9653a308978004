package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.eval.MembershipEvaluation;
import io.github.genailab.membership.eval.MembershipReport;
import io.github.genailab.membership.io.TokenLogProbsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: per-document scores equal the membership module's attacks on the same file read by its own reader,
 * for 1, 2 and 7 partitions; the report equals MembershipEvaluation's; the AUC agrees with Spark ML's.
 */
class SparkMembershipTest {

    private static final double K = 0.2;
    private static final List<MembershipAttack> ATTACKS = List.of(MembershipAttack.minK(K),
            MembershipAttack.minKPlusPlus(K), MembershipAttack.loss(), MembershipAttack.zlib());

    @TempDir
    static Path dir;

    /**
     * 80 documents in the reader's JSON Lines format: members' log-probabilities are higher on average; the
     * first position is unscored (null, as OpenAI-style exports give it); values rounded to {@code decimals}
     * so that with 1 decimal many scores tie; labels and ids written in both of the reader's forms.
     */
    static Path corpus(String name, int decimals, long seed) throws IOException {
        RandomGenerator rng = Rngs.seeded(seed);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < 80; d++) {
            boolean member = d % 3 != 0;
            int n = 5 + rng.nextInt(40);
            StringBuilder lp = new StringBuilder("null");
            StringBuilder mu = new StringBuilder("null");
            StringBuilder sigma = new StringBuilder("null");
            for (int i = 1; i < n; i++) {
                double value = -Math.abs(rng.nextGaussian() * 2 + (member ? 1.0 : 1.6));
                lp.append(", ").append(round(value, decimals));
                mu.append(", ").append(round(-1.5 - rng.nextDouble(), decimals));
                sigma.append(", ").append(round(0.5 + rng.nextDouble(), decimals));
            }
            String id = d % 2 == 0 ? "\"doc-" + d + "\"" : Integer.toString(d);
            String label = d % 4 == 0 ? Boolean.toString(member) : member ? "1" : "0";
            out.append(String.format(Locale.ROOT, "{\"id\": %s, \"label\": %s, \"text\": \"text %d %s\", "
                    + "\"token_logprobs\": [%s], \"mu\": [%s], \"sigma\": [%s], \"extra\": 1}%n", id, label, d,
                    "abc ".repeat(d % 7), lp, mu, sigma));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, out.toString());
        return file;
    }

    private static String round(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void everyScoreEqualsTheAttackOnTheReadersSample(int partitions) throws IOException {
        Path file = corpus("scores-" + partitions + ".jsonl", 6, partitions);
        Map<String, MembershipSample> samples = new HashMap<>();
        for (MembershipSample s : TokenLogProbsReader.read(file)) {
            samples.put(s.id(), s);
        }
        Dataset<Row> docs = SparkMembership.read(TestSpark.session(), file.toString()).repartition(partitions);
        List<Row> rows = SparkMembership.score(docs, K).collectAsList();
        assertThat(rows).hasSize(samples.size());
        for (Row r : rows) {
            MembershipSample sample = samples.get(r.<String>getAs("id"));
            for (int a = 0; a < ATTACKS.size(); a++) {
                assertThat(r.<Double>getAs(Scores.COLUMNS.get(a))).as("%s %s", sample.id(), ATTACKS.get(a))
                        .isEqualTo(ATTACKS.get(a).score(sample));
            }
        }
    }

    @Test
    void theReportEqualsMembershipEvaluationOnTheSameFile() throws IOException {
        Path file = corpus("report.jsonl", 6, 21);
        MembershipReport expected = MembershipEvaluation.evaluate(TokenLogProbsReader.read(file), ATTACKS);
        MembershipReport report = SparkMembership.report(
                SparkMembership.score(SparkMembership.read(TestSpark.session(), file.toString()).repartition(3), K), K);
        assertThat(report).usingRecursiveComparison().isEqualTo(expected);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.auc("Min-K% 20%")).isGreaterThan(0.6);
    }

    /**
     * Spark ML's BinaryClassificationEvaluator gives the same AUC, ties included: both put one ROC point at each
     * distinct score (scikit-learn's thresholds; Spark groups equal scores before counting) and integrate with
     * the trapezoid rule. They differ only when Spark's numBins (default 1000) is smaller than the number of
     * distinct scores: Spark then merges neighbouring scores into bins and its AUC is approximate; numBins = 0
     * turns that off.
     */
    @Test
    void sparkMlGivesTheSameAucWithAndWithoutTies() throws IOException {
        for (int decimals : new int[] {6, 1}) {
            Path file = corpus("ml-" + decimals + ".jsonl", decimals, 5 + decimals);
            Dataset<Row> scored = SparkMembership.score(SparkMembership.read(TestSpark.session(), file.toString()), K)
                    .withColumn("y", functions.col("label").isin("1", "true").cast(DataTypes.DoubleType)).cache();
            MembershipReport report = SparkMembership.report(scored, K);
            if (decimals == 1) {
                assertThat(scored.select(SparkMembership.MIN_K).distinct().count()).isLessThan(scored.count());
            }
            for (int a = 0; a < ATTACKS.size(); a++) {
                double auc = new BinaryClassificationEvaluator().setLabelCol("y")
                        .setRawPredictionCol(Scores.COLUMNS.get(a)).setMetricName("areaUnderROC").setNumBins(0)
                        .evaluate(scored);
                assertThat(auc).as("%s, %d decimals", ATTACKS.get(a), decimals)
                        .isCloseTo(report.auc(ATTACKS.get(a).name()), within(1e-12));
            }
            scored.unpersist();
        }
    }

    @Test
    void missingStatisticsGiveNullScoresAndSkippedAttacks() throws IOException {
        Path file = dir.resolve("partial.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"a\", \"label\": 1, \"token_logprobs\": [null, -0.1, -0.2]}",
                "{\"id\": \"b\", \"label\": 0, \"token_logprobs\": [null, -3.0, -2.5, -4.0]}",
                "{\"id\": \"c\", \"label\": 0, \"text\": \"c\", \"token_logprobs\": [-1.0, -2.5]}",
                "{\"id\": \"d\", \"label\": 1}",
                "{\"id\": \"e\", \"label\": 1, \"token_logprobs\": [null, null]}"));
        Dataset<Row> scored = SparkMembership.score(SparkMembership.read(TestSpark.session(), file.toString()), K)
                .orderBy("id");
        List<Row> rows = scored.collectAsList();
        assertThat(rows.get(0).<Double>getAs("min_k")).isEqualTo(-0.2);
        assertThat(rows.get(0).<Double>getAs("min_k_plus_plus")).isNull();
        assertThat(rows.get(0).<Double>getAs("zlib")).isNull();
        assertThat(rows.get(2).<Double>getAs("zlib")).isNotNull();
        assertThat(rows.get(3).<Double>getAs("min_k")).isNull();
        assertThat(rows.get(4).<Double>getAs("loss")).isNull();
        MembershipReport report = SparkMembership.report(scored.where("min_k IS NOT NULL"), K);
        assertThat(report.skipped()).containsExactly("Min-K%++ 20%", "Zlib");
        assertThat(report.auc("Loss")).isEqualTo(1.0);
        assertThatThrownBy(() -> SparkMembership.report(scored, K)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min_k");
    }

    @Test
    void badDocumentsFailNamingTheDocumentAndField() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\": \"ok\", \"token_logprobs\": [-1.0]}\n"
                + "{\"id\": \"bad\", \"token_logprobs\": [-1.0, 0.5]}\n");
        Dataset<Row> scored = SparkMembership.score(SparkMembership.read(TestSpark.session(), file.toString()), K);
        assertThatThrownBy(scored::collectAsList).hasStackTraceContaining("document bad")
                .hasStackTraceContaining("logProbs[1]");
        Path misaligned = dir.resolve("misaligned.jsonl");
        Files.writeString(misaligned, "{\"id\": 7, \"token_logprobs\": [-1.0, -2.0], \"mu\": [-1.0], "
                + "\"sigma\": [1.0]}\n");
        assertThatThrownBy(() -> SparkMembership.score(SparkMembership.read(TestSpark.session(),
                misaligned.toString()), K).collectAsList()).hasStackTraceContaining("document 7: mu");
        Path notJson = dir.resolve("broken.jsonl");
        Files.writeString(notJson, "{\"id\": 1, \"token_logprobs\": [-1.0, NaN]}\n");
        assertThatThrownBy(() -> SparkMembership.read(TestSpark.session(), notJson.toString()).collectAsList())
                .hasStackTraceContaining("Malformed");
    }

    @Test
    void wrongColumnsFailBeforeAnythingRuns() throws IOException {
        Dataset<Row> docs = SparkMembership.read(TestSpark.session(), corpus("cols.jsonl", 3, 1).toString());
        List<Runnable> calls = new ArrayList<>();
        calls.add(() -> SparkMembership.score(docs.drop("token_logprobs"), K));
        calls.add(() -> SparkMembership.score(docs.withColumn("token_logprobs", functions.lit("x")), K));
        calls.add(() -> SparkMembership.score(docs.drop("sigma"), K));
        calls.add(() -> SparkMembership.score(docs.withColumn("mu", functions.lit(1)), K));
        calls.add(() -> SparkMembership.score(docs, 0));
        calls.add(() -> SparkMembership.score(docs, Double.NaN));
        calls.add(() -> SparkMembership.score(SparkMembership.score(docs, K), K));
        calls.add(() -> SparkMembership.report(docs, K));
        calls.add(() -> SparkMembership.report(SparkMembership.score(docs, K).drop("label"), K));
        calls.add(() -> SparkMembership.report(SparkMembership.score(docs, K), 1.5));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must");
        }
        assertThatThrownBy(() -> SparkMembership.report(SparkMembership.score(docs, K)
                .withColumn("label", functions.lit("maybe")), K)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label of document 0");
        assertThatThrownBy(() -> SparkMembership.score(null, K)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkMembership.read(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
