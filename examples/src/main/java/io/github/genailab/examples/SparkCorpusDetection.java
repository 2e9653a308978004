package io.github.genailab.examples;

import io.github.genailab.core.lm.Decoder;
import io.github.genailab.core.lm.DecodingOptions;
import io.github.genailab.core.lm.LogitsProcessor;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.spark.SparkWatermark;
import io.github.genailab.watermark.WatermarkLogitsProcessor;
import io.github.genailab.watermark.WatermarkScheme;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Watermark detection over a corpus on Apache Spark: the Shakespeare trigram model (or a checkpoint with
 * {@code --model DIR}) writes a synthetic corpus, half of it with the {@code lefthash} watermark (Kirchenbauer
 * et al. 2023), Spark detects every document with {@link SparkWatermark#detect}, and the program prints the
 * confusion table. The session runs on {@code local[*]} unless {@code spark.master} is set (as
 * {@code spark-submit --master ...} sets it).
 *
 * <pre>
 * mvn -q -DskipTests -Ptour package -Dexample=io.github.genailab.examples.SparkCorpusDetection
 * </pre>
 */
public final class SparkCorpusDetection {

    private static final double GAMMA = 0.25;
    private static final double DELTA = 2.0;
    private static final int PROMPT_TOKENS = 8;

    private SparkCorpusDetection() {
    }

    /**
     * Runs the program from the command line.
     *
     * @param args {@code [--seed N] [--quick] [--model DIR]}
     * @throws IOException never (the program writes no figure)
     */
    public static void main(String[] args) throws IOException {
        Lecture.launch(args, "spark", SparkCorpusDetection::run);
    }

    /**
     * Generates the corpus, detects it on Spark and prints the confusion table.
     *
     * @param args the parsed flags
     * @param out where the report goes
     */
    public static void run(LectureArgs args, PrintStream out) {
        List<int[]> shakespeare = Shakespeare.encode(Corpora.shakespeareTokenizer(), Corpora.tinyShakespearePassages());
        int split = shakespeare.size() * 9 / 10;
        int count = args.size(400, 40);
        int length = args.size(200, 60);
        List<Row> rows = new ArrayList<>();
        WatermarkScheme scheme;
        try (LectureModel lecture = LectureModel.open(args, 3, shakespeare.subList(0, split))) {
            scheme = WatermarkScheme.reference("lefthash", lecture.model().vocabularySize(), GAMMA, DELTA);
            out.printf(Locale.ROOT, "%s writes %d documents of %d tokens, half with the %s watermark (gamma %.2f, "
                    + "delta %.1f)%n", lecture.description(), count, length, scheme.name(), GAMMA, DELTA);
            int[] prompts = Shakespeare.concatenate(shakespeare.subList(split, shakespeare.size()));
            RandomGenerator rng = Rngs.seeded(args.seed());
            List<LogitsProcessor> watermark = List.of(WatermarkLogitsProcessor.of(scheme));
            try (ProgressBar bar = new ProgressBar(out, "generating", count)) {
                for (int i = 0; i < count; i++) {
                    int start = rng.nextInt(prompts.length - PROMPT_TOKENS);
                    int[] prompt = Arrays.copyOfRange(prompts, start, start + PROMPT_TOKENS);
                    boolean marked = i % 2 == 0;
                    int[] ids = Decoder.generate(lecture.model(), prompt, length, DecodingOptions.sampling(0.7),
                            marked ? watermark : List.of(), rng);
                    rows.add(RowFactory.create(i, marked, Arrays.stream(ids).boxed().toList()));
                    bar.step();
                }
            }
        }
        SparkSession.Builder builder = SparkSession.builder().appName("genailab SparkCorpusDetection")
                .config("spark.ui.enabled", "false");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            StructType schema = new StructType().add("id", DataTypes.IntegerType)
                    .add("watermarked", DataTypes.BooleanType).add("tokens", DataTypes.createArrayType(DataTypes.IntegerType));
            Dataset<Row> corpus = spark.createDataFrame(rows, schema).repartition(spark.sparkContext().defaultParallelism());
            Dataset<Row> detected = SparkWatermark.detect(corpus, "tokens", scheme);
            List<Row> table = detected.groupBy("watermarked").agg(
                    functions.sum(functions.col(SparkWatermark.PREDICTION).cast("int")).as("flagged"),
                    functions.count(functions.lit(1)).as("documents"),
                    functions.avg(SparkWatermark.Z_SCORE).as("mean_z"),
                    functions.min(SparkWatermark.Z_SCORE).as("min_z"),
                    functions.max(SparkWatermark.Z_SCORE).as("max_z")).orderBy(functions.desc("watermarked"))
                    .collectAsList();
            out.printf(Locale.ROOT, "Spark %s on %s, %d partitions; detector z > 4.0%n", spark.version(),
                    spark.sparkContext().master(), corpus.rdd().getNumPartitions());
            out.println("truth            documents   flagged   not flagged   mean z   min z   max z");
            for (Row r : table) {
                long flagged = r.getLong(1);
                long documents = r.getLong(2);
                out.printf(Locale.ROOT, "%-16s %9d %9d %13d %8.2f %7.2f %7.2f%n",
                        r.getBoolean(0) ? "watermarked" : "not watermarked", documents, flagged, documents - flagged,
                        r.getDouble(3), r.getDouble(4), r.getDouble(5));
            }
        } finally {
            spark.stop();
        }
    }
}
