package io.github.genailab.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Helpers for the seeded statistical tests: means over runs and the 4-standard-error rule. */
public final class Statistics {

    private Statistics() {
    }

    public static <T> double mean(List<T> runs, ToDoubleFunction<T> statistic) {
        double s = 0;
        for (T run : runs) {
            s += statistic.applyAsDouble(run);
        }
        return s / runs.size();
    }

    /** Sample standard deviation of a statistic over runs. */
    public static <T> double sd(List<T> runs, ToDoubleFunction<T> statistic) {
        double mean = mean(runs, statistic);
        double s = 0;
        for (T run : runs) {
            double dev = statistic.applyAsDouble(run) - mean;
            s += dev * dev;
        }
        return Math.sqrt(s / (runs.size() - 1));
    }

    /** The 4-standard-error check with the standard deviation estimated from the runs themselves. */
    public static <T> void assertMeanWithinFourSe(List<T> runs, ToDoubleFunction<T> statistic, double expected) {
        assertWithinFourSe(mean(runs, statistic), expected, sd(runs, statistic), runs.size());
    }

    /**
     * Asserts {@code |observed - expected| <= 4 sd / sqrt(runs) + extra} (the tolerance rule of
     * docs/collapse-theory.md, 'Predictions').
     */
    public static void assertWithinFourSe(double observed, double expected, double sdPerRun, int runs, double extra) {
        double tolerance = 4 * sdPerRun / Math.sqrt(runs) + extra;
        assertThat(observed).as("mean over %d runs (expected %s +- %s)", runs, expected, tolerance)
                .isCloseTo(expected, within(tolerance));
    }

    public static void assertWithinFourSe(double observed, double expected, double sdPerRun, int runs) {
        assertWithinFourSe(observed, expected, sdPerRun, runs, 0);
    }
}
