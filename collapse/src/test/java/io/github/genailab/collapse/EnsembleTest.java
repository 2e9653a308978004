package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.collapse.categorical.CategoricalEnsemble;
import io.github.genailab.collapse.categorical.CategoricalMetric;
import io.github.genailab.collapse.categorical.CategoricalRefitOptions;
import io.github.genailab.collapse.categorical.CategoricalTrajectory;
import io.github.genailab.collapse.categorical.RecursiveCategorical;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.collapse.gaussian.GaussianMetric;
import io.github.genailab.collapse.gaussian.GaussianTrajectory;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.core.math.Rngs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-generation reductions of both ensembles against sums written out over their runs' series. */
class EnsembleTest {

    private static final RefitOptions GAUSSIAN = RefitOptions.defaults().withSamplesPerGeneration(5).withGenerations(6);
    private static final CategoricalRefitOptions CATEGORICAL = new CategoricalRefitOptions(
            new double[] {0.5, 0.3, 0.2}, 4, 12);

    @Test
    void gaussianMeansAndFractionsAverageTheRunsInRunOrder() {
        List<GaussianTrajectory> runs = List.of(RecursiveGaussian.simulate(GAUSSIAN, Rngs.seeded(1)),
                RecursiveGaussian.simulate(GAUSSIAN, Rngs.seeded(2)), RecursiveGaussian.simulate(GAUSSIAN,
                        Rngs.seeded(3)));
        GaussianEnsemble e = new GaussianEnsemble(GAUSSIAN, runs);
        for (GaussianMetric metric : GaussianMetric.values()) {
            double[] a = runs.get(0).series(metric);
            double[] b = runs.get(1).series(metric);
            double[] c = runs.get(2).series(metric);
            double[] mean = new double[a.length];
            for (int n = 0; n < a.length; n++) {
                mean[n] = (a[n] + b[n] + c[n]) / 3;
            }
            assertThat(e.mean(metric)).containsExactly(mean);
        }
        double[] below = e.fractionBelow(GaussianMetric.VARIANCE, 1.0);
        for (int n = 0; n < below.length; n++) {
            int count = 0;
            for (GaussianTrajectory t : runs) {
                count += t.variances()[n] < 1.0 ? 1 : 0;
            }
            assertThat(below[n]).isEqualTo(count / 3.0);
        }
        assertThat(below[0]).isZero();
    }

    @Test
    void categoricalMeansAverageTheRunsIncludingTheirAbsorbedTails() {
        List<CategoricalTrajectory> runs = List.of(RecursiveCategorical.simulate(CATEGORICAL, Rngs.seeded(4)),
                RecursiveCategorical.simulate(CATEGORICAL, Rngs.seeded(5)));
        CategoricalEnsemble e = new CategoricalEnsemble(CATEGORICAL, runs);
        for (CategoricalMetric metric : CategoricalMetric.values()) {
            double[] a = runs.get(0).series(metric);
            double[] b = runs.get(1).series(metric);
            double[] mean = new double[a.length];
            for (int n = 0; n < a.length; n++) {
                mean[n] = (a[n] + b[n]) / 2;
            }
            assertThat(e.mean(metric)).containsExactly(mean);
        }
        assertThat(e.mean(CategoricalMetric.SURVIVING)[0]).isEqualTo(3.0);
    }
}
