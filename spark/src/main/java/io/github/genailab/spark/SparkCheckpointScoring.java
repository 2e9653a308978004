package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.TokenStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Membership scores of raw text under a pretrained checkpoint ({@code io.github.genailab.llm.CausalLm}) on
 * Spark: Min-K% Prob on a corpus without a GPU cluster. Each executor loads the checkpoint once, from a
 * directory every node can read (a shared file system, or the same path on every machine), and shares it
 * between its tasks; texts are tokenised with the tokenizer in that directory and scored with the model's
 * full next-token distributions, exactly as
 * {@link TokenStatistics#of(io.github.genailab.core.lm.LanguageModel, int[])} scores them on one machine.
 *
 * <pre>
 *   ids        = tokenizer.encode(text), cut to the model's context (config maxPositions)
 *   num_tokens = ids.length - 1                   (the first token is context only)
 *   min_k, min_k_plus_plus, loss, zlib            as SparkMembership computes them at fraction k
 * </pre>
 *
 * <p>Rows: a null text, or one that encodes to fewer than 2 tokens, gives null in every column. A text longer
 * than the context is scored on its first {@code maxPositions} tokens ({@code num_tokens} says how many). The
 * checkpoint loads with one thread per model, since Spark runs one task per core. Nothing is downloaded: the
 * directory must hold {@code config.json}, the safetensors weights and the tokenizer's files.
 *
 * <p>Papers: W. Shi et al., "Detecting Pretraining Data from Large Language Models", ICLR 2024
 * (arXiv:2310.16789); J. Zhang et al., "Min-K%++: Improved Baseline for Pre-Training Data Detection from Large
 * Language Models", ICLR 2025 (arXiv:2404.02936).
 *
 * @since 0.1.0
 */
public final class SparkCheckpointScoring {

    /** Output column: the number of scored tokens (int). */
    public static final String NUM_TOKENS = "num_tokens";

    private SparkCheckpointScoring() {
    }

    /**
     * Scores the texts of a column with the checkpoint in {@code checkpointDirectory}.
     *
     * @param in the dataset
     * @param textColumn a top-level column of type {@code string}
     * @param checkpointDirectory a model directory readable at this path on the driver and on every executor
     * @param k the Min-K% fraction, in (0, 1]
     * @return {@code in} plus {@code num_tokens}, {@code min_k}, {@code min_k_plus_plus}, {@code loss} and
     *     {@code zlib}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the column is missing or not a string, an output column exists,
     *     {@code k} is outside (0, 1], or the directory does not exist on the driver
     */
    public static Dataset<Row> score(Dataset<Row> in, String textColumn, String checkpointDirectory, double k) {
        Checks.notNull(checkpointDirectory, "checkpointDirectory");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        Column text = Columns.require(in, textColumn, "textColumn", DataTypes.StringType);
        List<String> added = new ArrayList<>();
        added.add(NUM_TOKENS);
        added.addAll(Scores.COLUMNS);
        Columns.requireAbsent(in, added);
        String directory = Path.of(checkpointDirectory).toAbsolutePath().normalize().toString();
        if (!Files.isDirectory(Path.of(directory))) {
            throw Checks.fail("checkpointDirectory", "be a directory", checkpointDirectory);
        }
        StructType type = new StructType().add(NUM_TOKENS, DataTypes.IntegerType, true);
        for (var field : Scores.type().fields()) {
            type = type.add(field);
        }
        UserDefinedFunction udf = functions.udf((UDF1<String, Row>) value -> value == null ? null
                : scoreText(Checkpoints.get(directory), value, k), type);
        return SparkWatermark.withResult(in, udf.apply(text));
    }

    private static Row scoreText(Checkpoints.Loaded checkpoint, String text, double k) {
        int[] ids = checkpoint.tokenizer().encode(text);
        ids = Arrays.copyOf(ids, Math.min(ids.length, checkpoint.model().config().maxPositions()));
        if (ids.length < 2) {
            return null;
        }
        TokenStatistics tokens = TokenStatistics.of(checkpoint.model(), ids);
        Row scores = Scores.row(tokens, text, k);
        return RowFactory.create(ids.length - 1, scores.get(0), scores.get(1), scores.get(2), scores.get(3));
    }
}
