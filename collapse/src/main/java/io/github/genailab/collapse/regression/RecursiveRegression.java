package io.github.genailab.collapse.regression;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.Linalg;
import io.github.genailab.core.math.Checks;
import java.util.random.RandomGenerator;

/**
 * Recursive least squares on a fixed design, relabelled each round by the previous fit: the linear
 * model in which Gerstgrasser et al. contrast replacing data (error grows linearly) with accumulating
 * it (error bounded by {@code pi^2/6} times one round's).
 *
 * <pre>
 *   X ~ N(0, 1)^(T x d) fixed,  w* ~ N(0, I_d),  round 1: y_1 = X w* + e_1,  later: y_n = X w_{n-1} + e_n,
 *   e_n ~ N(0, sigma^2 I_T)
 *   replace:     w_n = (X^T X)^-1 X^T y_n
 *   accumulate:  w_n = OLS on all rounds so far = (X^T X)^-1 X^T mean(y_1..y_n)
 *   test error:  |w_n - w*|^2 (excess risk for x ~ N(0, I_d))
 * </pre>
 * Complexity: O(T d^2 + d^3) once, then O(T d) per round.
 *
 * <p>References: M. Gerstgrasser, R. Schaeffer, A. Dey, R. Rafailov, et al., "Is Model Collapse
 * Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data", arXiv:2404.01413
 * (COLM 2024), Theorem 2; E. Dohmatob, Y. Feng, J. Kempe, "Model Collapse Demystified: The Case of
 * Regression", NeurIPS 2024.
 *
 * @since 0.1.0
 */
public final class RecursiveRegression {

    private RecursiveRegression() {
    }

    /**
     * Simulates one run (a fresh design and truth per run).
     *
     * @param options the settings
     * @param rng the run's generator
     * @return the trajectory
     * @throws NullPointerException if an argument is null
     */
    public static RegressionTrajectory simulate(RegressionRefitOptions options, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        int d = options.dimension();
        int rows = options.samples();
        double sigma = Math.sqrt(options.noiseVariance());
        double[] x = new double[rows * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] truth = new double[d];
        for (int j = 0; j < d; j++) {
            truth[j] = rng.nextGaussian();
        }
        double[] gram = new double[d * d];
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    gram[a * d + b] += x[i * d + a] * x[i * d + b];
                }
            }
        }
        double[] l = new double[d * d];
        Linalg.choleskyWithJitter(gram, d, l, 1e-12 * Linalg.trace(gram, d) / d, new double[d * d]);
        boolean accumulate = options.workflow().kind() == Workflow.Kind.ACCUMULATE;
        double[] labeller = truth.clone();
        double[] labelSum = new double[rows];
        double[] labels = new double[rows];
        double[] moment = new double[d];
        double[] fit = new double[d];
        double[] errors = new double[options.generations() + 1];
        for (int n = 1; n <= options.generations(); n++) {
            for (int i = 0; i < rows; i++) {
                double y = sigma * rng.nextGaussian();
                for (int j = 0; j < d; j++) {
                    y += x[i * d + j] * labeller[j];
                }
                labelSum[i] += y;
                labels[i] = accumulate ? labelSum[i] / n : y;
            }
            java.util.Arrays.fill(moment, 0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < d; j++) {
                    moment[j] += x[i * d + j] * labels[i];
                }
            }
            Linalg.solveWithCholesky(l, d, moment, fit);
            double error = 0;
            for (int j = 0; j < d; j++) {
                error += (fit[j] - truth[j]) * (fit[j] - truth[j]);
            }
            errors[n] = error;
            System.arraycopy(fit, 0, labeller, 0, d);
        }
        return new RegressionTrajectory(options, errors);
    }
}
