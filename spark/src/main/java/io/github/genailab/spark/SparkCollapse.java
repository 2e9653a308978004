package io.github.genailab.spark;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.gaussian.GaussianTrajectory;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.collapse.mixture.MixtureRefitOptions;
import io.github.genailab.collapse.mixture.MixtureTrajectory;
import io.github.genailab.collapse.mixture.RecursiveMixture;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.Rngs;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Model-collapse sweeps on Spark: every run of a {@link CollapseSweepOptions} grid is one task-sized unit of
 * work, simulated on an executor with the collapse module's public API ({@link RecursiveGaussian},
 * {@link RecursiveMixture}), and the result is a {@code Dataset<Row>} with one row per run and generation.
 *
 * <pre>
 *   seed(point, run) = SplitMix64 chain over (sweep seed, model, M, G, estimator, workflow, K, run)
 *   Gaussian run     = RecursiveGaussian.simulate(RefitOptions.defaults().withSamplesPerGeneration(M)
 *                        .withGenerations(G).withEstimator(e).withWorkflow(w), Rngs.seeded(seed))
 *   mixture run      = RecursiveMixture.simulate(MixtureRefitOptions.defaults() with the original N(0, 1) in
 *                        one dimension, K components, N = M, G fits, no snapshots, Rngs.seeded(seed))
 * </pre>
 *
 * <p>Reproducibility: a run's seed depends only on the sweep seed and its grid point, never on the partition
 * or the order of execution, so the dataset is identical for any number of partitions and executors, and any
 * row can be recomputed on one machine with the call above and the row's {@code seed}. Columns:
 * {@code model} ({@code gaussian} or {@code mixture}), {@code samples_per_generation}, {@code generations},
 * {@code estimator} and {@code workflow} (null for mixtures), {@code components} (1 for Gaussians),
 * {@code run}, {@code seed}, {@code generation} (0 = the original), {@code mean}, {@code variance} (of the
 * moment-matched Gaussian for mixtures), {@code w2_squared} (to the original) and
 * {@code held_out_log_likelihood}, as the trajectories define them.
 *
 * <p>Paper: I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal, "AI models collapse when
 * trained on recursively generated data", Nature 631:755-759, 2024 (doi:10.1038/s41586-024-07566-y).
 *
 * @since 0.1.0
 */
public final class SparkCollapse {

    private SparkCollapse() {
    }

    /**
     * The schema of {@link #sweep}'s rows.
     *
     * @return the schema
     */
    public static StructType schema() {
        return new StructType().add("model", DataTypes.StringType, false)
                .add("samples_per_generation", DataTypes.IntegerType, false)
                .add("generations", DataTypes.IntegerType, false).add("estimator", DataTypes.StringType, true)
                .add("workflow", DataTypes.StringType, true).add("components", DataTypes.IntegerType, false)
                .add("run", DataTypes.IntegerType, false).add("seed", DataTypes.LongType, false)
                .add("generation", DataTypes.IntegerType, false).add("mean", DataTypes.DoubleType, false)
                .add("variance", DataTypes.DoubleType, false).add("w2_squared", DataTypes.DoubleType, false)
                .add("held_out_log_likelihood", DataTypes.DoubleType, false);
    }

    /**
     * Runs the sweep: the grid's runs are spread over {@code partitions} partitions and simulated on the
     * executors. The dataset is lazy (nothing runs until an action) and the same for every partition count.
     *
     * @param spark the session
     * @param options the grid
     * @param partitions the number of partitions, at least 1 (more than the cores lets Spark balance long runs)
     * @return one row per run and generation, in grid order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code partitions < 1} or a grid point's options are invalid (naming
     *     the option)
     */
    public static Dataset<Row> sweep(SparkSession spark, CollapseSweepOptions options, int partitions) {
        Checks.notNull(spark, "spark");
        Checks.notNull(options, "options");
        Checks.positive(partitions, "partitions");
        List<Run> runs = runs(options);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(runs, partitions)
                .flatMap(run -> run.rows().iterator());
        return spark.createDataFrame(rows, schema());
    }

    /** The grid's runs in grid order; each point's options are built (so validated) on the driver. */
    static List<Run> runs(CollapseSweepOptions options) {
        List<Run> out = new ArrayList<>();
        for (int m : options.samplesPerGeneration()) {
            for (int g : options.generations()) {
                for (VarianceEstimator e : options.estimators()) {
                    for (Workflow w : options.workflows()) {
                        addRuns(out, options, new Run(m, g, e, w.kind(), w.originalFraction(), w.freshSamples(), 1, 0, 0));
                    }
                }
                for (int k : options.mixtureComponents()) {
                    addRuns(out, options, new Run(m, g, null, null, 0, 0, k, 0, 0));
                }
            }
        }
        return out;
    }

    private static void addRuns(List<Run> out, CollapseSweepOptions options, Run point) {
        point.validate();
        for (int r = 0; r < options.runs(); r++) {
            out.add(point.numbered(r, options.seed()));
        }
    }

    /**
     * One run of the grid, in serialisable fields (a {@link Workflow} is rebuilt from its kind and parameters);
     * {@code estimator} is null for a mixture run.
     */
    record Run(int samples, int generations, VarianceEstimator estimator, Workflow.Kind workflowKind,
            double originalFraction, int freshSamples, int components, int run, long seed) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        RefitOptions gaussianOptions() {
            return RefitOptions.defaults().withSamplesPerGeneration(samples).withGenerations(generations)
                    .withEstimator(estimator).withWorkflow(new Workflow(workflowKind, originalFraction, freshSamples));
        }

        MixtureRefitOptions mixtureOptions() {
            return MixtureRefitOptions.defaults().withOriginal(new double[] {0}, new double[][] {{1}})
                    .withComponents(components).withSamplesPerGeneration(samples).withGenerations(generations)
                    .withSnapshotGenerations();
        }

        /** Builds the run's options, which checks them. */
        void validate() {
            if (estimator != null) {
                gaussianOptions();
            } else {
                mixtureOptions();
            }
        }

        /** This point as run {@code r}, with its seed. */
        Run numbered(int r, long sweepSeed) {
            return new Run(samples, generations, estimator, workflowKind, originalFraction, freshSamples, components,
                    r, seedOf(sweepSeed, r));
        }

        /** The seed of run {@code r}: a SplitMix64 chain over the sweep seed and every field of the point. */
        private long seedOf(long sweepSeed, int r) {
            long[] fields = {estimator == null ? 1 : 0, samples, generations, estimator == null ? -1 : estimator.ordinal(),
                workflowKind == null ? -1 : workflowKind.ordinal(), Double.doubleToLongBits(originalFraction),
                freshSamples, components, r};
            long h = mix(sweepSeed);
            for (long f : fields) {
                h = mix(h ^ mix(f + 0x9E3779B97F4A7C15L));
            }
            return h;
        }

        /** The run's rows, one per generation. */
        List<Row> rows() {
            Shared.loadRandomGenerators();
            List<Row> rows = new ArrayList<>();
            if (estimator != null) {
                RefitOptions o = gaussianOptions();
                GaussianTrajectory t = RecursiveGaussian.simulate(o, Rngs.seeded(seed));
                double[] mean = t.means();
                double[] variance = t.variances();
                double[] w2 = t.w2Squared();
                double[] heldOut = t.heldOutLogLikelihood();
                for (int n = 0; n <= generations; n++) {
                    rows.add(RowFactory.create("gaussian", samples, generations, estimator.name(),
                            o.workflow().toString(), 1, run, seed, n, mean[n], variance[n], w2[n], heldOut[n]));
                }
            } else {
                MixtureTrajectory t = RecursiveMixture.simulate(mixtureOptions(), Rngs.seeded(seed));
                double[][] mean = t.means();
                double[][][] covariance = t.covariances();
                double[] w2 = t.w2SquaredToOriginal();
                double[] heldOut = t.heldOutLogLikelihood();
                for (int n = 0; n <= generations; n++) {
                    rows.add(RowFactory.create("mixture", samples, generations, null, null, components, run, seed, n,
                            mean[n][0], covariance[n][0][0], w2[n], heldOut[n]));
                }
            }
            return rows;
        }

        /** SplitMix64's finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014). */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
