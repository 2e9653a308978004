package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: determinism across partitionings is what the 1/2/7-partition tests of every entry point check
 * (two task threads share each broadcast detector, tokenizer and checkpoint there). This adds jobs submitted
 * from four driver threads at once on the shared session: each answers as it answers alone.
 */
class DeterminismAndConcurrencyTest {

    @Test
    void concurrentJobsAnswerAsTheyAnswerAlone() throws Exception {
        WatermarkScheme scheme = WatermarkScheme.keyedExactSize(WatermarkKey.of(3, 4), 1, false, 2000, 0.25, 2.0);
        List<int[]> docs = Corpus.documents(scheme, 60, 100, 9);
        CollapseSweepOptions grid = CollapseSweepOptions.defaults().withSamplesPerGeneration(10).withGenerations(5)
                .withRuns(3);
        List<Callable<List<Row>>> jobs = List.of(
                () -> SparkWatermark.detect(Corpus.frame(docs, 3), "tokens", scheme).orderBy("id").collectAsList(),
                () -> SparkCollapse.sweep(TestSpark.session(), grid, 5).collectAsList());
        List<List<Row>> alone = new ArrayList<>();
        for (Callable<List<Row>> job : jobs) {
            alone.add(job.call());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Row>>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Callable<List<Row>> job : jobs) {
                    futures.add(pool.submit(job));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(alone.get(i % jobs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
