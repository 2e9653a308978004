package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.watermark.Detection;
import io.github.genailab.watermark.WatermarkDetector;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Green-list watermark detection (Kirchenbauer et al. 2023) over a Spark {@code Dataset<Row>}: every row gets
 * the columns of {@link WatermarkDetector#detect(int[])}, computed on the executors with the same detector, so
 * a cluster gives exactly the numbers the single-machine API gives.
 *
 * <pre>
 *   out = in + num_tokens_scored (int)   T, the scored n-grams
 *            + num_green_tokens  (int)   G, the green ones among them
 *            + z_score           (double) (G - gamma T) / sqrt(T gamma (1 - gamma))
 *            + p_value           (double) P(Z &gt; z), the normal tail
 *            + prediction        (boolean) z &gt; zThreshold (4.0 by default)
 * </pre>
 *
 * <p>Rows: a null array, an array holding a null, or a text too short for the scheme (fewer than {@code h + 1}
 * tokens, so also an empty array) give null in all five columns, as SQL functions answer null for what they
 * cannot compute; the single-machine API calls the last case "not scorable". An id outside {@code [0, V)} fails
 * the task with an {@link IllegalArgumentException} naming the column, the position and the value. The
 * column's type is checked on the driver before anything runs: it must be {@code array<int>} (cast a
 * {@code array<bigint>} read from JSON with {@code col.cast("array<int>")}).
 *
 * <p>How it runs: the detector is broadcast once (a scheme is {@link java.io.Serializable}; each executor
 * deserialises one copy, green-list memo included, shared by its tasks) and applied by a user-defined function
 * with a struct result, one detection per row; the result columns are projections of that one struct. Rows are
 * independent, so the output does not depend on the partitioning.
 *
 * <p>Paper: J. Kirchenbauer, J. Geiping, Y. Wen, J. Katz, I. Miers, T. Goldstein, "A Watermark for Large
 * Language Models", ICML 2023, PMLR 202:17061-17084 (arXiv:2301.10226), Sec. 3. Spark: M. Zaharia et al.,
 * "Apache Spark: a unified engine for big data processing", Communications of the ACM 59(11), 2016.
 *
 * @since 0.1.0
 */
public final class SparkWatermark {

    /** Output column: the number of scored n-grams T (int). */
    public static final String NUM_TOKENS_SCORED = "num_tokens_scored";
    /** Output column: the green count G (int). */
    public static final String NUM_GREEN_TOKENS = "num_green_tokens";
    /** Output column: the z-score (double). */
    public static final String Z_SCORE = "z_score";
    /** Output column: the one-sided normal p-value (double). */
    public static final String P_VALUE = "p_value";
    /** Output column: whether z exceeds the threshold (boolean). */
    public static final String PREDICTION = "prediction";
    /** The output columns, in the order they are appended. */
    public static final List<String> OUTPUT_COLUMNS = List.of(NUM_TOKENS_SCORED, NUM_GREEN_TOKENS, Z_SCORE, P_VALUE,
            PREDICTION);
    /** The prefix of the SQL functions {@link #register} defines. */
    public static final String SQL_PREFIX = "genailab_wm";

    private static final List<String> SQL_SUFFIXES = List.of("_scored", "_green", "_z", "_p", "_prediction");
    private static final List<DataType> TYPES = List.of(DataTypes.IntegerType, DataTypes.IntegerType,
            DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.BooleanType);
    private static final DataType TOKENS_TYPE = DataTypes.createArrayType(DataTypes.IntegerType);

    private SparkWatermark() {
    }

    /**
     * The struct type of one detection: the five output columns, all nullable.
     *
     * @return {@code struct<num_tokens_scored:int, num_green_tokens:int, z_score:double, p_value:double,
     *     prediction:boolean>}
     */
    public static StructType resultType() {
        StructType type = new StructType();
        for (int i = 0; i < OUTPUT_COLUMNS.size(); i++) {
            type = type.add(OUTPUT_COLUMNS.get(i), TYPES.get(i), true);
        }
        return type;
    }

    /**
     * Detects the watermark of {@code scheme} in a column of token ids with the detector's defaults, equal row
     * by row to {@code WatermarkDetector.of(scheme).detect(tokens)}.
     *
     * @param in the dataset
     * @param tokensColumn a top-level column of type {@code array<int>} holding generated token ids (no prompt)
     * @param scheme the scheme the text was (or was not) watermarked with
     * @return {@code in} plus the five output columns
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the column is missing or not {@code array<int>}, or an output column
     *     already exists
     */
    public static Dataset<Row> detect(Dataset<Row> in, String tokensColumn, WatermarkScheme scheme) {
        return detect(in, tokensColumn, WatermarkDetector.of(Checks.notNull(scheme, "scheme")));
    }

    /**
     * Detects with a configured detector (threshold, n-gram deduplication, BOS), equal row by row to
     * {@code detector.detect(tokens)}.
     *
     * @param in the dataset
     * @param tokensColumn a top-level column of type {@code array<int>}
     * @param detector the detector
     * @return {@code in} plus the five output columns
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the column is missing or not {@code array<int>}, or an output column
     *     already exists
     */
    public static Dataset<Row> detect(Dataset<Row> in, String tokensColumn, WatermarkDetector detector) {
        Checks.notNull(detector, "detector");
        Column tokens = Columns.require(in, tokensColumn, "tokensColumn", TOKENS_TYPE);
        Columns.requireAbsent(in, OUTPUT_COLUMNS);
        Broadcast<WatermarkDetector> shared = Shared.broadcast(in.sparkSession(), detector);
        String where = "column " + tokensColumn;
        UserDefinedFunction udf = functions.udf(
                (UDF1<Object, Row>) value -> detectRow(shared.value(), Columns.ints(value, where), where),
                resultType());
        return withResult(in, udf.apply(tokens));
    }

    /**
     * Detects in a text column, encoding each text on the executors with {@code tokenizer} (broadcast once, as
     * its GPT-2 files, and rebuilt once per executor): equal row by row to
     * {@code detector.detectText(text, tokenizer)}. A null text gives null columns. Spark keeps strings as UTF-8,
     * so a lone surrogate in a Java string arrives as {@code '?'}.
     *
     * @param in the dataset
     * @param textColumn a top-level column of type {@code string}
     * @param detector the detector
     * @param tokenizer the generating tokenizer; its vocabulary size must equal the scheme's
     * @return {@code in} plus the five output columns
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the column is missing or not {@code string}, an output column exists,
     *     the vocabulary sizes differ, or the tokenizer was read from a {@code tokenizer.json} (it cannot be
     *     shipped as GPT-2 files)
     */
    public static Dataset<Row> detectText(Dataset<Row> in, String textColumn, WatermarkDetector detector,
            BpeTokenizer tokenizer) {
        Checks.notNull(detector, "detector");
        Checks.notNull(tokenizer, "tokenizer");
        Column text = Columns.require(in, textColumn, "textColumn", DataTypes.StringType);
        Columns.requireAbsent(in, OUTPUT_COLUMNS);
        if (tokenizer.vocabularySize() != detector.scheme().vocabularySize()) {
            throw Checks.fail("tokenizer.vocabularySize()", "equal the scheme's vocabularySize "
                    + detector.scheme().vocabularySize(), tokenizer.vocabularySize());
        }
        Broadcast<Shared.TokenizerFiles> sharedTokenizer = Shared.broadcast(in.sparkSession(),
                Shared.TokenizerFiles.of(tokenizer, "tokenizer"));
        Broadcast<WatermarkDetector> shared = Shared.broadcast(in.sparkSession(), detector);
        String where = "column " + textColumn;
        UserDefinedFunction udf = functions.udf((UDF1<String, Row>) value -> value == null ? null
                : detectRow(shared.value(), sharedTokenizer.value().get().encode(value), where), resultType());
        return withResult(in, udf.apply(text));
    }

    /**
     * Registers SQL functions of one {@code array<int>} argument that detect with {@code detector}:
     * {@code genailab_wm(tokens)} returns the struct {@link #resultType()}, and {@code genailab_wm_scored},
     * {@code genailab_wm_green}, {@code genailab_wm_z}, {@code genailab_wm_p} and {@code genailab_wm_prediction}
     * one of its fields, e.g. {@code SELECT id, genailab_wm_z(tokens) AS z FROM docs}. Each call detects once,
     * so for several fields select {@code genailab_wm(tokens)} once and read its fields. Registering again
     * replaces the detector. SQL cannot check the argument's type before running: a value that is not an array
     * of ints fails the task naming the function.
     *
     * @param spark the session
     * @param detector the detector
     * @throws NullPointerException if an argument is null
     */
    public static void register(SparkSession spark, WatermarkDetector detector) {
        Checks.notNull(spark, "spark");
        Checks.notNull(detector, "detector");
        Broadcast<WatermarkDetector> shared = Shared.broadcast(spark, detector);
        String where = "argument of " + SQL_PREFIX;
        spark.udf().register(SQL_PREFIX,
                (UDF1<Object, Row>) value -> detectRow(shared.value(), Columns.ints(value, where), where),
                resultType());
        for (int i = 0; i < SQL_SUFFIXES.size(); i++) {
            int field = i;
            String name = SQL_PREFIX + SQL_SUFFIXES.get(i);
            String argument = "argument of " + name;
            spark.udf().register(name, (UDF1<Object, Object>) value -> {
                Row row = detectRow(shared.value(), Columns.ints(value, argument), argument);
                return row == null ? null : row.get(field);
            }, TYPES.get(i));
        }
    }

    /** {@code in} plus one column per field of the struct {@code result} (computed once per row). */
    static Dataset<Row> withResult(Dataset<Row> in, Column result) {
        String struct = "__genailab_result";
        Columns.requireAbsent(in, List.of(struct));
        List<Column> columns = new ArrayList<>();
        for (String name : in.columns()) {
            columns.add(functions.col(Columns.quoted(name)));
        }
        Dataset<Row> withStruct = in.withColumn(struct, result);
        for (String field : ((StructType) withStruct.schema().apply(struct).dataType()).fieldNames()) {
            columns.add(functions.col(struct).getField(field).as(field));
        }
        return withStruct.select(columns.toArray(Column[]::new));
    }

    /** One detection as a row of the result struct, or null when the ids are null or not scorable. */
    static Row detectRow(WatermarkDetector detector, int[] ids, String where) {
        if (ids == null) {
            return null;
        }
        Detection d;
        try {
            d = detector.detect(ids);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (!d.scorable()) {
            return null;
        }
        return RowFactory.create(d.numTokensScored(), d.numGreenTokens(), d.zScore(), d.pValue(), d.prediction());
    }

}
