package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.fuzz.Fuzzer;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: every public entry point of the module called with generated arguments (datasets of the right and
 * wrong shapes, nulls, odd strings and sizes): only IllegalArgumentException or NullPointerException with a
 * message, nothing that hangs. The entry points build lazy plans, so this runs no Spark job.
 */
class SparkFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        WatermarkScheme scheme = WatermarkScheme.reference("lefthash", Corpora.SHAKESPEARE_VOCABULARY_SIZE, 0.25, 2.0);
        Dataset<?> tokens = Corpus.frame(Corpus.documents(scheme, 4, 10, 1), 1);
        Dataset<?> documents = SparkMembership.score(TestSpark.session().createDataFrame(List.of(),
                SparkMembership.documentSchema()), 0.2);
        Fuzzer.Report report = Fuzzer.create(20_000, 10)
                .sample(SparkSession.class, TestSpark.session())
                .sample(Dataset.class, tokens, documents, tokens.toDF().withColumnRenamed("tokens", "text"))
                .sample(WatermarkScheme.class, scheme)
                .sample(WatermarkDetector.class, WatermarkDetector.of(scheme))
                .sample(BpeTokenizer.class, Corpora.shakespeareTokenizer())
                .sample(String.class, "tokens", "text", "token_logprobs")
                .sample(CollapseSweepOptions.class, CollapseSweepOptions.defaults().withGenerations(3).withRuns(1))
                .sample(Workflow.class, Workflow.replace())
                .run(17, SparkWatermark.class, SparkMembership.class, SparkCollapse.class, CollapseSweepOptions.class,
                        SparkCheckpointScoring.class, SparkWatermarkFamilies.class);
        System.out.println("spark fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
