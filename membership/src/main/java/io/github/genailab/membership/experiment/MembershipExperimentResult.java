package io.github.genailab.membership.experiment;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.eval.AttackResult;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The outcome of {@link NGramMembershipExperiment}: one report per n-gram order, the three controls
 * that must sit at chance, and the repetition curve.
 *
 * @param options the options of the run
 * @param orders one report per target order 1..maxOrder, ascending
 * @param disjointModel Min-K% 20% under a model of the highest order trained on text disjoint from
 *     both members and non-members (control: AUC near 0.5)
 * @param shuffledLabels Min-K% 20% of the highest-order target model with the labels randomly
 *     permuted (control: AUC near 0.5)
 * @param compressedLength the zlib-compressed length of each text, no model (control against a
 *     biased split: AUC near 0.5)
 * @param repetition the repetition experiment, one point per repetition count
 *
 * @since 0.1.0
 */
public record MembershipExperimentResult(MembershipExperimentOptions options, List<OrderReport> orders, AttackResult disjointModel,
                               AttackResult shuffledLabels, AttackResult compressedLength,
                               List<RepetitionResult> repetition) {

    /**
     * Validates and copies the record.
     *
     * @param options the options of the run
     * @param orders one report per order, ascending from 1
     * @param disjointModel the disjoint-model control
     * @param shuffledLabels the shuffled-labels control
     * @param compressedLength the model-free control
     * @param repetition the repetition points
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if {@code orders} does not hold orders 1..maxOrder
     */
    public MembershipExperimentResult {
        Checks.notNull(options, "options");
        orders = Checks.noNullElements(orders, "orders");
        Checks.notNull(disjointModel, "disjointModel");
        Checks.notNull(shuffledLabels, "shuffledLabels");
        Checks.notNull(compressedLength, "compressedLength");
        repetition = Checks.noNullElements(repetition, "repetition");
        if (orders.size() != options.maxOrder()) {
            throw Checks.fail("orders", "hold one report per order 1.." + options.maxOrder(), orders.size() + " reports");
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).order() != i + 1) {
                throw Checks.fail("orders[" + i + "].order", "be " + (i + 1), orders.get(i).order());
            }
        }
    }

    /**
     * The report of one order.
     *
     * @param order the n-gram order, in [1, maxOrder]
     * @return its report
     * @throws IllegalArgumentException if the order was not run
     */
    public OrderReport order(int order) {
        Checks.inRange(order, 1, orders.size(), "order");
        return orders.get(order - 1);
    }

    /**
     * The AUC of one attack at one order.
     *
     * @param order the n-gram order
     * @param attack the attack's name, e.g. {@code "Min-K% 20%"}
     * @return the AUC
     * @throws IllegalArgumentException if the order was not run
     * @throws NoSuchElementException if the attack was not evaluated
     */
    public double auc(int order, String attack) {
        return order(order).report().auc(attack);
    }

    /**
     * The AUC table: one row per attack, one column per order, then the controls and the repetition
     * curve. Multi-line, for printing.
     *
     * @return the table (ends with a newline)
     */
    public String aucTable() {
        List<AttackResult> rows = orders.get(0).report().results();
        int width = Math.max(8, rows.stream().mapToInt(r -> r.attack().length()).max().orElse(8));
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "AUC by n-gram order: %d members vs %d non-members, %d tokens each%n", rows.get(0).members(),
                rows.get(0).nonMembers(), options.tokensPerText()));
        s.append(String.format(Locale.ROOT, "%-" + width + "s", "attack"));
        for (OrderReport o : orders) {
            s.append(String.format(Locale.ROOT, "  order %d", o.order()));
        }
        s.append(nl);
        for (AttackResult row : rows) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", row.attack()));
            for (OrderReport o : orders) {
                s.append(String.format(Locale.ROOT, "  %7.3f", o.report().auc(row.attack())));
            }
            s.append(nl);
        }
        s.append(String.format(Locale.ROOT, "controls (chance is 0.5): disjoint-text model %.3f, shuffled labels %.3f, "
                + "zlib length without a model %.3f%n", disjointModel.auc(), shuffledLabels.auc(), compressedLength.auc()));
        for (RepetitionResult r : repetition) {
            s.append("repetition: ").append(r).append(nl);
        }
        return s.toString();
    }

    /**
     * One line: sizes, Min-K% 20% AUC per order and the controls.
     *
     * @return e.g. {@code MembershipExperimentResult[300 vs 300 texts of 32 tokens; Min-K% 20% AUC by order 0.571 0.981 1.000 1.000; controls 0.543 0.490 0.502]}
     */
    @Override
    public String toString() {
        StringBuilder byOrder = new StringBuilder();
        for (OrderReport o : orders) {
            byOrder.append(String.format(Locale.ROOT, " %.3f", o.report().auc(NGramMembershipExperiment.HEADLINE.name())));
        }
        return String.format(Locale.ROOT, "MembershipExperimentResult[%d vs %d texts of %d tokens; %s AUC by order%s; controls %.3f %.3f %.3f]",
                disjointModel.members(), disjointModel.nonMembers(), options.tokensPerText(),
                NGramMembershipExperiment.HEADLINE.name(), byOrder, disjointModel.auc(), shuffledLabels.auc(),
                compressedLength.auc());
    }
}
