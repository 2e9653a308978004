package io.github.genailab.collapse.mixture;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * Settings of {@link GaussianMixtureEm}, named and defaulted like scikit-learn's
 * {@code GaussianMixture}.
 *
 * <p>{@link #defaults()}: full covariance, {@code tol = 1e-3}, {@code reg_covar = 1e-6},
 * {@code max_iter = 100}, {@code n_init = 1}, k-means initialisation, empty components kept (no
 * re-seeding). The authors' GMM notebook uses {@code withTolerance(1e-5).withMaxIterations(2000)}.
 *
 * <p>Convention: {@code regularization} is scikit-learn's {@code reg_covar}, an <em>absolute</em>
 * amount added to every covariance diagonal at every M-step. It is a variance floor (standard
 * deviations cannot fall below about {@code sqrt(reg)}, 1e-3 in data units by default), so in a
 * collapse simulation it eventually halts the collapse and makes results depend on the data's scale
 * (docs/collapse-theory.md, 'Pitfalls', item 5).
 *
 * @param covarianceType shape of the component covariances
 * @param tolerance convergence threshold on the change of the mean log-likelihood (lower bound)
 *     between iterations; finite and &gt;= 0 (0 never converges early)
 * @param regularization {@code reg_covar}, added to covariance diagonals; finite and &gt;= 0
 * @param maxIterations EM iterations per initialisation, &gt;= 0 (0 returns the initialisation)
 * @param initializations restarts ({@code n_init}), &gt;= 1; the best lower bound wins
 * @param initialization how each restart starts
 * @param reseedEmptyComponents when true, a component whose responsibilities sum below 1e-10 is moved
 *     to the worst-explained point with the global covariance and weight 1/n; when false (default) it
 *     keeps its previous parameters with a vanishing weight; either way the event is counted
 *
 * @since 0.1.0
 */
public record EmOptions(CovarianceType covarianceType, double tolerance, double regularization, int maxIterations,
        int initializations, Initialization initialization, boolean reseedEmptyComponents) {

    /**
     * Validates the settings.
     *
     * @param covarianceType shape of the component covariances
     * @param tolerance convergence threshold on the change of the mean log-likelihood (lower bound)
     *     between iterations; finite and &gt;= 0 (0 never converges early)
     * @param regularization {@code reg_covar}, added to covariance diagonals; finite and &gt;= 0
     * @param maxIterations EM iterations per initialisation, &gt;= 0 (0 returns the initialisation)
     * @param initializations restarts ({@code n_init}), &gt;= 1; the best lower bound wins
     * @param initialization how each restart starts
     * @param reseedEmptyComponents when true, a component whose responsibilities sum below 1e-10 is moved
     *     to the worst-explained point with the global covariance and weight 1/n; when false (default) it
     *     keeps its previous parameters with a vanishing weight; either way the event is counted
     * @throws NullPointerException if {@code covarianceType} or {@code initialization} is null
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public EmOptions {
        Checks.notNull(covarianceType, "covarianceType");
        Checks.notNull(initialization, "initialization");
        Checks.nonNegative(tolerance, "tolerance");
        Checks.nonNegative(regularization, "regularization");
        Checks.nonNegative(maxIterations, "maxIterations");
        Checks.positive(initializations, "initializations");
    }

    /**
     * scikit-learn's defaults: FULL, tol 1e-3, reg_covar 1e-6, max_iter 100, n_init 1, kmeans.
     *
     * @return the defaults
     */
    public static EmOptions defaults() {
        return new EmOptions(CovarianceType.FULL, 1e-3, 1e-6, 100, 1, Initialization.KMEANS, false);
    }

    /**
     * Sets the covariance type.
     *
     * @param value the type
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public EmOptions withCovarianceType(CovarianceType value) {
        return new EmOptions(value, tolerance, regularization, maxIterations, initializations, initialization,
                reseedEmptyComponents);
    }

    /**
     * Sets the convergence tolerance.
     *
     * @param value finite and &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative or not finite
     */
    public EmOptions withTolerance(double value) {
        return new EmOptions(covarianceType, value, regularization, maxIterations, initializations, initialization,
                reseedEmptyComponents);
    }

    /**
     * Sets {@code reg_covar}.
     *
     * @param value finite and &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative or not finite
     */
    public EmOptions withRegularization(double value) {
        return new EmOptions(covarianceType, tolerance, value, maxIterations, initializations, initialization,
                reseedEmptyComponents);
    }

    /**
     * Sets the iteration cap.
     *
     * @param value &gt;= 0
     * @return a copy with the new value
     * @throws IllegalArgumentException if negative
     */
    public EmOptions withMaxIterations(int value) {
        return new EmOptions(covarianceType, tolerance, regularization, value, initializations, initialization,
                reseedEmptyComponents);
    }

    /**
     * Sets the number of restarts.
     *
     * @param value &gt;= 1
     * @return a copy with the new value
     * @throws IllegalArgumentException if below 1
     */
    public EmOptions withInitializations(int value) {
        return new EmOptions(covarianceType, tolerance, regularization, maxIterations, value, initialization,
                reseedEmptyComponents);
    }

    /**
     * Sets the initialisation method.
     *
     * @param value the method
     * @return a copy with the new value
     * @throws NullPointerException if null
     */
    public EmOptions withInitialization(Initialization value) {
        return new EmOptions(covarianceType, tolerance, regularization, maxIterations, initializations, value,
                reseedEmptyComponents);
    }

    /**
     * Sets the empty-component policy.
     *
     * @param value true to re-seed empty components at the worst-explained point
     * @return a copy with the new value
     */
    public EmOptions withReseedEmptyComponents(boolean value) {
        return new EmOptions(covarianceType, tolerance, regularization, maxIterations, initializations,
                initialization, value);
    }

    /**
     * One line, e.g. {@code EmOptions[FULL, tol=0.001, reg=1.0E-6, maxIter=100, nInit=1, KMEANS]}.
     *
     * @return the settings
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EmOptions[%s, tol=%s, reg=%s, maxIter=%d, nInit=%d, %s%s]", covarianceType,
                tolerance, regularization, maxIterations, initializations, initialization,
                reseedEmptyComponents ? ", reseedEmpty" : "");
    }
}
