package io.github.genailab.collapse.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.core.math.Rngs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GMM collapse run (docs/collapse-theory.md, predictions 20-21). The paper's configuration itself
 * (N = 1000, K = 2, 2000
 * generations; about 3 s) runs once; the multi-seed check and the contrast are scaled down tenfold,
 * since the collapse horizon grows like N (docs/collapse-theory.md, 'The GMM experiment' and 'Pitfalls',
 * item 11): N = 100 over 400
 * generations collapses as N = 1000 over 2000 does, and N = 1000 over 200 generations stands in for the
 * N = 10,000 contrast (10-30 s per run at full size; those runs are in benchmarks, GmmCollapseReport,
 * and benchmarks/results/collapse.md).
 */
class RecursiveMixtureTest {

    @Test
    void prediction20And21_thePapersRun_componentsCollapseBelowOneTenth() {
        MixtureTrajectory t = RecursiveMixture.simulate(MixtureRefitOptions.defaults(), Rngs.seeded(1));
        assertThat(t.generations()).isEqualTo(2000);
        assertThat(t.maxComponentStd()[2000]).isLessThan(0.1);
        assertThat(t.maxComponentStd()[1]).isGreaterThan(0.5);
        assertThat(t.l2SquaredToFirstFit()[2000]).isGreaterThan(10);
        assertThat(t.tailFraction()[2000]).isZero();
        assertThat(t.snapshotGenerations()).containsExactly(0, 1, 50, 100, 150, 200, 350, 2000);
    }

    @Test
    void predictions20And21_scaledDown_smallSamplesCollapseLargeOnesDoNot() {
        MixtureRefitOptions small = MixtureRefitOptions.defaults().withSamplesPerGeneration(100).withGenerations(400)
                .withSnapshotGenerations(0, 1, 400);
        List<MixtureTrajectory> runs = IndependentRuns.run(5, Rngs.seeded(2000), 2,
                g -> RecursiveMixture.simulate(small, g));
        for (MixtureTrajectory t : runs) {
            assertThat(t.maxComponentStd()[400]).isLessThan(0.1);
            assertThat(t.l2SquaredToFirstFit()[400]).isGreaterThan(10);
            assertThat(t.snapshot(400).componentStds()).containsExactly(t.componentStds()[400]);
        }
        MixtureRefitOptions large = MixtureRefitOptions.defaults().withGenerations(200).withSnapshotGenerations();
        MixtureTrajectory contrast = RecursiveMixture.simulate(large, Rngs.seeded(2001));
        assertThat(contrast.maxComponentStd()[200]).isGreaterThan(0.2);
        assertThat(contrast.l2SquaredToFirstFit()[200]).isLessThan(1);
    }

    @Test
    void trajectoryContract() {
        MixtureRefitOptions o = MixtureRefitOptions.defaults().withSamplesPerGeneration(200).withGenerations(30)
                .withSnapshotGenerations(0, 1, 30, 5000);
        List<Long> progress = new ArrayList<>();
        MixtureTrajectory t = RecursiveMixture.simulate(o, Rngs.seeded(1), (stage, done, total) -> progress.add(done));
        assertThat(progress).hasSize(30).startsWith(1L).endsWith(30L);
        assertThat(t.means()[0]).containsExactly(0, 0);
        assertThat(t.weights()[0]).containsExactly(1);
        assertThat(t.weights()[1]).hasSize(2);
        assertThat(t.componentStds()[0]).containsExactly(1);
        assertThat(t.tailFraction()[0]).isCloseTo(0.0026997960632601866, within(1e-15));
        assertThat(t.w2SquaredToOriginal()[0]).isCloseTo(0, within(1e-12));
        assertThat(t.l2SquaredToFirstFit()[1]).isCloseTo(0, within(1e-15));
        assertThat(t.l2SquaredToFirstFit()[0]).isPositive();
        assertThat(t.emIterations()[0]).isZero();
        assertThat(t.emIterations()[5]).isPositive();
        assertThat(t.snapshotGenerations()).containsExactly(0, 1, 30);
        assertThat(t.snapshot(0).components()).isEqualTo(1);
        assertThat(t.snapshot(1).components()).isEqualTo(2);
        assertThat(t.snapshot(30).mean()).containsExactly(t.means()[30], within(1e-15));
        assertThat(t.heldOutLogLikelihood()[0]).isCloseTo(-2 * 0.5 * Math.log(2 * Math.PI) - 1, within(0.1));
        assertThat(t).isEqualTo(RecursiveMixture.simulate(o, Rngs.seeded(1)));
        assertThat(t.toCsv().split("\n")[0]).isEqualTo("generation,mean_0,mean_1,trace,max_component_std,"
                + "l2_squared_to_first_fit,w2_squared_to_original,held_out_log_likelihood,tail_fraction,em_iterations,"
                + "converged");
        assertThat(t.toCsv().split("\n")).hasSize(32);
        assertThat(t.toString()).startsWith("MixtureTrajectory[MixtureRefitOptions[d=2, mean=(0.000, 0.000), K=2, "
                + "N=200, generations=30, EmOptions[FULL, tol=1.0E-5, reg=1.0E-6").doesNotContain("\n");
        assertThatThrownBy(() -> t.snapshot(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generation");
    }

    @Test
    void warmStartAndOtherDimensionsRun() {
        MixtureRefitOptions o = MixtureRefitOptions.defaults().withSamplesPerGeneration(150).withGenerations(20)
                .withWarmStart(true).withComponents(3)
                .withOriginal(new double[] {1, 2, 3}, new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 0.5}});
        MixtureTrajectory t = RecursiveMixture.simulate(o, Rngs.seeded(3));
        assertThat(t.means()[20]).hasSize(3);
        assertThat(t.tailFraction()[20]).isBetween(0.0, 1.0);
        assertThat(t.snapshotGenerations()).containsExactly(0, 1);
    }

    @Test
    void badOptionsNameTheParameter() {
        MixtureRefitOptions d = MixtureRefitOptions.defaults();
        assertThatThrownBy(() -> d.withComponents(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components");
        assertThatThrownBy(() -> d.withSamplesPerGeneration(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samplesPerGeneration");
        assertThatThrownBy(() -> d.withGenerations(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generations");
        assertThatThrownBy(() -> d.withEm(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("em");
        assertThatThrownBy(() -> d.withSnapshotGenerations(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshotGenerations[1]");
        assertThatThrownBy(() -> d.withHeldOutSamples(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heldOutSamples");
        assertThatThrownBy(() -> d.withOriginal(new double[] {0}, new double[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covariance");
        assertThatThrownBy(() -> RecursiveMixture.simulate(d, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("rng");
    }
}
