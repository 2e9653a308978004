package io.github.genailab.collapse;

import io.github.genailab.collapse.internal.Csv;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A collapse result that is a table with one row per generation (index 0 = the original
 * distribution): every trajectory and ensemble of this module. Its CSV has a {@code generation}
 * column, then one column per metric (and {@code theory_<metric>} columns where the module knows the
 * expectation), numbers written with Java's shortest round-trip representation.
 *
 * @since 0.1.0
 */
public interface GenerationTable {

    /**
     * The table as CSV text.
     *
     * @return one header line and one row per generation
     */
    String toCsv();

    /**
     * Writes {@link #toCsv()} to a file (UTF-8).
     *
     * @param path the file
     * @throws IOException if writing fails
     * @throws NullPointerException if {@code path} is null
     */
    default void writeCsv(Path path) throws IOException {
        Csv.write(toCsv(), path);
    }
}
