package io.github.genailab.collapse.mixture;

import java.util.Locale;

/**
 * How an EM fit went: iterations, convergence, the final lower bound and the repairs it needed.
 *
 * @param iterations EM iterations of the returned (best) initialisation (scikit-learn {@code n_iter_})
 * @param converged whether that initialisation met the tolerance (scikit-learn's
 *     {@code converged_} is true if <em>any</em> initialisation converged)
 * @param lowerBound mean log-likelihood computed in the last E-step, i.e. <em>before</em> the last
 *     M-step (scikit-learn {@code lower_bound_}); {@code -Infinity} when no iteration ran
 * @param jitteredCovariances number of covariance factorisations that needed extra diagonal jitter
 *     (scikit-learn would raise "ill-defined empirical covariance" instead)
 * @param emptyComponents number of M-step events where a component's responsibilities summed below
 *     1e-10 (handled as {@link EmOptions#reseedEmptyComponents()} says)
 * @param samples number of data points fitted (0 for a mixture built by hand)
 *
 * @since 0.1.0
 */
public record EmDiagnostics(int iterations, boolean converged, double lowerBound, int jitteredCovariances,
        int emptyComponents, int samples) {

    /**
     * The diagnostics of a mixture that was not fitted (built with {@link GaussianMixture#of}).
     *
     * @return zero iterations, not converged, lower bound {@code -Infinity}, no events, no samples
     */
    public static EmDiagnostics notFitted() {
        return new EmDiagnostics(0, false, Double.NEGATIVE_INFINITY, 0, 0, 0);
    }

    /**
     * One line, e.g. {@code iterations=12, converged=true, lowerBound=-2.8312}.
     *
     * @return the diagnostics
     */
    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "iterations=%d, converged=%s, lowerBound=%.6g", iterations, converged,
                lowerBound);
        if (jitteredCovariances > 0) {
            s += ", jittered=" + jitteredCovariances;
        }
        if (emptyComponents > 0) {
            s += ", emptyComponents=" + emptyComponents;
        }
        return s;
    }
}
