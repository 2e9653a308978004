package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.io.OpenAiEchoReader;
import io.github.genailab.membership.io.VllmPromptLogprobsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the OpenAI echo and vLLM prompt-logprobs formats read with Spark's JSON source give, document by
 * document, the scores of the membership module's readers on the same file; malformed responses fail the job
 * naming the field.
 */
class SparkMembershipFormatsTest {

    private static final double K = 0.2;
    private static final List<MembershipAttack> ATTACKS = List.of(MembershipAttack.minK(K), MembershipAttack.loss(),
            MembershipAttack.zlib());

    @TempDir
    static Path dir;

    private static String logProb(RandomGenerator rng) {
        return String.format(Locale.ROOT, "%.6f", -Math.abs(rng.nextGaussian() * 2 + 1));
    }

    private static void assertSameScores(Dataset<Row> docs, List<MembershipSample> samples) {
        Map<String, MembershipSample> byId = new HashMap<>();
        samples.forEach(s -> byId.put(s.id(), s));
        List<Row> rows = SparkMembership.score(docs.repartition(3), K).collectAsList();
        assertThat(rows).hasSize(samples.size());
        for (Row r : rows) {
            MembershipSample sample = byId.get(r.<String>getAs("id"));
            assertThat(sample).as(r.<String>getAs("id")).isNotNull();
            assertThat(r.<Double>getAs(SparkMembership.MIN_K)).isEqualTo(ATTACKS.get(0).score(sample));
            assertThat(r.<Double>getAs(SparkMembership.LOSS)).isEqualTo(ATTACKS.get(1).score(sample));
            assertThat(r.<Double>getAs(SparkMembership.ZLIB)).isEqualTo(ATTACKS.get(2).score(sample));
            assertThat(r.<Double>getAs(SparkMembership.MIN_K_PLUS_PLUS)).isNull();
        }
    }

    @Test
    void openAiEchoResponsesScoreAsTheReaderReadsThem() throws IOException {
        RandomGenerator rng = Rngs.seeded(17);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < 30; d++) {
            StringBuilder choices = new StringBuilder();
            for (int c = 0; c < 1 + d % 2; c++) {
                StringBuilder lp = new StringBuilder("null");
                StringBuilder tokens = new StringBuilder("\"t\"");
                for (int i = 1; i < 4 + rng.nextInt(30); i++) {
                    lp.append(", ").append(logProb(rng));
                    tokens.append(", \"t\"");
                }
                choices.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "{\"text\": \"doc %d choice %d\", "
                        + "\"index\": %d, \"logprobs\": {\"tokens\": [%s], \"token_logprobs\": [%s], \"top_logprobs\": "
                        + "null}}", d, c, c, tokens, lp));
            }
            out.append(String.format(Locale.ROOT, "{\"id\": \"cmpl-%d\", \"object\": \"text_completion\", "
                    + "\"choices\": [%s]}%n", d, choices));
        }
        Path file = Files.writeString(dir.resolve("echo.jsonl"), out.toString());
        assertSameScores(SparkMembership.readOpenAiEcho(TestSpark.session(), file.toString()),
                OpenAiEchoReader.read(file));
    }

    @Test
    void vllmPromptLogprobsScoreAsTheReaderReadsThem() throws IOException {
        RandomGenerator rng = Rngs.seeded(18);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < 30; d++) {
            int n = 4 + rng.nextInt(30);
            StringBuilder ids = new StringBuilder();
            StringBuilder entries = new StringBuilder("null");
            for (int i = 0; i < n; i++) {
                int token = rng.nextInt(1000);
                ids.append(i > 0 ? ", " : "").append(token);
                if (i > 0) {
                    // The prompt token and one other candidate, as prompt_logprobs=1 returns them.
                    entries.append(String.format(Locale.ROOT, ", {\"%d\": {\"logprob\": %s, \"rank\": 2, "
                            + "\"decoded_token\": \"x\"}, \"%d\": {\"logprob\": -0.1, \"rank\": 1}}", token,
                            logProb(rng), 1000 + token));
                }
            }
            String idField = d % 2 == 0 ? "\"request_id\": \"req-" + d + "\"" : "\"id\": \"out-" + d + "\"";
            out.append(String.format(Locale.ROOT, "{%s, \"prompt\": \"prompt %d\", \"prompt_token_ids\": [%s], "
                    + "\"prompt_logprobs\": [%s]}%n", idField, d, ids, entries));
        }
        Path file = Files.writeString(dir.resolve("vllm.jsonl"), out.toString());
        assertSameScores(SparkMembership.readVllmPromptLogprobs(TestSpark.session(), file.toString()),
                VllmPromptLogprobsReader.read(file));
    }

    @Test
    void malformedResponsesFailTheJobNamingTheField() throws IOException {
        Path chat = Files.writeString(dir.resolve("chat.jsonl"),
                "{\"id\": \"c\", \"choices\": [{\"text\": \"x\", \"logprobs\": {\"content\": []}}]}\n");
        assertThatThrownBy(() -> SparkMembership.readOpenAiEcho(TestSpark.session(), chat.toString()).collectAsList())
                .hasMessageContaining("token_logprobs");
        Path missing = Files.writeString(dir.resolve("missing.jsonl"),
                "{\"request_id\": \"r\", \"prompt_token_ids\": [1, 2], \"prompt_logprobs\": [null, {\"7\": {\"logprob\": -1.0}}]}\n");
        assertThatThrownBy(() -> SparkMembership.readVllmPromptLogprobs(TestSpark.session(), missing.toString())
                .collectAsList()).hasMessageContaining("must contain the prompt token 2");
        Path lengths = Files.writeString(dir.resolve("lengths.jsonl"),
                "{\"request_id\": \"r\", \"prompt_token_ids\": [1], \"prompt_logprobs\": [null, {\"7\": {\"logprob\": -1.0}}]}\n");
        assertThatThrownBy(() -> SparkMembership.readVllmPromptLogprobs(TestSpark.session(), lengths.toString())
                .collectAsList()).hasMessageContaining("prompt_token_ids must have the length");
        assertThatThrownBy(() -> SparkMembership.readOpenAiEcho(TestSpark.session(), dir.resolve("nope").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> SparkMembership.readVllmPromptLogprobs(null, "x"))
                .isInstanceOf(NullPointerException.class);
    }
}
