package io.github.genailab.core.internal;

import io.github.genailab.core.math.Checks;

/**
 * Defensive deep copies for the records of every module (records hand out and keep copies of their
 * arrays, so that a caller can never change a result after the fact).
 *
 * @since 0.1.0
 */
public final class Copies {

    private Copies() {
    }

    /**
     * A deep copy of a matrix whose rows may differ in length.
     *
     * @param values the matrix
     * @param name the parameter's name for messages
     * @return a new matrix with new rows
     * @throws NullPointerException if the matrix or a row is null, naming {@code name} or
     *     {@code name[i]}
     */
    public static double[][] deepCopy(double[][] values, String name) {
        Checks.notNull(values, name);
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = Checks.notNull(values[i], name + "[" + i + "]").clone();
        }
        return out;
    }

    /**
     * A deep copy of an array of matrices.
     *
     * @param values the matrices
     * @param name the parameter's name for messages
     * @return new matrices with new rows
     * @throws NullPointerException if anything is null, naming it
     */
    public static double[][][] deepCopy(double[][][] values, String name) {
        Checks.notNull(values, name);
        double[][][] out = new double[values.length][][];
        for (int i = 0; i < values.length; i++) {
            out[i] = deepCopy(values[i], name + "[" + i + "]");
        }
        return out;
    }
}
