package io.github.genailab.collapse.categorical;

import static io.github.genailab.collapse.Statistics.assertWithinFourSe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.core.math.Rngs;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Predictions 13-16 of docs/collapse-theory.md (Wright-Fisher resampling) and the trajectory contract.
 */
class RecursiveCategoricalTest {

    @Test
    void prediction13_giniSimpsonDecaysExactly() {
        CategoricalRefitOptions o = CategoricalRefitOptions.uniform(10).withSamplesPerGeneration(100)
                .withGenerations(50);
        CategoricalEnsemble e = RecursiveCategorical.simulateRuns(o, 2000, Rngs.seeded(13), 2);
        assertThat(e.theory().curve(CategoricalMetric.GINI_SIMPSON)[50]).isCloseTo(0.9 * Math.pow(0.99, 50),
                within(1e-15)).isCloseTo(0.54451, within(5e-6));
        assertWithinFourSe(e.mean(CategoricalMetric.GINI_SIMPSON)[50], 0.54451, 0.161, 2000);
    }

    @Test
    void prediction14_categoriesLostInTheFirstGeneration() {
        CategoricalRefitOptions o = CategoricalRefitOptions.uniform(100).withGenerations(1);
        CategoricalEnsemble e = RecursiveCategorical.simulateRuns(o, 2000, Rngs.seeded(14), 2);
        assertThat(e.theory().expectedLostInFirstGeneration()).isCloseTo(36.603, within(5e-4));
        double lost = 100 - e.mean(CategoricalMetric.SURVIVING)[1];
        assertWithinFourSe(lost, 36.603, 4.8, 2000);
        assertThat(e.theory().curve(CategoricalMetric.SURVIVING)[1]).isCloseTo(100 - 36.603, within(5e-4));
        assertWithinFourSe(e.mean(CategoricalMetric.LOST_MASS)[1], 0.36603, 0.048, 2000);
    }

    @Test
    void prediction15_timeToASingleSurvivorOfTwoEqualCategories() {
        CategoricalRefitOptions o = new CategoricalRefitOptions(new double[] {0.5, 0.5}, 100, 3000);
        CategoricalEnsemble e = RecursiveCategorical.simulateRuns(o, 2000, Rngs.seeded(15), 2);
        assertThat(e.theory().expectedFixationTime()).isCloseTo(200 * Math.log(2), within(1e-12));
        assertThat(e.fractionFixed()).isEqualTo(1.0);
        assertWithinFourSe(e.meanFixationGeneration(), 138.6, 102, 2000, 0.02 * 138.6);
    }

    @Test
    void prediction16_fixationFrequenciesEqualOriginalProbabilities() {
        CategoricalRefitOptions o = new CategoricalRefitOptions(new double[] {0.6, 0.3, 0.1}, 50, 2000);
        CategoricalEnsemble e = RecursiveCategorical.simulateRuns(o, 2000, Rngs.seeded(16), 2);
        assertThat(e.fractionFixed()).isEqualTo(1.0);
        double[] f = e.fixationFrequencies();
        double[] p = {0.6, 0.3, 0.1};
        for (int i = 0; i < 3; i++) {
            assertWithinFourSe(f[i], p[i], Math.sqrt(p[i] * (1 - p[i])), 2000);
        }
    }

    @Test
    void rareCategoryLossTimeFollowsKimuraOhta() {
        // a category seen 5 times in a population of 200; numpy simulation (2e5 runs): mean loss time 36.57,
        // sd 78.6; Kimura-Ohta's diffusion value 37.83 is 3.5% above it
        CategoricalRefitOptions o = new CategoricalRefitOptions(new double[] {0.025, 0.975}, 200, 5000);
        CategoricalEnsemble e = RecursiveCategorical.simulateRuns(o, 2000, Rngs.seeded(17), 2);
        double total = 0;
        int lost = 0;
        for (CategoricalTrajectory t : e.runs()) {
            int when = t.extinctionGenerations()[0];
            if (when > 0) {
                total += when;
                lost++;
            }
        }
        double expected = CategoricalTheory.expectedLossTime(0.025, 200);
        assertThat(expected).isCloseTo(37.83466106783524, within(1e-9));
        assertThat(e.fractionFixed()).isEqualTo(1.0);
        assertWithinFourSe(lost / 2000.0, 0.975, Math.sqrt(0.975 * 0.025), 2000);
        assertWithinFourSe(total / lost, expected, 78.6, lost, 0.05 * expected);
    }

    @Test
    void absorbedChainsStayAbsorbedAndMetricsAreConsistent() {
        CategoricalRefitOptions o = new CategoricalRefitOptions(new double[] {0.5, 0.5}, 10, 500);
        CategoricalTrajectory t = RecursiveCategorical.simulate(o, Rngs.seeded(18));
        assertThat(t.fixed()).isTrue();
        int f = t.fixationGeneration();
        double[] surviving = t.series(CategoricalMetric.SURVIVING);
        assertThat(surviving[0]).isEqualTo(2);
        assertThat(surviving[f]).isEqualTo(1);
        assertThat(surviving[500]).isEqualTo(1);
        assertThat(t.series(CategoricalMetric.GINI_SIMPSON)[f]).isZero();
        assertThat(t.series(CategoricalMetric.ENTROPY)[f]).isZero();
        assertThat(t.series(CategoricalMetric.LOST_MASS)[f]).isEqualTo(0.5);
        assertThat(t.series(CategoricalMetric.TOTAL_VARIATION)[f]).isEqualTo(0.5);
        assertThat(t.finalProbabilities()[t.fixedCategory()]).isEqualTo(1.0);
        assertThat(t.extinctionGenerations()[1 - t.fixedCategory()]).isEqualTo(f);
        assertThat(t.extinctionGenerations()[t.fixedCategory()]).isEqualTo(-1);
    }

    @Test
    void zeroProbabilityCategoriesAreNeverSampled() {
        CategoricalRefitOptions o = new CategoricalRefitOptions(new double[] {0, 0.5, 0, 0.5, 0}, 20, 30);
        CategoricalTrajectory t = RecursiveCategorical.simulate(o, Rngs.seeded(19));
        assertThat(t.extinctionGenerations()[0]).isZero();
        assertThat(t.extinctionGenerations()[4]).isZero();
        assertThat(t.series(CategoricalMetric.SURVIVING)[0]).isEqualTo(2);
    }

    @Test
    void deterministicAcrossThreadCountsAndPrintsOneLine() {
        CategoricalRefitOptions o = CategoricalRefitOptions.defaults();
        CategoricalEnsemble a = RecursiveCategorical.simulateRuns(o, 30, Rngs.seeded(20), 1);
        CategoricalEnsemble b = RecursiveCategorical.simulateRuns(o, 30, Rngs.seeded(20), 4);
        assertThat(a).isEqualTo(b);
        assertThat(a.toString()).startsWith("CategoricalEnsemble[30 runs, CategoricalRefitOptions[K=10, "
                + "p=(0.1000, 0.1000, 0.1000, 0.1000, 0.1000, 0.1000, ...), M=100, generations=100]")
                .doesNotContain("\n");
        assertThat(a.runs().get(0).toString()).startsWith("CategoricalTrajectory[").doesNotContain("\n");
        assertThat(a.theory().toString()).startsWith("CategoricalTheory[");
        assertThat(a.runs().get(0).toCsv().split("\n")[0]).isEqualTo("generation,surviving,gini_simpson,entropy,"
                + "lost_mass,total_variation,theory_surviving,theory_gini_simpson,theory_entropy,theory_lost_mass,"
                + "theory_total_variation");
        assertThat(a.toCsv().split("\n")).hasSize(102);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("probabilities", NullPointerException.class,
                        (ThrowingCallable) () -> new CategoricalRefitOptions(null, 10, 10)),
                Arguments.of("probabilities", IllegalArgumentException.class,
                        (ThrowingCallable) () -> new CategoricalRefitOptions(new double[0], 10, 10)),
                Arguments.of("probabilities[1]", IllegalArgumentException.class,
                        (ThrowingCallable) () -> new CategoricalRefitOptions(new double[] {1.5, -0.5}, 10, 10)),
                Arguments.of("probabilities[0]", IllegalArgumentException.class,
                        (ThrowingCallable) () -> new CategoricalRefitOptions(new double[] {Double.NaN}, 10, 10)),
                Arguments.of("probabilities", IllegalArgumentException.class,
                        (ThrowingCallable) () -> new CategoricalRefitOptions(new double[] {0.2, 0.2}, 10, 10)),
                Arguments.of("samplesPerGeneration", IllegalArgumentException.class,
                        (ThrowingCallable) () -> CategoricalRefitOptions.defaults().withSamplesPerGeneration(0)),
                Arguments.of("generations", IllegalArgumentException.class,
                        (ThrowingCallable) () -> CategoricalRefitOptions.defaults().withGenerations(-1)),
                Arguments.of("categories", IllegalArgumentException.class,
                        (ThrowingCallable) () -> CategoricalRefitOptions.uniform(0)),
                Arguments.of("p", IllegalArgumentException.class,
                        (ThrowingCallable) () -> CategoricalTheory.expectedLossTime(1, 10)),
                Arguments.of("rng", NullPointerException.class,
                        (ThrowingCallable) () -> RecursiveCategorical.simulate(CategoricalRefitOptions.defaults(),
                                null)),
                Arguments.of("runs", IllegalArgumentException.class,
                        (ThrowingCallable) () -> RecursiveCategorical.simulateRuns(CategoricalRefitOptions.defaults(),
                                0, Rngs.seeded(1), 1)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputsNameTheParameter(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(name);
    }
}
