package io.github.genailab.membership.eval;

import io.github.genailab.core.math.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The metrics of several membership scores on one set of members and non-members, as a table.
 *
 * @param results one result per evaluated attack, in evaluation order
 * @param skipped the names of attacks not evaluated because some sample lacked what they need (for
 *     example {@code Lowercase} without lowercase log-probabilities)
 *
 * @since 0.1.0
 */
public record MembershipReport(List<AttackResult> results, List<String> skipped) {

    /**
     * Validates and copies the lists.
     *
     * @param results one result per evaluated attack (at least one)
     * @param skipped the names of skipped attacks
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if there are no results
     */
    public MembershipReport {
        results = Checks.noNullElements(results, "results");
        skipped = Checks.noNullElements(skipped, "skipped");
        if (results.isEmpty()) {
            throw Checks.fail("results", "not be empty", "0 results");
        }
    }

    /**
     * The result of one attack by name.
     *
     * @param attack the name, e.g. {@code "Min-K% 20%"} (see {@link MembershipAttack#name()})
     * @return its result
     * @throws NoSuchElementException if the attack was not evaluated
     */
    public AttackResult get(String attack) {
        for (AttackResult r : results) {
            if (r.attack().equals(attack)) {
                return r;
            }
        }
        throw new NoSuchElementException("no attack named \"" + attack + "\" in this report; evaluated: "
                + results.stream().map(AttackResult::attack).toList());
    }

    /**
     * The AUC of one attack by name.
     *
     * @param attack the name, e.g. {@code "Loss"}
     * @return its AUC
     * @throws NoSuchElementException if the attack was not evaluated
     */
    public double auc(String attack) {
        return get(attack).auc();
    }

    /**
     * The result with the highest AUC (the first one on ties).
     *
     * @return the best attack's result
     */
    public AttackResult best() {
        return results.stream().max(Comparator.comparingDouble(AttackResult::auc)).orElseThrow();
    }

    /**
     * The report as an aligned text table, one attack per row:
     * <pre>
     *   attack          AUC     TPR@5%FPR(&lt;)  TPR@5%FPR(&lt;=)  FPR@95%TPR  acc
     *   Loss            0.9672  0.720         0.720          0.160       0.917
     * </pre>
     *
     * @return the multi-line table (ends with a newline)
     */
    public String table() {
        int width = Math.max(6, results.stream().mapToInt(r -> r.attack().length()).max().orElse(6));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %-6s  %-12s  %-13s  %-10s  %s%n",
                "attack", "AUC", "TPR@5%FPR(<)", "TPR@5%FPR(<=)", "FPR@95%TPR", "acc"));
        for (AttackResult r : results) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s  %.4f  %-12.3f  %-13.3f  %-10.3f  %.3f%n", r.attack(), r.auc(),
                    r.tprAt5FprStrict(), r.tprAt5FprInclusive(), r.fprAt95Tpr(), r.accuracy()));
        }
        if (!skipped.isEmpty()) {
            s.append("skipped (inputs missing): ").append(String.join(", ", skipped)).append(System.lineSeparator());
        }
        return s.toString();
    }

    /**
     * One line: how many attacks, on how many texts, and the best one.
     *
     * @return e.g. {@code MembershipReport[18 attacks, 300 members vs 300 non-members, best Min-K% 20% AUC 0.9812]}
     */
    @Override
    public String toString() {
        AttackResult best = best();
        return String.format(Locale.ROOT, "MembershipReport[%d attacks, %d members vs %d non-members, best %s AUC %.4f%s]",
                results.size(), best.members(), best.nonMembers(), best.attack(), best.auc(),
                skipped.isEmpty() ? "" : ", skipped " + skipped);
    }
}
