package io.github.genailab.core.math;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Argument checks shared by every GenAI Lab module.
 *
 * <p>Every failure is an {@link IllegalArgumentException} (or a {@link NullPointerException} for a
 * null reference) whose message names the parameter, the rule and the offending value, in the one
 * shape used across the library: {@code "gamma must be in (0, 1), got 1.5"} or
 * {@code "tokenLogProbs[17] must be finite and <= 0, got NaN"}.
 *
 * <p>All numeric checks are written in the positive form ({@code if (!(x > 0)) fail}) so that NaN
 * fails every one of them. Numbers are formatted with {@link Locale#ROOT}.
 *
 * @since 0.1.0
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Builds the library's standard failure.
     *
     * @param name the parameter (with an index if useful, e.g. {@code x[3]})
     * @param rule what the value must satisfy, e.g. {@code "be in (0, 1)"}
     * @param value the offending value
     * @return the exception, ready to throw
     */
    public static IllegalArgumentException fail(String name, String rule, Object value) {
        return new IllegalArgumentException(name + " must " + rule + ", got " + format(value));
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%s", value);
        }
        return String.valueOf(value);
    }

    /**
     * Requires a non-null reference.
     *
     * @param <T> the type
     * @param value the reference
     * @param name the parameter name
     * @return {@code value}
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /**
     * Checks that a list and each of its elements are non-null, naming the first null element.
     *
     * @param <T> the element type
     * @param list the list
     * @param name the parameter's name for messages
     * @return an unmodifiable copy of the list
     * @throws NullPointerException if the list is null ({@code name}) or holds a null ({@code name[i]})
     */
    public static <T> List<T> noNullElements(List<T> list, String name) {
        notNull(list, name);
        int i = 0;
        for (T element : list) {
            notNull(element, name + "[" + i++ + "]");
        }
        return List.copyOf(list);
    }

    /**
     * Checks that a count stays at or below a bound, so that a mistyped size fails at once instead of
     * exhausting memory.
     *
     * @param value the count
     * @param max the largest allowed value
     * @param name the parameter's name for messages
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value > max}
     */
    public static long atMost(long value, long max, String name) {
        if (value > max) {
            throw fail(name, "be <= " + max, value);
        }
        return value;
    }

    /**
     * Requires {@code value > 0}.
     *
     * @param value the value
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if not strictly positive
     */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw fail(name, "be > 0", value);
        }
        return value;
    }

    /**
     * Requires {@code value > 0} and finite.
     *
     * @param value the value
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if not strictly positive and finite (NaN fails)
     */
    public static double positive(double value, String name) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(name, "be finite and > 0", value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param value the value
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if negative
     */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw fail(name, "be >= 0", value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0} and finite.
     *
     * @param value the value
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if negative, infinite or NaN
     */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw fail(name, "be finite and >= 0", value);
        }
        return value;
    }

    /**
     * Requires a finite value (not NaN, not infinite).
     *
     * @param value the value
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if NaN or infinite
     */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw fail(name, "be finite", value);
        }
        return value;
    }

    /**
     * Requires {@code lo < value < hi} (open interval).
     *
     * @param value the value
     * @param lo exclusive lower bound
     * @param hi exclusive upper bound
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if outside the open interval (NaN fails)
     */
    public static double inOpenInterval(double value, double lo, double hi, String name) {
        if (!(value > lo && value < hi)) {
            throw fail(name, "be in (" + format(lo) + ", " + format(hi) + ")", value);
        }
        return value;
    }

    /**
     * Requires {@code lo < value <= hi} (half-open interval).
     *
     * @param value the value
     * @param lo exclusive lower bound
     * @param hi inclusive upper bound
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if outside (lo, hi] (NaN fails)
     */
    public static double inLeftOpenInterval(double value, double lo, double hi, String name) {
        if (!(value > lo && value <= hi)) {
            throw fail(name, "be in (" + format(lo) + ", " + format(hi) + "]", value);
        }
        return value;
    }

    /**
     * Requires {@code lo <= value <= hi} (closed interval).
     *
     * @param value the value
     * @param lo inclusive lower bound
     * @param hi inclusive upper bound
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if outside [lo, hi] (NaN fails)
     */
    public static double inClosedInterval(double value, double lo, double hi, String name) {
        if (!(value >= lo && value <= hi)) {
            throw fail(name, "be in [" + format(lo) + ", " + format(hi) + "]", value);
        }
        return value;
    }

    /**
     * Requires {@code lo <= value <= hi} for integers.
     *
     * @param value the value
     * @param lo inclusive lower bound
     * @param hi inclusive upper bound
     * @param name the parameter name
     * @return {@code value}
     * @throws IllegalArgumentException if outside [lo, hi]
     */
    public static int inRange(int value, int lo, int hi, String name) {
        if (value < lo || value > hi) {
            throw fail(name, "be in [" + lo + ", " + hi + "]", value);
        }
        return value;
    }

    /**
     * Requires a non-null array with at least one element.
     *
     * @param values the array
     * @param name the parameter name
     * @return {@code values}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if empty
     */
    public static double[] nonEmpty(double[] values, String name) {
        notNull(values, name);
        if (values.length == 0) {
            throw fail(name, "not be empty", "length 0");
        }
        return values;
    }

    /**
     * Requires a non-null int array with at least one element.
     *
     * @param values the array
     * @param name the parameter name
     * @return {@code values}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if empty
     */
    public static int[] nonEmpty(int[] values, String name) {
        notNull(values, name);
        if (values.length == 0) {
            throw fail(name, "not be empty", "length 0");
        }
        return values;
    }

    /**
     * Requires every element to be finite.
     *
     * @param values the array
     * @param name the parameter name
     * @return {@code values}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException naming the first non-finite index
     */
    public static double[] allFinite(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw fail(name + "[" + i + "]", "be finite", values[i]);
            }
        }
        return values;
    }

    /**
     * Requires every element to be finite.
     *
     * @param values the array
     * @param name the parameter name
     * @return {@code values}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException naming the first non-finite index
     */
    public static float[] allFinite(float[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw fail(name + "[" + i + "]", "be finite", values[i]);
            }
        }
        return values;
    }

    /**
     * Requires every element to be a log-probability: finite and {@code <= 0}.
     *
     * @param values the array
     * @param name the parameter name
     * @return {@code values}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException naming the first offending index
     */
    public static double[] logProbabilities(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v <= 0 && v > Double.NEGATIVE_INFINITY)) {
                throw fail(name + "[" + i + "]", "be finite and <= 0", v);
            }
        }
        return values;
    }

    /**
     * Requires every token id to be in {@code [0, vocabularySize)}.
     *
     * @param tokens the ids
     * @param vocabularySize the exclusive upper bound
     * @param name the parameter name
     * @return {@code tokens}
     * @throws NullPointerException if null
     * @throws IllegalArgumentException naming the first out-of-range index
     */
    public static int[] tokenIds(int[] tokens, int vocabularySize, String name) {
        notNull(tokens, name);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabularySize) {
                throw fail(name + "[" + i + "]", "be a token id in [0, " + vocabularySize + ")", tokens[i]);
            }
        }
        return tokens;
    }

    /**
     * Requires two arrays of equal length.
     *
     * @param lengthA length of the first array
     * @param lengthB length of the second array
     * @param nameA name of the first array
     * @param nameB name of the second array
     * @throws IllegalArgumentException if the lengths differ
     */
    public static void sameLength(int lengthA, int lengthB, String nameA, String nameB) {
        if (lengthA != lengthB) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same length, got "
                    + lengthA + " and " + lengthB);
        }
    }

    /**
     * Requires a non-empty rectangular matrix of finite values and returns its column count.
     *
     * @param rows the matrix, row-major
     * @param name the parameter name
     * @return the number of columns (at least 1)
     * @throws NullPointerException if the matrix or a row is null
     * @throws IllegalArgumentException if empty, ragged or not finite (naming the cell)
     */
    public static int finiteMatrix(double[][] rows, String name) {
        int cols = rectangular(rows, name);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw fail(name + "[" + i + "][" + j + "]", "be finite", rows[i][j]);
                }
            }
        }
        return cols;
    }

    /**
     * Requires a non-empty rectangular matrix of finite values and returns its column count.
     *
     * @param rows the matrix, row-major
     * @param name the parameter name
     * @return the number of columns (at least 1)
     * @throws NullPointerException if the matrix or a row is null
     * @throws IllegalArgumentException if empty, ragged or not finite (naming the cell)
     */
    public static int finiteMatrix(float[][] rows, String name) {
        int cols = rectangular(rows, name);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(rows[i][j])) {
                    throw fail(name + "[" + i + "][" + j + "]", "be finite", rows[i][j]);
                }
            }
        }
        return cols;
    }

    /** Checks a non-empty matrix ({@code double[][]} or {@code float[][]}) with equal, non-empty rows. */
    private static int rectangular(Object[] rows, String name) {
        notNull(rows, name);
        if (rows.length == 0) {
            throw fail(name, "have at least one row", "0 rows");
        }
        int cols = rowLength(rows, 0, name);
        if (cols == 0) {
            throw fail(name, "have at least one column", "0 columns");
        }
        for (int i = 1; i < rows.length; i++) {
            int len = rowLength(rows, i, name);
            if (len != cols) {
                throw fail(name + "[" + i + "]", "have " + cols + " columns like row 0", len);
            }
        }
        return cols;
    }

    /** The length of row i; the row's name is only built when it is null (this runs once per row). */
    private static int rowLength(Object[] rows, int i, String name) {
        Object row = rows[i];
        if (row == null) {
            throw new NullPointerException(name + "[" + i + "] must not be null");
        }
        return row instanceof double[] ? ((double[]) row).length : ((float[]) row).length;
    }
}
