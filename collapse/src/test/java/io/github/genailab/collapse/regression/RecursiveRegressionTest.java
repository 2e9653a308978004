package io.github.genailab.collapse.regression;

import static io.github.genailab.collapse.Statistics.assertWithinFourSe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.IndependentRuns;
import io.github.genailab.collapse.Statistics;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Rngs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prediction 17 of docs/collapse-theory.md (Gerstgrasser et al. Theorem 2). */
class RecursiveRegressionTest {

    @Test
    void prediction17_accumulateIsBoundedAndReplaceGrowsLinearly() {
        RegressionRefitOptions o = RegressionRefitOptions.defaults().withWorkflow(Workflow.accumulate());
        List<RegressionTrajectory> runs = IndependentRuns.run(2000, Rngs.seeded(17), 2,
                g -> RecursiveRegression.simulate(o, g));
        double[] expected = runs.get(0).expectedTestErrors();
        assertThat(expected[10]).isCloseTo(0.15498, within(5e-6));
        assertThat(expected[1]).isCloseTo(0.1, within(1e-15));
        assertWithinFourSe(Statistics.mean(runs, r -> r.testErrors()[10]), 0.15498, 0.073, 2000);

        RegressionRefitOptions replace = o.withWorkflow(Workflow.replace());
        List<RegressionTrajectory> replaced = IndependentRuns.run(2000, Rngs.seeded(18), 2,
                g -> RecursiveRegression.simulate(replace, g));
        assertThat(replaced.get(0).expectedTestErrors()[10]).isCloseTo(1.0, within(1e-12));
        Statistics.assertMeanWithinFourSe(replaced, r -> r.testErrors()[10], 1.0);
        Statistics.assertMeanWithinFourSe(replaced, r -> r.testErrors()[1], 0.1);
    }

    @Test
    void contractAndOutputs() {
        RegressionTrajectory t = RecursiveRegression.simulate(RegressionRefitOptions.defaults().withGenerations(3),
                Rngs.seeded(1));
        assertThat(t.testErrors()).hasSize(4);
        assertThat(t.testErrors()[0]).isZero();
        assertThat(t).isEqualTo(RecursiveRegression.simulate(RegressionRefitOptions.defaults().withGenerations(3),
                Rngs.seeded(1)));
        assertThat(t.toCsv()).startsWith("generation,test_error,theory_test_error\n0,0.0,0.0\n");
        assertThat(t.toString()).startsWith("RegressionTrajectory[RegressionRefitOptions[d=10, T=111, "
                + "noiseVariance=1.0, generations=3, replace]: test error at n=3 ");
    }

    @Test
    void badInputsNameTheParameter() {
        RegressionRefitOptions d = RegressionRefitOptions.defaults();
        assertThatThrownBy(() -> d.withSamples(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples");
        assertThatThrownBy(() -> d.withDimension(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        assertThatThrownBy(() -> d.withNoiseVariance(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noiseVariance");
        assertThatThrownBy(() -> d.withGenerations(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generations");
        assertThatThrownBy(() -> d.withWorkflow(Workflow.freshData(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflow");
        assertThatThrownBy(() -> d.withWorkflow(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("workflow");
        assertThatThrownBy(() -> RecursiveRegression.simulate(d, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("rng");
    }
}
