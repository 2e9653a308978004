package io.github.genailab.spark;

import io.github.genailab.membership.Baselines;
import io.github.genailab.membership.TokenStatistics;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The four per-document membership scores both {@link SparkMembership} and {@link SparkCheckpointScoring}
 * append, computed as {@code io.github.genailab.membership.eval.MembershipAttack} scores a sample.
 */
final class Scores {

    /** The score columns, in order. */
    static final List<String> COLUMNS = List.of(SparkMembership.MIN_K, SparkMembership.MIN_K_PLUS_PLUS,
            SparkMembership.LOSS, SparkMembership.ZLIB);

    private Scores() {
    }

    static StructType type() {
        StructType type = new StructType();
        for (String column : COLUMNS) {
            type = type.add(column, DataTypes.DoubleType, true);
        }
        return type;
    }

    /**
     * Min-K% at {@code k}, Min-K%++ at {@code k} (null without mu and sigma), the loss score {@code -L} and the
     * zlib score {@code -L / zlib(text)} (null without text).
     */
    static Row row(TokenStatistics tokens, String text, double k) {
        return RowFactory.create(tokens.minK(k), tokens.hasDistribution() ? tokens.minKPlusPlus(k) : null,
                Baselines.lossScore(tokens.logProbs()), text == null ? null : Baselines.zlibScore(tokens.logProbs(), text));
    }
}
