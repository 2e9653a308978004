package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.collapse.categorical.CategoricalEnsemble;
import io.github.genailab.collapse.categorical.CategoricalRefitOptions;
import io.github.genailab.collapse.categorical.RecursiveCategorical;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.collapse.gaussian.RecursiveGaussian;
import io.github.genailab.collapse.gaussian.RefitOptions;
import io.github.genailab.collapse.mixture.CovarianceType;
import io.github.genailab.collapse.mixture.EmDiagnostics;
import io.github.genailab.collapse.mixture.EmOptions;
import io.github.genailab.collapse.mixture.GaussianMixture;
import io.github.genailab.collapse.mixture.GaussianMixtureEm;
import io.github.genailab.core.math.Rngs;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs of the EM, mixture and run APIs: the exception type and the parameter named in the message
 * (the refit options, metrics and the other simulations have their tables in their own tests).
 */
class BadInputTest {

    private static final double[][] DATA = {{0, 0}, {1, 1}, {2, 0}};
    private static final double[][] I2 = {{1, 0}, {0, 1}};
    private static final GaussianMixture TWO_D = GaussianMixture.single(new double[] {0, 0}, I2);
    private static final EmOptions EM = EmOptions.defaults();

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("data", NullPointerException.class, () -> GaussianMixtureEm.fit((double[][]) null, 1, EM,
                        Rngs.seeded(1))),
                bad("data", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[0][], 1, EM,
                        Rngs.seeded(1))),
                bad("data", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[][] {{}}, 1, EM,
                        Rngs.seeded(1))),
                bad("data[1]", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[][] {{0, 1},
                    {2}}, 1, EM, Rngs.seeded(1))),
                bad("data[1][0]", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[][] {{0},
                    {Double.NaN}}, 1, EM, Rngs.seeded(1))),
                bad("data[0][1]", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[][] {{0,
                    Double.POSITIVE_INFINITY}}, 1, EM, Rngs.seeded(1))),
                bad("data[0]", NullPointerException.class, () -> GaussianMixtureEm.fit(new double[][] {null}, 1, EM,
                        Rngs.seeded(1))),
                bad("k", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(DATA, 0, EM, Rngs.seeded(1))),
                bad("options", NullPointerException.class, () -> GaussianMixtureEm.fit(DATA, 1, null,
                        Rngs.seeded(1))),
                bad("rng", NullPointerException.class, () -> GaussianMixtureEm.fit(DATA, 1, EM, null)),
                bad("data", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[0], 1, EM,
                        Rngs.seeded(1))),
                bad("data[1]", IllegalArgumentException.class, () -> GaussianMixtureEm.fit(new double[] {0,
                    Double.NaN}, 1, EM, Rngs.seeded(1))),
                bad("labels", NullPointerException.class, () -> GaussianMixtureEm.fitFromLabels(DATA, null, 2, EM)),
                bad("labels[2]", IllegalArgumentException.class, () -> GaussianMixtureEm.fitFromLabels(DATA,
                        new int[] {0, 1, 2}, 2, EM)),
                bad("labels", IllegalArgumentException.class, () -> GaussianMixtureEm.fitFromLabels(DATA,
                        new int[] {0, 1}, 2, EM)),
                bad("initial", NullPointerException.class, () -> GaussianMixtureEm.fitFrom(DATA, null, EM)),
                bad("initial dimension", IllegalArgumentException.class, () -> GaussianMixtureEm.fitFrom(
                        new double[][] {{1}, {2}}, TWO_D, EM)),
                bad("covarianceType", NullPointerException.class, () -> EM.withCovarianceType(null)),
                bad("tolerance", IllegalArgumentException.class, () -> EM.withTolerance(-1e-3)),
                bad("tolerance", IllegalArgumentException.class, () -> EM.withTolerance(Double.NaN)),
                bad("regularization", IllegalArgumentException.class, () -> EM.withRegularization(-1)),
                bad("regularization", IllegalArgumentException.class,
                        () -> EM.withRegularization(Double.POSITIVE_INFINITY)),
                bad("maxIterations", IllegalArgumentException.class, () -> EM.withMaxIterations(-1)),
                bad("initializations", IllegalArgumentException.class, () -> EM.withInitializations(0)),
                bad("initialization", NullPointerException.class, () -> EM.withInitialization(null)),
                bad("weights", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {0.5, 0.6},
                        new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1}}})),
                bad("weights[1]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1.5, -0.5},
                        new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{1}}})),
                bad("weights[0]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {Double.NaN},
                        new double[][] {{0}}, new double[][][] {{{1}}})),
                bad("weights", IllegalArgumentException.class, () -> GaussianMixture.of(new double[0],
                        new double[][] {{0}}, new double[][][] {{{1}}})),
                bad("means", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{0}, {1}}, new double[][][] {{{1}}})),
                bad("means[0][0]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{Double.NaN}}, new double[][][] {{{1}}})),
                bad("covariances", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{0}}, new double[][][] {{{1}}, {{1}}})),
                bad("covariances[0]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{0}}, new double[][][] {{{0}}})),
                bad("covariances[0][1][0]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{0, 0}}, new double[][][] {{{1, 0.5}, {0.2, 1}}})),
                bad("covariances[0]", IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1},
                        new double[][] {{0, 0}}, new double[][][] {{{1, 0}}})),
                bad("covariances[0][0][1]", IllegalArgumentException.class, () -> new GaussianMixture(
                        CovarianceType.DIAGONAL, new double[] {1}, new double[][] {{0, 0}},
                        new double[][][] {{{1, 0.5}, {0.5, 1}}}, EmDiagnostics.notFitted())),
                bad("covariances[0][1][1]", IllegalArgumentException.class, () -> new GaussianMixture(
                        CovarianceType.SPHERICAL, new double[] {1}, new double[][] {{0, 0}},
                        new double[][][] {{{1, 0}, {0, 2}}}, EmDiagnostics.notFitted())),
                bad("diagnostics", NullPointerException.class, () -> new GaussianMixture(CovarianceType.FULL,
                        new double[] {1}, new double[][] {{0}}, new double[][][] {{{1}}}, null)),
                bad("x", NullPointerException.class, () -> TWO_D.logDensity(null)),
                bad("x", IllegalArgumentException.class, () -> TWO_D.logDensity(new double[] {1})),
                bad("x[1]", IllegalArgumentException.class, () -> TWO_D.logDensity(new double[] {1, Double.NaN})),
                bad("x", IllegalArgumentException.class, () -> TWO_D.meanLogLikelihood(new double[0][])),
                bad("x columns", IllegalArgumentException.class, () -> TWO_D.meanLogLikelihood(new double[][] {{1}})),
                bad("x[0][0]", IllegalArgumentException.class, () -> TWO_D.predict(new double[][] {{Double.NaN, 0}})),
                bad("n", IllegalArgumentException.class, () -> TWO_D.sample(-1, Rngs.seeded(1))),
                bad("rng", NullPointerException.class, () -> TWO_D.sample(1, null)),
                bad("mean", NullPointerException.class, () -> GaussianMixture.single(null, I2)),
                bad("runs", IllegalArgumentException.class, () -> IndependentRuns.run(0, Rngs.seeded(1), 1, g -> 1)),
                bad("threads", IllegalArgumentException.class, () -> IndependentRuns.run(1, Rngs.seeded(1), 0,
                        g -> 1)),
                bad("experiment", NullPointerException.class, () -> IndependentRuns.run(1, Rngs.seeded(1), 1, null)),
                bad("rng", NullPointerException.class, () -> IndependentRuns.run(1, null, 1, g -> 1)),
                bad("runs[1].options", IllegalArgumentException.class, () -> new GaussianEnsemble(
                        RefitOptions.defaults().withGenerations(1), List.of(
                                RecursiveGaussian.simulate(RefitOptions.defaults().withGenerations(1), Rngs.seeded(1)),
                                RecursiveGaussian.simulate(RefitOptions.defaults().withGenerations(1).withMean(1),
                                        Rngs.seeded(1))))),
                bad("options", NullPointerException.class, () -> new CategoricalEnsemble(null, List.of(
                        RecursiveCategorical.simulate(CategoricalRefitOptions.defaults(), Rngs.seeded(1))))),
                bad("runs", NullPointerException.class, () -> new CategoricalEnsemble(
                        CategoricalRefitOptions.defaults(), null)),
                bad("runs", IllegalArgumentException.class, () -> new CategoricalEnsemble(
                        CategoricalRefitOptions.defaults(), List.of())),
                bad("runs[1].options", IllegalArgumentException.class, () -> new CategoricalEnsemble(
                        CategoricalRefitOptions.uniform(2), List.of(
                                RecursiveCategorical.simulate(CategoricalRefitOptions.uniform(2), Rngs.seeded(1)),
                                RecursiveCategorical.simulate(CategoricalRefitOptions.uniform(3), Rngs.seeded(1))))),
                bad("metric", NullPointerException.class, () -> RecursiveGaussian.simulate(RefitOptions.defaults()
                        .withGenerations(1), Rngs.seeded(1)).series(null)));
    }

    private static Arguments bad(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        return Arguments.of(name, type, call);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void badInputsNameTheParameter(String name, Class<? extends Throwable> type, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(name);
    }
}
