package io.github.genailab.spark;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Schema checks made on the driver before a plan is built (so a wrong column fails at analysis time, naming
 * it), and the conversion of Spark's {@code array<int>} values to the kernels' {@code int[]} on the executors.
 */
final class Columns {

    private Columns() {
    }

    /**
     * The column {@code name} of {@code in}, after checking that it exists and has one of the accepted types.
     *
     * @throws IllegalArgumentException naming the column, its type and the accepted ones
     */
    static Column require(Dataset<Row> in, String name, String parameter, DataType... accepted) {
        Checks.notNull(in, "in");
        Checks.notNull(name, parameter);
        StructType schema = in.schema();
        StructField field = Arrays.stream(schema.fields()).filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> Checks.fail(parameter, "name a column of the dataset "
                        + Arrays.toString(schema.fieldNames()), name));
        DataType type = field.dataType();
        if (Arrays.stream(accepted).noneMatch(a -> a.sameType(type))) {
            throw Checks.fail("column " + name, "have type " + String.join(" or ",
                    Arrays.stream(accepted).map(DataType::simpleString).toList()), type.simpleString());
        }
        return in.col(quoted(name));
    }

    /**
     * Checks that none of the columns a transformation adds already exists.
     *
     * @throws IllegalArgumentException naming the first clash
     */
    static void requireAbsent(Dataset<Row> in, List<String> added) {
        List<String> present = Arrays.asList(in.schema().fieldNames());
        for (String name : added) {
            if (present.contains(name)) {
                throw Checks.fail("in", "not already hold the output column " + name + " (rename or drop it)",
                        present);
            }
        }
    }

    /** A column name quoted for Spark's resolver, so dots and spaces are taken literally. */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * The ints of an {@code array<int>} value, or null when the value or one of its elements is null.
     *
     * @throws IllegalArgumentException if the value is not an array of ints (SQL functions accept any type)
     */
    static int[] ints(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Seq<?> seq)) {
            throw Checks.fail(where, "be array<int>", value.getClass().getSimpleName());
        }
        int n = seq.length();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            Object element = seq.apply(i);
            if (element == null) {
                return null;
            }
            if (!(element instanceof Integer id)) {
                throw Checks.fail(where + "[" + i + "]", "be an int (the column must be array<int>)",
                        element.getClass().getSimpleName() + " " + element);
            }
            out[i] = id;
        }
        return out;
    }
}
