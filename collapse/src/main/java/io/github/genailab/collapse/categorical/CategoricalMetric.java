package io.github.genailab.collapse.categorical;

/**
 * The per-generation quantities of a categorical refit trajectory ({@code p(t)} = frequencies at t).
 *
 * @since 0.1.0
 */
public enum CategoricalMetric {

    /** Categories with {@code p_i(t) > 0}. */
    SURVIVING("surviving"),

    /** Gini-Simpson index {@code 1 - sum_i p_i(t)^2} ("heterozygosity"). */
    GINI_SIMPSON("gini_simpson"),

    /** Shannon entropy {@code -sum_i p_i(t) ln p_i(t)} in nats. */
    ENTROPY("entropy"),

    /** Original mass of the lost categories, {@code sum_{i: p_i(t) = 0} p_i(0)}: the tail forgotten so far. */
    LOST_MASS("lost_mass"),

    /** Total variation distance to the original, {@code 1/2 sum_i |p_i(t) - p_i(0)|}. */
    TOTAL_VARIATION("total_variation");

    private final String column;

    CategoricalMetric(String column) {
        this.column = column;
    }

    /**
     * The CSV column name.
     *
     * @return snake_case name
     */
    public String column() {
        return column;
    }
}
