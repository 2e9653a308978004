package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.collapse.categorical.CategoricalRefitOptions;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.gaussian.VarianceEstimator;
import io.github.genailab.collapse.mixture.EmOptions;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.collapse.mixture.GaussianMixtureEm;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defects the fuzzing pass of issue 19 found in this module, each pinned by the input that showed it. */
class FuzzRegressionTest {

    private static final EmOptions EM = EmOptions.defaults();

    static Stream<Arguments> cases() {
        GaussianMixture mixture = GaussianMixtureEm.fit(new double[] {0, 1, 2, 10, 11, 12}, 2, EM, Rngs.seeded(1));
        return Stream.of(
                Arguments.of("k = 2^31 - 1: NegativeArraySizeException from n * k",
                        (ThrowingCallable) () -> GaussianMixtureEm.fit(new double[] {1, 2, 3, 4, 5, 6}, Integer.MAX_VALUE, EM,
                                Rngs.seeded(1)),
                        IllegalArgumentException.class, "k must be <= " + GaussianMixtureEm.MAX_COMPONENTS),
                Arguments.of("k = 2^24 with 3 points: NegativeArraySizeException (found by CollapseFuzzTest)",
                        (ThrowingCallable) () -> GaussianMixtureEm.fit(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}, 1 << 24, EM,
                                Rngs.seeded(1)),
                        IllegalArgumentException.class, "k must be <= " + GaussianMixtureEm.MAX_COMPONENTS),
                Arguments.of("fitFromLabels with k = 2^31 - 1",
                        (ThrowingCallable) () -> GaussianMixtureEm.fitFromLabels(new double[][] {{1}, {2}}, new int[] {0, 1},
                                Integer.MAX_VALUE, EM),
                        IllegalArgumentException.class, "k must be <= " + GaussianMixtureEm.MAX_COMPONENTS),
                Arguments.of("1e300 among small values: ArrayIndexOutOfBounds in k-means++",
                        (ThrowingCallable) () -> GaussianMixtureEm.fit(new double[] {0, 1, 1e300}, 2, EM, Rngs.seeded(1)),
                        IllegalArgumentException.class, "data[2][0] must have magnitude <= 1.0E100"),
                Arguments.of("1e300 with one component: jitter Infinity",
                        (ThrowingCallable) () -> GaussianMixtureEm.fit(new double[] {1e300, 0}, 1, EM, Rngs.seeded(1)),
                        IllegalArgumentException.class, "data[0][0] must have magnitude <= 1.0E100"),
                Arguments.of("a pooled workflow over 2^31 - 1 generations looped for 20 s",
                        (ThrowingCallable) () -> new RefitOptions(0.25, 0.25, 2, Integer.MAX_VALUE, VarianceEstimator.UNBIASED,
                                Workflow.accumulateSubsample(), 0.5, Sampler.FULL, 0.25, 1),
                        IllegalArgumentException.class, "total pooled coordinates must be <="),
                Arguments.of("uniform(2^31 - 1) ran out of memory",
                        (ThrowingCallable) () -> CategoricalRefitOptions.uniform(Integer.MAX_VALUE),
                        IllegalArgumentException.class, "categories must be <= " + CategoricalRefitOptions.MAX_CATEGORIES),
                Arguments.of("IndependentRuns.run(2^31 - 1) ran out of memory",
                        (ThrowingCallable) () -> IndependentRuns.run(Integer.MAX_VALUE, Rngs.seeded(1), 1, g -> 0),
                        IllegalArgumentException.class, "runs must be <= " + IndependentRuns.MAX_RUNS),
                Arguments.of("simulateRuns(2^31 - 1) ran out of memory",
                        (ThrowingCallable) () -> RecursiveGaussian.simulateRuns(RefitOptions.defaults(), Integer.MAX_VALUE,
                                Rngs.seeded(1), 1),
                        IllegalArgumentException.class, "runs must be <= " + IndependentRuns.MAX_RUNS),
                Arguments.of("sample(2^31 - 1) ran out of memory",
                        (ThrowingCallable) () -> mixture.sample(Integer.MAX_VALUE, Rngs.seeded(1)),
                        IllegalArgumentException.class, "n * dimension must be <="),
                Arguments.of("an ensemble with a null run: NPE without a message",
                        (ThrowingCallable) () -> new GaussianEnsemble(RefitOptions.defaults(), Arrays.asList(null, null)),
                        NullPointerException.class, "runs[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithAMessageNamingTheParameter(String defect, ThrowingCallable call, Class<? extends Throwable> type,
            String message) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void dataJustInsideTheRangeStillFits() {
        GaussianMixture m = GaussianMixtureEm.fit(new double[] {0, 1, 1e100, 0.9e100}, 2, EM, Rngs.seeded(1));
        assertThat(m.components()).isEqualTo(2);
        assertThat(m.means()[0][0]).isFinite();
        assertThat(m.means()[1][0]).isFinite();
    }
}
