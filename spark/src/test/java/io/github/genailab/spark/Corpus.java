package io.github.genailab.spark;

import io.github.genailab.core.math.Rngs;
import io.github.genailab.watermark.WatermarkScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Seeded token-id documents for the tests: some biased towards a scheme's green lists, some not. */
final class Corpus {

    static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType, false)
            .add("tokens", DataTypes.createArrayType(DataTypes.IntegerType, true), true);

    private Corpus() {
    }

    /**
     * {@code count} documents of length 0 to {@code maxLength}; every other one prefers green tokens (each token
     * re-drawn up to 3 times until green), so both verdicts occur.
     */
    static List<int[]> documents(WatermarkScheme scheme, int count, int maxLength, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        int v = scheme.vocabularySize();
        int h = scheme.contextWidth();
        List<int[]> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            int[] ids = new int[rng.nextInt(maxLength + 1)];
            boolean biased = d % 2 == 0;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rng.nextInt(v);
                for (int tries = 0; biased && i >= h - (scheme.selfSalted() ? 1 : 0) && tries < 3; tries++) {
                    int[] window = scheme.selfSalted() ? Arrays.copyOfRange(ids, i - h + 1, i + 1)
                            : Arrays.copyOfRange(ids, i - h, i);
                    if (scheme.isGreen(window, ids[i])) {
                        break;
                    }
                    ids[i] = rng.nextInt(v);
                }
            }
            docs.add(ids);
        }
        return docs;
    }

    /** The documents as a dataset (id = index) in {@code partitions} partitions. */
    static Dataset<Row> frame(List<int[]> docs, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            rows.add(RowFactory.create(i, docs.get(i) == null ? null : Arrays.stream(docs.get(i)).boxed().toList()));
        }
        return TestSpark.session().createDataFrame(rows, SCHEMA).repartition(partitions);
    }
}
