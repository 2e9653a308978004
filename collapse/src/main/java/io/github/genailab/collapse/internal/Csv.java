package io.github.genailab.collapse.internal;

import io.github.genailab.core.math.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Column-wise CSV builder for trajectories: a header line, then one row per generation, numbers in
 * Java's shortest round-trip form ({@code Double.toString}: {@code NaN}, {@code Infinity} as such),
 * comma-separated, {@code \n} line ends. Integer columns print without a decimal point.
 *
 * @since 0.1.0
 */
public final class Csv {

    private final List<String> names = new ArrayList<>();
    private final List<Object> columns = new ArrayList<>();
    private int rows = -1;

    public Csv add(String name, double[] column) {
        return put(name, column, column.length);
    }

    public Csv add(String name, long[] column) {
        return put(name, column, column.length);
    }

    /** Adds column {@code j} of the row-major {@code rows} as {@code prefix + j}, for every {@code j < width}. */
    public Csv addColumns(String prefix, double[][] rows, int width) {
        for (int j = 0; j < width; j++) {
            double[] column = new double[rows.length];
            for (int n = 0; n < rows.length; n++) {
                column[n] = rows[n][j];
            }
            add(prefix + j, column);
        }
        return this;
    }

    private Csv put(String name, Object column, int length) {
        if (rows >= 0 && rows != length) {
            throw new IllegalStateException("column " + name + " has " + length + " rows, expected " + rows);
        }
        rows = length;
        names.add(name);
        columns.add(column);
        return this;
    }

    /** Indices {@code 0 .. n-1} as a long column. */
    public static long[] index(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /**
     * A trajectory of {@code generations + 1} rows: {@code generation}, every metric's series under its
     * column name, then every metric's theory curve as {@code theory_<column>}.
     */
    public static <M> String trajectory(int generations, M[] metrics, Function<M, String> column,
            Function<M, double[]> series, Function<M, double[]> theory) {
        Csv csv = new Csv().add("generation", index(generations + 1));
        for (M metric : metrics) {
            csv.add(column.apply(metric), series.apply(metric));
        }
        for (M metric : metrics) {
            csv.add("theory_" + column.apply(metric), theory.apply(metric));
        }
        return csv.build();
    }

    public String build() {
        StringBuilder s = new StringBuilder(String.join(",", names)).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    s.append(',');
                }
                Object column = columns.get(c);
                if (column instanceof long[] longs) {
                    s.append(longs[r]);
                } else {
                    s.append(((double[]) column)[r]);
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes {@code csv} to {@code path} as UTF-8. */
    public static void write(String csv, Path path) throws IOException {
        Files.writeString(Checks.notNull(path, "path"), csv, StandardCharsets.UTF_8);
    }
}
