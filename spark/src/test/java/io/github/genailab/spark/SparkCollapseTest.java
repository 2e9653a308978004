package io.github.genailab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.gaussian.GaussianTrajectory;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.collapse.mixture.MixtureRefitOptions;
import io.github.genailab.collapse.mixture.MixtureTrajectory;
import io.github.genailab.collapse.mixture.RecursiveMixture;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a sweep gives the same rows for 1, 2 and 7 partitions, each run equals the collapse module's own
 * simulation with the row's seed, and a run's seed depends on its grid point only.
 */
class SparkCollapseTest {

    private static final CollapseSweepOptions GRID = CollapseSweepOptions.defaults().withSamplesPerGeneration(20, 40)
            .withGenerations(6).withWorkflows(Workflow.replace(), Workflow.keepOriginal(0.25))
            .withMixtureComponents(2).withRuns(2).withSeed(7);

    @Test
    void theRowsAreTheSameForOneTwoAndSevenPartitions() {
        List<Row> one = SparkCollapse.sweep(TestSpark.session(), GRID, 1).collectAsList();
        assertThat(one).hasSize((int) GRID.runCount() * 7);
        assertThat(SparkCollapse.sweep(TestSpark.session(), GRID, 2).collectAsList()).isEqualTo(one);
        assertThat(SparkCollapse.sweep(TestSpark.session(), GRID, 7).collectAsList()).isEqualTo(one);
    }

    @Test
    void everyRunEqualsTheSingleMachineSimulationWithItsSeed() {
        Map<Long, List<Row>> byRun = SparkCollapse.sweep(TestSpark.session(), GRID, 3).collectAsList().stream()
                .collect(Collectors.groupingBy(r -> r.<Long>getAs("seed")));
        assertThat(byRun).hasSize((int) GRID.runCount());
        for (List<Row> rows : byRun.values()) {
            Row first = rows.get(0);
            long seed = first.getAs("seed");
            int m = first.getAs("samples_per_generation");
            double[][] expected;
            if (first.<String>getAs("model").equals("gaussian")) {
                Workflow workflow = GRID.workflows().stream()
                        .filter(w -> w.toString().equals(first.<String>getAs("workflow"))).findFirst().orElseThrow();
                GaussianTrajectory t = RecursiveGaussian.simulate(RefitOptions.defaults().withSamplesPerGeneration(m)
                        .withGenerations(6).withEstimator(VarianceEstimator.valueOf(first.getAs("estimator")))
                        .withWorkflow(workflow), Rngs.seeded(seed));
                expected = new double[][] {t.means(), t.variances(), t.w2Squared(), t.heldOutLogLikelihood()};
            } else {
                MixtureTrajectory t = RecursiveMixture.simulate(MixtureRefitOptions.defaults()
                        .withOriginal(new double[] {0}, new double[][] {{1}}).withComponents(2)
                        .withSamplesPerGeneration(m).withGenerations(6).withSnapshotGenerations(), Rngs.seeded(seed));
                expected = new double[][] {Arrays.stream(t.means()).mapToDouble(v -> v[0]).toArray(),
                    Arrays.stream(t.covariances()).mapToDouble(c -> c[0][0]).toArray(), t.w2SquaredToOriginal(),
                    t.heldOutLogLikelihood()};
            }
            for (Row r : rows) {
                int n = r.getAs("generation");
                assertThat(new double[] {r.getAs("mean"), r.getAs("variance"), r.getAs("w2_squared"),
                    r.getAs("held_out_log_likelihood")})
                        .containsExactly(expected[0][n], expected[1][n], expected[2][n], expected[3][n]);
            }
        }
    }

    @Test
    void aRunsSeedDependsOnItsGridPointNotOnTheRestOfTheGrid() {
        List<Row> small = SparkCollapse.sweep(TestSpark.session(), GRID.withSamplesPerGeneration(40)
                .withMixtureComponents(), 2).collectAsList();
        List<Row> large = SparkCollapse.sweep(TestSpark.session(), GRID, 2).collectAsList().stream()
                .filter(r -> r.<Integer>getAs("samples_per_generation") == 40 && r.<String>getAs("model").equals("gaussian"))
                .toList();
        assertThat(large).isEqualTo(small);
        assertThat(SparkCollapse.runs(GRID).stream().map(SparkCollapse.Run::seed).distinct().count())
                .isEqualTo(GRID.runCount());
        assertThat(SparkCollapse.runs(GRID.withSeed(8)).get(0).seed()).isNotEqualTo(SparkCollapse.runs(GRID).get(0).seed());
    }

    @Test
    void badGridsAreRefusedNamingTheSetting() {
        List<Supplier<Object>> calls = new ArrayList<>();
        calls.add(() -> GRID.withSamplesPerGeneration());
        calls.add(() -> GRID.withSamplesPerGeneration(1));
        calls.add(() -> GRID.withGenerations(-1));
        calls.add(() -> GRID.withGenerations());
        calls.add(() -> GRID.withMixtureComponents(0));
        calls.add(() -> GRID.withRuns(0));
        calls.add(() -> GRID.withEstimators().withMixtureComponents());
        calls.add(() -> GRID.withWorkflows().withMixtureComponents());
        calls.add(() -> SparkCollapse.sweep(TestSpark.session(), GRID, 0));
        calls.add(() -> SparkCollapse.sweep(TestSpark.session(), GRID.withWorkflows(Workflow.accumulateSubsample())
                .withSamplesPerGeneration(2).withEstimators(VarianceEstimator.UNBIASED).withGenerations(Integer.MAX_VALUE), 1));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)::get).as("call %d", i).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must");
        }
        assertThatThrownBy(() -> new CollapseSweepOptions(null, List.of(1), List.of(), List.of(), List.of(2), 1, 0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GRID.withWorkflows((Workflow) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SparkCollapse.sweep(null, GRID, 1)).isInstanceOf(NullPointerException.class);
        assertThat(GRID.withEstimators().runCount()).isEqualTo(2 * 2);
        assertThat(GRID).hasToString("CollapseSweepOptions[M=[20, 40], G=[6], estimators=[UNBIASED, MLE], "
                + "workflows=[replace, keepOriginal(0.25)], mixtureComponents=[2], runs=2, seed=7: 20 runs]");
    }
}
