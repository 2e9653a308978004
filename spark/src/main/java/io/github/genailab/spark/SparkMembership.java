package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.TokenStatistics;
import io.github.genailab.membership.eval.AttackResult;
import io.github.genailab.membership.eval.MembershipAttack;
import io.github.genailab.membership.eval.MembershipReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Membership inference over a corpus on Spark: documents with per-token log-probabilities (the JSON Lines
 * format of {@link io.github.genailab.membership.io.TokenLogProbsReader}, read with Spark's JSON source) get
 * their Min-K% Prob, Min-K%++, loss and zlib scores on the executors, and the labelled scores give the same
 * AUC / TPR-at-5%-FPR report as {@link io.github.genailab.membership.eval.MembershipEvaluation}.
 *
 * <pre>
 *   min_k           = mean of the m lowest log p,   m = max(1, int(N k))   (Min-K% Prob, Shi et al. 2024)
 *   min_k_plus_plus = mean of the m lowest (log p - mu) / sigma            (Min-K%++, Zhang et al. 2025)
 *   loss            = -L,  L = -mean(log p)                              (Yeom et al. 2018)
 *   zlib            = -L / len(zlib(text))                               (Carlini et al. 2021)
 * </pre>
 * Every score is "higher means member"; k and its rounding are the membership module's
 * ({@link io.github.genailab.membership.MinKProb}), so a document scores here exactly as there.
 *
 * <p>Rows: null entries of {@code token_logprobs} are unscored positions and are dropped, as the reader drops
 * them (with the aligned {@code mu} and {@code sigma} entries); a null or all-null {@code token_logprobs} gives
 * null scores; Min-K%++ is null without {@code mu} and {@code sigma}, zlib without {@code text}. A value the
 * reader rejects (a positive or infinite log-probability, a negative sigma, misaligned arrays) fails the task
 * with an {@link IllegalArgumentException} naming the document and the field.
 *
 * <p>Papers: W. Shi, A. Ajith, M. Xia, Y. Huang, D. Liu, T. Blevins, D. Chen, L. Zettlemoyer, "Detecting
 * Pretraining Data from Large Language Models", ICLR 2024 (arXiv:2310.16789); J. Zhang, J. Sun, E. Yeats,
 * Y. Ouyang, M. Kuo, J. Zhang, H. F. Yang, H. Li, "Min-K%++: Improved Baseline for Pre-Training Data Detection
 * from Large Language Models", ICLR 2025 (arXiv:2404.02936); N. Carlini et al., "Extracting Training Data from
 * Large Language Models", USENIX Security 2021; S. Yeom, I. Giacomelli, M. Fredrikson, S. Jha, "Privacy Risk in
 * Machine Learning", IEEE CSF 2018.
 *
 * @since 0.1.0
 */
public final class SparkMembership {

    /** Output column: Min-K% Prob at the chosen k (double). */
    public static final String MIN_K = "min_k";
    /** Output column: Min-K%++ at the chosen k (double, null without mu and sigma). */
    public static final String MIN_K_PLUS_PLUS = "min_k_plus_plus";
    /** Output column: the loss score {@code -L} (double). */
    public static final String LOSS = "loss";
    /** Output column: the zlib score {@code -L / zlib length} (double, null without text). */
    public static final String ZLIB = "zlib";

    private static final DataType LOG_PROBS = DataTypes.createArrayType(DataTypes.DoubleType);

    private SparkMembership() {
    }

    /**
     * The schema {@link #read} gives a JSON Lines file of token log-probabilities: {@code id}, {@code label}
     * and {@code text} as strings (a numeric id or a {@code 1}/{@code true} label is kept as its JSON text),
     * {@code token_logprobs}, {@code mu} and {@code sigma} as {@code array<double>}.
     *
     * @return the schema
     */
    public static StructType documentSchema() {
        return new StructType().add("id", DataTypes.StringType).add("label", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("token_logprobs", LOG_PROBS).add("mu", LOG_PROBS)
                .add("sigma", LOG_PROBS);
    }

    /**
     * Reads JSON Lines files of token log-probabilities (the format of
     * {@link io.github.genailab.membership.io.TokenLogProbsReader}) with Spark's JSON source, strictly: a
     * malformed line fails the job ({@code FAILFAST}), and {@code NaN} / {@code Infinity} are refused as the
     * reader refuses them. Fields other than those of {@link #documentSchema()} are ignored.
     *
     * @param spark the session
     * @param path a file, directory or glob every executor can read
     * @return the documents (lazy: nothing is read until an action)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if Spark cannot resolve {@code path} (it does not exist), with Spark's
     *     {@code AnalysisException} as the cause
     */
    public static Dataset<Row> read(SparkSession spark, String path) {
        return json(spark, path, documentSchema());
    }

    /**
     * Reads OpenAI-style legacy Completions responses with {@code echo=true, max_tokens=0, logprobs=k} (the format of
     * {@link io.github.genailab.membership.io.OpenAiEchoReader}), one response per line, with Spark's JSON source:
     * every {@code choices[i]} becomes a document {@code <id>#<i>} with its {@code text} and
     * {@code logprobs.token_logprobs} (the null first entry is left for {@link #score} to skip, as the reader drops
     * it); {@code label}, {@code mu} and {@code sigma} are null (top-k lists give neither, so Min-K%++ is null).
     * A response without {@code id} or a choice without {@code token_logprobs} fails the job naming the field.
     *
     * @param spark the session
     * @param path a file, directory or glob every executor can read
     * @return documents with the columns of {@link #documentSchema()}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if Spark cannot resolve {@code path}
     */
    public static Dataset<Row> readOpenAiEcho(SparkSession spark, String path) {
        StructType logprobs = new StructType().add("token_logprobs", LOG_PROBS);
        StructType choice = new StructType().add("text", DataTypes.StringType).add("logprobs", logprobs);
        StructType response = new StructType().add("id", DataTypes.StringType)
                .add("choices", DataTypes.createArrayType(choice));
        Column all = functions.when(functions.col("choices").isNull(), raise("a response must have choices"))
                .otherwise(functions.col("choices"));
        Dataset<Row> choices = json(spark, path, response).select(functions.col("id"), functions.posexplode(all));
        Column id = functions.when(functions.col("id").isNull(), raise("a response must have an id"))
                .otherwise(functions.concat(functions.col("id"), functions.lit("#"), functions.col("pos")));
        Column lp = functions.col("col.logprobs.token_logprobs");
        Column checked = functions.when(lp.isNull(), raise("choices[i].logprobs must hold token_logprobs (legacy "
                + "Completions with echo=true, max_tokens=0; Chat Completions log-probs cover generated tokens only)"))
                .otherwise(lp);
        return asDocuments(id, functions.col("col.text"), checked, choices);
    }

    /**
     * Reads vLLM {@code prompt_logprobs} outputs of offline runs (the top-level form of
     * {@link io.github.genailab.membership.io.VllmPromptLogprobsReader}), one {@code RequestOutput} per line, with
     * Spark's JSON source: the document's id is {@code request_id} (or {@code id}), its text {@code prompt}, and its
     * log-probabilities are, at each position, the entry of {@code prompt_token_ids[i]} in the map
     * {@code prompt_logprobs[i]} ({@code {"<id>": {"logprob": ...}}}); without {@code prompt_token_ids} every map must
     * hold exactly one token. A missing prompt token, lengths that differ, or an entry of another shape fail the job
     * naming the field. The OpenAI-compatible server's form (the same fields inside {@code choices}) and bare
     * numbers in place of {@code {"logprob": ...}} are read by the membership reader on one machine.
     *
     * @param spark the session
     * @param path a file, directory or glob every executor can read
     * @return documents with the columns of {@link #documentSchema()} ({@code label}, {@code mu}, {@code sigma} null)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if Spark cannot resolve {@code path}
     */
    public static Dataset<Row> readVllmPromptLogprobs(SparkSession spark, String path) {
        StructType logprob = new StructType().add("logprob", DataTypes.DoubleType);
        StructType output = new StructType().add("request_id", DataTypes.StringType).add("id", DataTypes.StringType)
                .add("prompt", DataTypes.StringType)
                .add("prompt_token_ids", DataTypes.createArrayType(DataTypes.LongType))
                .add("prompt_logprobs", DataTypes.createArrayType(DataTypes.createMapType(DataTypes.StringType, logprob)));
        Dataset<Row> outputs = json(spark, path, output);
        Column id = functions.coalesce(functions.col("request_id"), functions.col("id"));
        Column checkedId = functions.when(id.isNull(), raise("an output must have a request_id or an id")).otherwise(id);
        // The prompt token's entry at every position, as the reader picks it (SQL higher-order functions).
        Column lp = functions.expr("transform(prompt_logprobs, (m, i) -> CASE"
                + " WHEN m IS NULL THEN CAST(NULL AS DOUBLE)"
                + " WHEN prompt_token_ids IS NULL AND size(m) <> 1 THEN CAST(raise_error(concat('prompt_logprobs[', i,"
                + " '] must hold exactly one token when prompt_token_ids is absent')) AS DOUBLE)"
                + " WHEN prompt_token_ids IS NULL THEN element_at(map_values(m), 1).logprob"
                + " WHEN try_element_at(m, CAST(prompt_token_ids[i] AS STRING)) IS NULL THEN CAST(raise_error(concat("
                + "'prompt_logprobs[', i, '] must contain the prompt token ', prompt_token_ids[i])) AS DOUBLE)"
                + " ELSE try_element_at(m, CAST(prompt_token_ids[i] AS STRING)).logprob END)");
        Column lengths = functions.expr("prompt_token_ids IS NULL OR size(prompt_token_ids) = size(prompt_logprobs)");
        Column checked = functions.when(functions.col("prompt_logprobs").isNull(),
                raise("prompt_logprobs must be present (request prompt_logprobs=N)"))
                .when(functions.not(lengths), raise("prompt_token_ids must have the length of prompt_logprobs"))
                .otherwise(lp);
        return asDocuments(checkedId, functions.col("prompt"), checked, outputs);
    }

    private static Dataset<Row> json(SparkSession spark, String path, StructType schema) {
        Checks.notNull(spark, "spark");
        Checks.notNull(path, "path");
        try {
            return spark.read().schema(schema).option("mode", "FAILFAST").option("allowNonNumericNumbers", "false")
                    .json(path);
        } catch (Exception e) {
            // Spark reports a missing path as its (checked, undeclared) AnalysisException when the plan is built.
            if (e instanceof AnalysisException) {
                throw new IllegalArgumentException("path must name JSON Lines files Spark can read, got " + path + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static Column raise(String message) {
        return functions.raise_error(functions.lit(message));
    }

    private static Dataset<Row> asDocuments(Column id, Column text, Column logProbs, Dataset<Row> from) {
        Column nullArray = functions.lit(null).cast(LOG_PROBS);
        return from.select(id.alias("id"), functions.lit(null).cast(DataTypes.StringType).alias("label"),
                text.cast(DataTypes.StringType).alias("text"), logProbs.cast(LOG_PROBS).alias("token_logprobs"),
                nullArray.alias("mu"), nullArray.alias("sigma"));
    }

    /**
     * Appends the four scores at Min-K% fraction {@code k}.
     *
     * @param documents a dataset with a {@code token_logprobs} column of type {@code array<double>}; optional
     *     {@code mu} and {@code sigma} (both {@code array<double>}), {@code text} and {@code id} (strings)
     * @param k the Min-K% fraction, in (0, 1] (0.2 in the papers' tables)
     * @return {@code documents} plus {@code min_k}, {@code min_k_plus_plus}, {@code loss} and {@code zlib}
     * @throws NullPointerException if {@code documents} is null
     * @throws IllegalArgumentException if {@code k} is outside (0, 1], a column has the wrong type, only one of
     *     {@code mu} and {@code sigma} is present, or an output column exists
     */
    public static Dataset<Row> score(Dataset<Row> documents, double k) {
        Checks.notNull(documents, "documents");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        Column logProbs = Columns.require(documents, "token_logprobs", "token_logprobs", LOG_PROBS);
        List<String> names = Arrays.asList(documents.columns());
        if (names.contains("mu") != names.contains("sigma")) {
            throw Checks.fail("documents", "have both mu and sigma columns or neither", names);
        }
        Column nullArray = functions.lit(null).cast(LOG_PROBS);
        Column mu = names.contains("mu") ? Columns.require(documents, "mu", "mu", LOG_PROBS) : nullArray;
        Column sigma = names.contains("sigma") ? Columns.require(documents, "sigma", "sigma", LOG_PROBS) : nullArray;
        Column text = names.contains("text") ? Columns.require(documents, "text", "text", DataTypes.StringType)
                : functions.lit(null).cast(DataTypes.StringType);
        Column id = names.contains("id") ? functions.col("id").cast(DataTypes.StringType)
                : functions.lit(null).cast(DataTypes.StringType);
        Columns.requireAbsent(documents, Scores.COLUMNS);
        UserDefinedFunction udf = functions.udf((UDF5<String, Object, Object, Object, String, Row>) (doc, lp, m, s,
                t) -> {
            TokenStatistics tokens = statistics(doc, lp, m, s);
            return tokens == null ? null : Scores.row(tokens, t, k);
        }, Scores.type());
        return SparkWatermark.withResult(documents, udf.apply(id, logProbs, mu, sigma, text));
    }

    /**
     * The AUC / TPR-at-FPR report of scored documents: Min-K% and Min-K%++ at {@code k}, loss and zlib, each an
     * {@link AttackResult} named as {@link MembershipAttack#name()} names it and computed on the collected scores
     * exactly as {@link io.github.genailab.membership.eval.MembershipEvaluation} computes it (scikit-learn's
     * ROC curve, members positive). A score that is null for some document (no mu/sigma, no text) puts its
     * attack in the skipped list. The scores are collected to the driver (two doubles and a label per
     * document and attack).
     *
     * @param scored the output of {@link #score(Dataset, double)}, with a {@code label} column (string
     *     {@code 1}/{@code 0}/{@code true}/{@code false}, boolean, int or bigint)
     * @param k the fraction {@code scored} was scored at (it names the Min-K% attacks)
     * @return the report
     * @throws NullPointerException if {@code scored} is null
     * @throws IllegalArgumentException if {@code k} is outside (0, 1], a column is missing or mistyped, a label
     *     is missing or unknown, a document has null Min-K% (nothing scored), or one class is absent
     */
    public static MembershipReport report(Dataset<Row> scored, double k) {
        Checks.notNull(scored, "scored");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        List<Column> columns = new ArrayList<>();
        columns.add(Columns.require(scored, "label", "label", DataTypes.StringType, DataTypes.BooleanType,
                DataTypes.IntegerType, DataTypes.LongType));
        for (String c : Scores.COLUMNS) {
            columns.add(Columns.require(scored, c, c, DataTypes.DoubleType));
        }
        List<Row> rows = scored.select(columns.toArray(Column[]::new)).collectAsList();
        boolean[] member = new boolean[rows.size()];
        for (int i = 0; i < member.length; i++) {
            member[i] = member(rows.get(i).get(0), i);
        }
        List<String> names = List.of(MembershipAttack.minK(k).name(), MembershipAttack.minKPlusPlus(k).name(),
                MembershipAttack.loss().name(), MembershipAttack.zlib().name());
        List<AttackResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            double[] scores = new double[rows.size()];
            boolean complete = true;
            for (int i = 0; i < scores.length && complete; i++) {
                Row r = rows.get(i);
                complete = !r.isNullAt(a + 1);
                scores[i] = complete ? r.getDouble(a + 1) : Double.NaN;
            }
            if (!complete && a == 0) {
                throw Checks.fail("scored", "have a min_k score for every document (a document without any scored "
                        + "token cannot be evaluated; filter it out)", "null min_k");
            }
            if (complete) {
                results.add(AttackResult.of(names.get(a), scores, member));
            } else {
                skipped.add(names.get(a));
            }
        }
        return new MembershipReport(results, skipped);
    }

    /** The statistics of one document row, or null when it has nothing to score. */
    private static TokenStatistics statistics(String id, Object logProbs, Object mu, Object sigma) {
        if (logProbs == null) {
            return null;
        }
        Seq<?> lp = (Seq<?>) logProbs;
        int n = lp.length();
        int scored = 0;
        for (int i = 0; i < n; i++) {
            scored += lp.apply(i) == null ? 0 : 1;
        }
        if (scored == 0) {
            return null;
        }
        String where = "document " + (id == null ? "(no id)" : id);
        if ((mu == null) != (sigma == null)) {
            throw Checks.fail(where + ": mu and sigma", "be both present or both null",
                    mu == null ? "mu null" : "sigma null");
        }
        try {
            double[] values = kept(lp, lp, scored, "token_logprobs");
            if (mu == null) {
                return TokenStatistics.of(values);
            }
            return new TokenStatistics(values, kept((Seq<?>) mu, lp, scored, "mu"),
                    kept((Seq<?>) sigma, lp, scored, "sigma"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The entries of {@code values} where {@code logProbs} is not null; each must be a number there. */
    private static double[] kept(Seq<?> values, Seq<?> logProbs, int scored, String field) {
        if (values.length() != logProbs.length()) {
            throw Checks.fail(field, "have the length of token_logprobs (" + logProbs.length() + ")", values.length());
        }
        double[] out = new double[scored];
        int j = 0;
        for (int i = 0; i < values.length(); i++) {
            if (logProbs.apply(i) == null) {
                continue;
            }
            Object v = values.apply(i);
            if (v == null) {
                throw Checks.fail(field + "[" + i + "]", "be a number where token_logprobs is a number", "null");
            }
            out[j++] = (Double) v;
        }
        return out;
    }

    private static boolean member(Object label, int row) {
        if (label instanceof Boolean b) {
            return b;
        }
        String text = label == null ? null : label.toString();
        if ("1".equals(text) || "true".equals(text)) {
            return true;
        }
        if ("0".equals(text) || "false".equals(text)) {
            return false;
        }
        throw Checks.fail("label of document " + row, "be 1, 0, true or false", text);
    }
}
