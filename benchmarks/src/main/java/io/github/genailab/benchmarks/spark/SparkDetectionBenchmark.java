package io.github.genailab.benchmarks.spark;

import io.github.genailab.spark.SparkWatermark;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkKey;
import io.github.genailab.watermark.WatermarkScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A timed run (not JMH: one measurement is a whole Spark job of seconds) of watermark detection over one
 * million 200-token documents: the plain Java loop over {@link WatermarkDetector#detect(int[])}, then
 * {@link SparkWatermark#detect} on {@code local[1]} and {@code local[2]}. Both sides hold the same documents in
 * memory before the clock starts, in their own form: an {@code int[][]} for the loop, a cached
 * {@code Dataset} (Spark's in-memory columnar cache, as a corpus read once and kept) for Spark. The timed work
 * is the detection and a sum of the z-scores; the sums check that both sides scored the same data.
 *
 * <pre>
 *   tokens/s  = documents x 200 / wall seconds            (best of the repeats)
 *   scaling   = time(local[1]) / time(local[2])           target &gt;= 1.7
 *   overhead  = time(local[1]) / time(plain loop)         target &lt;= 1.5
 * </pre>
 *
 * <p>Run after {@code mvn -q -pl benchmarks -am package -DskipTests} with Spark on the class path, e.g.
 * {@code mvn -q -pl benchmarks exec:exec -Dexec.executable=java
 * -Dexec.args="${spark.jvm.options} -cp %classpath io.github.genailab.benchmarks.spark.SparkDetectionBenchmark"}
 * (README "Spark"); arguments {@code [documents] [repeats]}, default 1,000,000 and 3.
 */
public final class SparkDetectionBenchmark {

    private static final int LENGTH = 200;
    private static final int V = 50_257;
    private static final int PARTITIONS = 8;
    private static final WatermarkScheme SCHEME = WatermarkScheme.keyed(WatermarkKey.of(0x5eed, 17), 1, false, V,
            0.25, 2.0);

    private SparkDetectionBenchmark() {
    }

    /**
     * Runs the three measurements and prints one table.
     *
     * @param args {@code [documents] [repeats]}
     */
    public static void main(String[] args) {
        long documents = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        WatermarkDetector detector = WatermarkDetector.of(SCHEME);
        System.out.printf(Locale.ROOT, "%d documents of %d tokens, %s, %d partitions, JDK %s; load average %s%n",
                documents, LENGTH, SCHEME, PARTITIONS, Runtime.version(), loadAverage());

        int[][] corpus = new int[Math.toIntExact(documents)][];
        for (int id = 0; id < corpus.length; id++) {
            corpus[id] = document(id);
        }
        plainLoop(detector, corpus);
        double[] plain = new double[repeats];
        double plainSum = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            plainSum = plainLoop(detector, corpus);
            plain[r] = (System.nanoTime() - start) / 1e9;
        }
        corpus = null;
        report("plain Java loop", documents, plain, plainSum);

        double[][] spark = new double[2][];
        for (int cores = 1; cores <= 2; cores++) {
            SparkSession session = SparkSession.builder().master("local[" + cores + "]").appName("spark-benchmark")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            try {
                Dataset<Row> cached = corpus(session, documents).cache();
                if (cached.count() != documents) {
                    throw new IllegalStateException("the cached corpus lost documents");
                }
                sparkRun(cached, detector);
                spark[cores - 1] = new double[repeats];
                double sum = 0;
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    sum = sparkRun(cached, detector);
                    spark[cores - 1][r] = (System.nanoTime() - start) / 1e9;
                }
                cached.unpersist(true);
                report("Spark local[" + cores + "]", documents, spark[cores - 1], sum);
                if (Math.abs(sum - plainSum) > 1e-9 * Math.abs(plainSum)) {
                    throw new IllegalStateException("Spark's z sum " + sum + " differs from the loop's " + plainSum);
                }
            } finally {
                session.stop();
            }
        }
        double one = best(spark[0]);
        System.out.printf(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx (target >= 1.7); overhead of local[1] "
                + "over the plain loop: %.2fx (target <= 1.5); load average %s%n", one / best(spark[1]),
                one / best(plain), loadAverage());
    }

    /** Document {@code id}: 200 ids in [0, V) from a SplitMix64 stream seeded with the id. */
    static int[] document(long id) {
        int[] tokens = new int[LENGTH];
        long state = id * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < LENGTH; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            tokens[i] = (int) ((z >>> 1) % V);
        }
        return tokens;
    }

    private static double plainLoop(WatermarkDetector detector, int[][] corpus) {
        double sum = 0;
        for (int[] tokens : corpus) {
            sum += detector.detect(tokens).zScore();
        }
        return sum;
    }

    /** The documents as a dataset of (id, tokens) in {@link #PARTITIONS} partitions, generated on the executors. */
    private static Dataset<Row> corpus(SparkSession spark, long documents) {
        return spark.range(0, documents, 1, PARTITIONS).select(functions.col("id"),
                functions.udf((UDF1<Long, int[]>) SparkDetectionBenchmark::document,
                        DataTypes.createArrayType(DataTypes.IntegerType, false)).apply(functions.col("id")).as("tokens"));
    }

    private static double sparkRun(Dataset<Row> corpus, WatermarkDetector detector) {
        return SparkWatermark.detect(corpus, "tokens", detector).agg(functions.sum(SparkWatermark.Z_SCORE)).first()
                .getDouble(0);
    }

    private static void report(String what, long documents, double[] seconds, double sum) {
        double best = best(seconds);
        System.out.printf(Locale.ROOT, "%-16s best %7.2f s of %s: %5.2f M tokens/s (z sum %.6f; load average %s)%n",
                what, best, Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 100) / 100.0).toArray()),
                documents * LENGTH / best / 1e6, sum, loadAverage());
    }

    private static double best(double[] seconds) {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    /** The line of {@code /proc/loadavg}, or "unavailable". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unavailable";
        }
    }
}
