package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.WatermarkScore;
import io.github.genailab.watermark.Watermarks;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Detection of any watermark family of {@link Watermarks} over a {@code Dataset<Row>} of token ids: the
 * family's {@link WatermarkScore} per row, equal to {@code Watermarks.create(family, V, key).detect(tokens, null)}
 * on one machine.
 *
 * <pre>
 *   out = in + num_tokens_scored (int), score (double), p_value (double)
 * </pre>
 * Only the family's name, V and key travel to the executors; each executor creates the watermark once (a
 * family's state, such as EXP-edit's key table, is built there rather than shipped) and keeps it for the JVM's
 * life, keyed by (name, V, key). A null row, or one shorter than the detector's {@code minimumTokens()}, gives null
 * columns; an id outside the vocabulary fails the job naming the column. Families whose detector reads the model
 * (SWEET, EWD, Unbiased) are refused: their detectors need the model on every executor, which this method does
 * not load; score their texts on one machine. KGW through this method equals
 * {@link SparkWatermark#detect} with the registry's scheme, minus the green count and the prediction.
 *
 * @since 0.1.0
 */
public final class SparkWatermarkFamilies {

    /** Output column: the family's test statistic (double), as {@link WatermarkScore#score()}. */
    public static final String SCORE = "score";
    /** The output columns, in order. */
    public static final List<String> OUTPUT_COLUMNS = List.of(SparkWatermark.NUM_TOKENS_SCORED, SCORE,
            SparkWatermark.P_VALUE);

    private static final DataType TOKENS_TYPE = DataTypes.createArrayType(DataTypes.IntegerType);
    private static final ConcurrentMap<String, Watermark> CREATED = new ConcurrentHashMap<>();

    private SparkWatermarkFamilies() {
    }

    /**
     * The type of the result struct: {@code num_tokens_scored int, score double, p_value double}.
     *
     * @return the struct type
     */
    public static StructType resultType() {
        return new StructType().add(SparkWatermark.NUM_TOKENS_SCORED, DataTypes.IntegerType, true)
                .add(SCORE, DataTypes.DoubleType, true).add(SparkWatermark.P_VALUE, DataTypes.DoubleType, true);
    }

    /**
     * Detects the family {@code family} keyed by {@code key} in every row.
     *
     * @param in the dataset
     * @param tokensColumn the {@code array<int>} column of token ids
     * @param family a name of {@link Watermarks#available()} whose detector needs no model
     * @param vocabularySize V
     * @param key the key
     * @return {@code in} plus the three output columns
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the family is unknown or needs the model, V or the key is out of range,
     *     the column is missing or not {@code array<int>}, or an output column exists
     */
    public static Dataset<Row> detect(Dataset<Row> in, String tokensColumn, String family, int vocabularySize,
            long key) {
        Checks.notNull(in, "in");
        Watermark w = Watermarks.create(family, vocabularySize, key); // refuses a bad name, V or key here
        if (w.detectionNeedsModel()) {
            throw Checks.fail("family", "name a family whose detector needs no model (" + family + " reads the model)",
                    family);
        }
        Column tokens = Columns.require(in, tokensColumn, "tokensColumn", TOKENS_TYPE);
        Columns.requireAbsent(in, OUTPUT_COLUMNS);
        String where = "column " + tokensColumn;
        UserDefinedFunction udf = functions.udf((UDF1<Object, Row>) value -> {
            int[] ids = Columns.ints(value, where);
            Watermark local = CREATED.computeIfAbsent(family + ":" + vocabularySize + ":" + key,
                    k -> Watermarks.create(family, vocabularySize, key));
            if (ids == null || ids.length < local.minimumTokens()) {
                return null;
            }
            WatermarkScore s;
            try {
                s = local.detect(ids, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            return RowFactory.create(s.tokensScored(), s.score(), s.pValue());
        }, resultType());
        return SparkWatermark.withResult(in, udf.apply(tokens));
    }
}
