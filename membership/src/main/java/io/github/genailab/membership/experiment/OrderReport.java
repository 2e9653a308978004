package io.github.genailab.membership.experiment;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.eval.MembershipReport;
import java.util.Locale;

/**
 * The membership report of the target model of one n-gram order.
 *
 * @param order the n-gram order
 * @param report every attack's metrics on that model
 *
 * @since 0.1.0
 */
public record OrderReport(int order, MembershipReport report) {

    /**
     * Validates the record.
     *
     * @param order the n-gram order, at least 1
     * @param report the report
     * @throws NullPointerException if {@code report} is null
     * @throws IllegalArgumentException if {@code order} is below 1
     */
    public OrderReport {
        Checks.positive(order, "order");
        Checks.notNull(report, "report");
    }

    /**
     * One line: the order and the report's summary.
     *
     * @return e.g. {@code order 2: MembershipReport[...]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "order %d: %s", order, report);
    }
}
