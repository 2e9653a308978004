package io.github.genailab.collapse.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.internal.Copies;
import io.github.genailab.core.math.Rngs;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GaussianMixtureEmTest {

    private static final GaussianMixture TRUTH = GaussianMixture.of(new double[] {0.5, 0.3, 0.2},
            new double[][] {{-5, 0}, {5, 1}, {0, 8}},
            new double[][][] {{{1, 0.3}, {0.3, 0.5}}, {{0.6, 0}, {0, 0.6}}, {{2, -0.4}, {-0.4, 1}}});

    private static double[][] truthSample(int n, long seed) {
        return TRUTH.sample(n, Rngs.seeded(seed));
    }

    /** Components ordered by their first mean coordinate, to compare up to label permutation. */
    private static Integer[] order(GaussianMixture m) {
        Integer[] idx = {0, 1, 2};
        Arrays.sort(idx, Comparator.comparingDouble(i -> m.means()[i][0]));
        return idx;
    }

    @ParameterizedTest
    @EnumSource(Initialization.class)
    void recoversWellSeparatedMixtureWithEveryInitialization(Initialization init) {
        double[][] data = truthSample(6000, 11);
        GaussianMixture fit = GaussianMixtureEm.fit(data, 3,
                EmOptions.defaults().withInitialization(init).withInitializations(3).withMaxIterations(2000)
                        .withTolerance(1e-7),
                Rngs.seeded(12));
        Integer[] o = order(fit);
        Integer[] t = order(TRUTH);
        for (int c = 0; c < 3; c++) {
            assertThat(fit.weights()[o[c]]).isCloseTo(TRUTH.weights()[t[c]], within(0.03));
            assertThat(fit.means()[o[c]]).containsExactly(TRUTH.means()[t[c]], within(0.1));
            for (int r = 0; r < 2; r++) {
                assertThat(fit.covariances()[o[c]][r]).containsExactly(TRUTH.covariances()[t[c]][r], within(0.15));
            }
        }
        assertThat(fit.diagnostics().converged()).isTrue();
        assertThat(fit.diagnostics().samples()).isEqualTo(6000);
    }

    @ParameterizedTest
    @EnumSource(CovarianceType.class)
    void everyCovarianceTypeGivesItsStructureAndAFiniteFit(CovarianceType type) {
        double[][] data = truthSample(1500, 13);
        GaussianMixture fit = GaussianMixtureEm.fit(data, 3, EmOptions.defaults().withCovarianceType(type),
                Rngs.seeded(14));
        assertThat(fit.covarianceType()).isEqualTo(type);
        for (double[][] s : fit.covariances()) {
            if (type != CovarianceType.FULL) {
                assertThat(s[0][1]).isZero();
            }
            if (type == CovarianceType.SPHERICAL) {
                assertThat(s[0][0]).isEqualTo(s[1][1]);
            }
        }
        assertThat(fit.meanLogLikelihood(data)).isFinite();
    }

    @Test
    void sameSeedSameFitAndRestartsNeverLowerTheBound() {
        double[][] data = truthSample(800, 15);
        EmOptions one = EmOptions.defaults().withInitialization(Initialization.RANDOM_FROM_DATA);
        GaussianMixture a = GaussianMixtureEm.fit(data, 3, one, Rngs.seeded(16));
        GaussianMixture b = GaussianMixtureEm.fit(data, 3, one, Rngs.seeded(16));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        GaussianMixture best = GaussianMixtureEm.fit(data, 3, one.withInitializations(6), Rngs.seeded(16));
        assertThat(best.diagnostics().lowerBound()).isGreaterThanOrEqualTo(a.diagnostics().lowerBound());
    }

    @Test
    void oneDimensionalOverloadEqualsTheColumnForm() {
        RandomGenerator rng = Rngs.seeded(17);
        double[] x = new double[500];
        double[][] column = new double[500][1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 2 == 0 ? -2 : 3) + rng.nextGaussian();
            column[i][0] = x[i];
        }
        GaussianMixture a = GaussianMixtureEm.fit(x, 2, EmOptions.defaults(), Rngs.seeded(18));
        GaussianMixture b = GaussianMixtureEm.fit(column, 2, EmOptions.defaults(), Rngs.seeded(18));
        assertThat(a).isEqualTo(b);
        assertThat(a.dimension()).isEqualTo(1);
    }

    @Test
    void inputIsNotModified() {
        double[][] data = truthSample(300, 19);
        double[][] copy = Copies.deepCopy(data, "data");
        GaussianMixtureEm.fit(data, 3, EmOptions.defaults(), Rngs.seeded(20));
        assertThat(data).isDeepEqualTo(copy);
    }

    static Stream<Arguments> degenerateData() {
        double[][] identical = new double[50][];
        double[][] zeros = new double[20][];
        double[][] twoPoints = new double[40][];
        for (int i = 0; i < identical.length; i++) {
            identical[i] = new double[] {0.1, -3.7};
        }
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = new double[] {0, 0};
        }
        for (int i = 0; i < twoPoints.length; i++) {
            twoPoints[i] = i % 2 == 0 ? new double[] {1, 1} : new double[] {1e6, -1e6};
        }
        double[][] collinear = new double[30][];
        for (int i = 0; i < collinear.length; i++) {
            collinear[i] = new double[] {i, 2.0 * i};
        }
        double[][] single = {{2.5, 7}};
        double[][] fewerThanK = {{0, 0}, {1, 1}};
        return Stream.of(Arguments.of("identical", identical), Arguments.of("zeros", zeros),
                Arguments.of("two distinct points", twoPoints), Arguments.of("collinear", collinear),
                Arguments.of("single point", single), Arguments.of("n < K", fewerThanK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerateData")
    void degenerateDataNeverGivesNaN(String label, double[][] data) {
        for (double reg : new double[] {1e-6, 0}) {
            for (Initialization init : Initialization.values()) {
                for (CovarianceType type : CovarianceType.values()) {
                    EmOptions o = EmOptions.defaults().withRegularization(reg).withInitialization(init)
                            .withCovarianceType(type);
                    for (int k = 1; k <= 4; k++) {
                        assertFinite(GaussianMixtureEm.fit(data, k, o, Rngs.seeded(21)), data);
                        assertFinite(GaussianMixtureEm.fit(data, k, o.withReseedEmptyComponents(true), Rngs.seeded(21)),
                                data);
                    }
                }
            }
        }
    }

    private static void assertFinite(GaussianMixture m, double[][] data) {
        assertThat(Arrays.stream(m.weights()).allMatch(Double::isFinite)).isTrue();
        assertThat(Arrays.stream(m.means()).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)).isTrue();
        assertThat(m.diagnostics().lowerBound()).isNotNaN();
        assertThat(m.meanLogLikelihood(data)).isNotNaN();
    }

    @Test
    void singularCovarianceWithoutRegularizationIsJitteredAndReported() {
        double[][] identical = new double[10][];
        for (int i = 0; i < identical.length; i++) {
            identical[i] = new double[] {1, 2};
        }
        GaussianMixture m = GaussianMixtureEm.fit(identical, 1, EmOptions.defaults().withRegularization(0),
                Rngs.seeded(22));
        assertThat(m.diagnostics().jitteredCovariances()).isPositive();
        assertThat(m.means()[0]).containsExactly(new double[] {1, 2}, within(1e-12));
    }

    @Test
    void emptyComponentIsKeptOrReseeded() {
        double[][] data = truthSample(400, 23);
        GaussianMixture far = GaussianMixture.of(new double[] {0.5, 0.5}, new double[][] {{0, 2}, {1e4, 1e4}},
                new double[][][] {{{20, 0}, {0, 20}}, {{1e-2, 0}, {0, 1e-2}}});
        EmOptions o = EmOptions.defaults().withMaxIterations(20);
        GaussianMixture kept = GaussianMixtureEm.fitFrom(data, far, o);
        assertThat(kept.diagnostics().emptyComponents()).isPositive();
        assertThat(kept.means()[1]).containsExactly(new double[] {1e4, 1e4}, within(1e-9));
        assertThat(kept.weights()[1]).isLessThan(1e-12);

        GaussianMixture reseeded = GaussianMixtureEm.fitFrom(data, far, o.withReseedEmptyComponents(true));
        assertThat(reseeded.diagnostics().emptyComponents()).isPositive();
        assertThat(Math.abs(reseeded.means()[1][0])).isLessThan(20);
        assertThat(reseeded.weights()[1]).isGreaterThan(1e-3);
    }

    @Test
    void warmStartWithZeroIterationsReturnsTheStart() {
        double[][] data = truthSample(200, 24);
        GaussianMixture m = GaussianMixtureEm.fitFrom(data, TRUTH, EmOptions.defaults().withMaxIterations(0));
        assertThat(m.means()).isDeepEqualTo(TRUTH.means());
        assertThat(m.diagnostics().iterations()).isZero();
        assertThat(m.diagnostics().lowerBound()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void warmStartFromTheTruthConvergesNearIt() {
        double[][] data = truthSample(3000, 25);
        GaussianMixture m = GaussianMixtureEm.fitFrom(data, TRUTH, EmOptions.defaults());
        assertThat(m.diagnostics().converged()).isTrue();
        assertThat(m.means()[0]).containsExactly(TRUTH.means()[0], within(0.1));
    }

    @Test
    void toleranceZeroRunsToTheCapWithoutConverging() {
        double[][] data = truthSample(300, 26);
        GaussianMixture m = GaussianMixtureEm.fit(data, 3, EmOptions.defaults().withTolerance(0).withMaxIterations(7),
                Rngs.seeded(27));
        assertThat(m.diagnostics().iterations()).isEqualTo(7);
        assertThat(m.diagnostics().converged()).isFalse();
    }

    @Test
    void toStringIsOneReadableLine() {
        GaussianMixture m = GaussianMixtureEm.fit(truthSample(300, 28), 3, EmOptions.defaults(), Rngs.seeded(29));
        assertThat(m.toString()).startsWith("GaussianMixture[K=3, d=2, FULL, weights=(").contains("converged=true")
                .doesNotContain("\n").doesNotContain("[D@");
        assertThat(EmOptions.defaults().toString())
                .isEqualTo("EmOptions[FULL, tol=0.001, reg=1.0E-6, maxIter=100, nInit=1, KMEANS]");
    }

    @Test
    void defaultsMatchScikitLearn() {
        EmOptions o = EmOptions.defaults();
        assertThat(o.covarianceType()).isEqualTo(CovarianceType.FULL);
        assertThat(o.tolerance()).isEqualTo(1e-3);
        assertThat(o.regularization()).isEqualTo(1e-6);
        assertThat(o.maxIterations()).isEqualTo(100);
        assertThat(o.initializations()).isEqualTo(1);
        assertThat(o.initialization()).isEqualTo(Initialization.KMEANS);
        assertThat(o.reseedEmptyComponents()).isFalse();
    }
}
