package io.github.genailab.membership.experiment;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.eval.AttackResult;
import java.util.Locale;

/**
 * One point of the repetition experiment: the scored members appear {@code repetitions} times in the
 * training data of an order-{@code order} model.
 *
 * @param order the n-gram order
 * @param repetitions how many copies of each scored member were in the training data
 * @param minK Min-K% 20% on members vs non-members
 * @param loss LOSS on members vs non-members
 *
 * @since 0.1.0
 */
public record RepetitionResult(int order, int repetitions, AttackResult minK, AttackResult loss) {

    /**
     * Validates the record.
     *
     * @param order the n-gram order, at least 1
     * @param repetitions the copies, at least 1
     * @param minK Min-K% 20% result
     * @param loss LOSS result
     * @throws NullPointerException if a result is null
     * @throws IllegalArgumentException if a count is below 1
     */
    public RepetitionResult {
        Checks.positive(order, "order");
        Checks.positive(repetitions, "repetitions");
        Checks.notNull(minK, "minK");
        Checks.notNull(loss, "loss");
    }

    /**
     * One line, e.g. {@code order 1, members x16: Min-K% 20% AUC 0.870, Loss AUC 0.656}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "order %d, members x%d: %s AUC %.3f, Loss AUC %.3f", order, repetitions,
                minK.attack(), minK.auc(), loss.auc());
    }
}
