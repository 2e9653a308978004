package io.github.genailab.collapse.regression;

import io.github.genailab.collapse.Workflow;
import io.github.genailab.collapse.internal.Csv;
import io.github.genailab.core.internal.Formats;
import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One run of a recursive linear-regression refit: the excess test error {@code |w_n - w*|^2} of every
 * round next to its expectation.
 *
 * <pre>
 *   replace:     E |w_n - w*|^2 = sigma^2 d / (T - d - 1) * n
 *   accumulate:  E |w_n - w*|^2 = sigma^2 d / (T - d - 1) * sum_{i=1..n} 1/i^2  &lt;=  sigma^2 d / (T - d - 1) * pi^2/6
 * </pre>
 * (Gerstgrasser et al. 2024, Theorem 2; expectation over the Gaussian design as well.) Index 0 is the
 * truth (error 0); round 1 is the fit to real labels.
 *
 * @param options the settings that produced the run
 * @param testErrors {@code |w_n - w*|^2} for {@code n = 0..G}
 *
 * @since 0.1.0
 */
public record RegressionTrajectory(RegressionRefitOptions options, double[] testErrors) {

    /**
     * Checks the shape and copies the array.
     *
     * @param options the settings that produced the run
     * @param testErrors {@code |w_n - w*|^2} for {@code n = 0..G}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code testErrors} does not have {@code generations + 1} entries
     */
    public RegressionTrajectory {
        Checks.notNull(options, "options");
        Checks.sameLength(Checks.notNull(testErrors, "testErrors").length, options.generations() + 1, "testErrors",
                "generations + 1");
        testErrors = testErrors.clone();
    }

    /**
     * The test errors (a copy).
     *
     * @return {@code G + 1} values, starting at 0
     */
    @Override
    public double[] testErrors() {
        return testErrors.clone();
    }

    /**
     * The expected test error of every round (exact, Theorem 2 of Gerstgrasser et al.).
     *
     * @return {@code G + 1} values
     */
    public double[] expectedTestErrors() {
        double unit = options.noiseVariance() * options.dimension()
                / (options.samples() - options.dimension() - 1.0);
        double[] out = new double[options.generations() + 1];
        boolean accumulate = options.workflow().kind() == Workflow.Kind.ACCUMULATE;
        double sum = 0;
        for (int n = 1; n < out.length; n++) {
            sum += accumulate ? 1.0 / ((double) n * n) : 1;
            out[n] = unit * sum;
        }
        return out;
    }

    /**
     * CSV with columns {@code generation,test_error,theory_test_error}.
     *
     * @return the CSV text
     */
    public String toCsv() {
        return new Csv().add("generation", Csv.index(testErrors.length)).add("test_error", testErrors)
                .add("theory_test_error", expectedTestErrors()).build();
    }

    /**
     * Writes {@link #toCsv()} to a file (UTF-8).
     *
     * @param path the file
     * @throws IOException if writing fails
     * @throws NullPointerException if {@code path} is null
     */
    public void writeCsv(Path path) throws IOException {
        Csv.write(toCsv(), path);
    }

    /**
     * Equality by value.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionTrajectory r && options.equals(r.options) && Arrays.equals(testErrors,
                r.testErrors);
    }

    /**
     * Hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * options.hashCode() + Arrays.hashCode(testErrors);
    }

    /**
     * One line with the last round's error and its expectation.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        int g = options.generations();
        return "RegressionTrajectory[" + options + ": test error at n=" + g + " " + Formats.significant(testErrors[g], 4)
                + " (E " + Formats.significant(expectedTestErrors()[g], 4) + ")]";
    }
}
