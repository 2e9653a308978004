package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genailab.collapse.categorical.CategoricalRefitOptions;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.mixture.EmOptions;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.collapse.mixture.GaussianMixtureEm;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/** Issue 19: every public entry point of the collapse kernels called with generated arguments. */
class CollapseFuzzTest {

    @Test
    void everyEntryPointKeepsTheContract() {
        GaussianMixture mixture = GaussianMixtureEm.fit(new double[] {0, 0.5, 1, 8, 8.5, 9}, 2, EmOptions.defaults(),
                Rngs.seeded(1));
        Fuzzer.Report report = Fuzzer.create(3000, 20)
                .sample(EmOptions.class, EmOptions.defaults().withMaxIterations(20))
                .sample(RefitOptions.class, RefitOptions.defaults().withGenerations(5))
                .sample(CategoricalRefitOptions.class, CategoricalRefitOptions.uniform(3).withGenerations(5))
                .sample(GaussianMixture.class, mixture)
                .sample(Workflow.class, Workflow.replace(), Workflow.accumulate())
                .run(19, GaussianMixtureEm.class, GaussianMixture.class, EmOptions.class, GaussianMetrics.class,
                        Workflow.class, CategoricalRefitOptions.class);
        System.out.println("collapse fuzz: " + report);
        assertThat(report.defects()).as(report.toString()).isEmpty();
    }
}
