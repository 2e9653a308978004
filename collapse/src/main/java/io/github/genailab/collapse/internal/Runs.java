package io.github.genailab.collapse.internal;

import io.github.genailab.collapse.categorical.CategoricalEnsemble;
import io.github.genailab.collapse.gaussian.GaussianEnsemble;
import io.github.genailab.core.math.Checks;
import java.util.List;
import java.util.function.Function;

/**
 * What the ensembles ({@link GaussianEnsemble}, {@link CategoricalEnsemble}) share: checking their run
 * list and averaging a per-generation value over it. Reductions go in run order, so they are the same
 * bit for bit whatever thread count produced the runs.
 *
 * @since 0.1.0
 */
public final class Runs {

    private Runs() {
    }

    /** One run's value at generation {@code n}. */
    @FunctionalInterface
    public interface Value<T> {
        double at(T run, int n);
    }

    /**
     * A copy of {@code runs} after checking that there is at least one and that every run was produced
     * with {@code options} (read by {@code optionsOf}).
     */
    public static <T> List<T> checked(Object options, List<T> runs, Function<T, ?> optionsOf) {
        Checks.notNull(options, "options");
        List<T> copy = Checks.noNullElements(runs, "runs");
        if (copy.isEmpty()) {
            throw Checks.fail("runs", "not be empty", "0 runs");
        }
        for (int i = 0; i < copy.size(); i++) {
            Object runOptions = optionsOf.apply(copy.get(i));
            if (!runOptions.equals(options)) {
                throw Checks.fail("runs[" + i + "].options", "equal options", runOptions);
            }
        }
        return copy;
    }

    /** The mean over runs of {@code value} at each generation {@code 0 .. generations}. */
    public static <T> double[] mean(List<T> runs, int generations, Value<T> value) {
        double[] out = new double[generations + 1];
        for (T run : runs) {
            for (int n = 0; n < out.length; n++) {
                out[n] += value.at(run, n);
            }
        }
        for (int n = 0; n < out.length; n++) {
            out[n] /= runs.size();
        }
        return out;
    }
}
