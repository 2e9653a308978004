package io.github.genailab.membership.eval;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.MembershipLabel;
import io.github.genailab.membership.MembershipSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates membership scores on labelled samples: one ROC curve per attack, with the metrics of the
 * Min-K% and Min-K%++ papers, collected in a {@link MembershipReport}.
 *
 * <p>Convention: members are the positive class and every score is "higher means member", so no
 * negation is needed anywhere (the reference scripts negate stored values before
 * {@code roc_curve}; see {@link io.github.genailab.membership.Baselines}). Metrics come from
 * {@link io.github.genailab.core.stats.RocCurve}, which reproduces scikit-learn exactly.
 *
 * <p>Complexity: O(A * (n log n + scoring)) for A attacks on n samples.
 *
 * @since 0.1.0
 */
public final class MembershipEvaluation {

    private MembershipEvaluation() {
    }

    /**
     * The report of the standard attacks ({@link MembershipAttack#standard}) at the paper's k values
     * {@link MembershipAttack#REPORT_KS} (5, 10, 20, 30, 40, 50, 60%); attacks some sample cannot support are
     * listed as skipped.
     *
     * @param samples labelled samples, both classes present
     * @return the report
     * @throws NullPointerException if {@code samples} or an element is null
     * @throws IllegalArgumentException if a sample's label is unknown or a class is missing
     */
    public static MembershipReport evaluate(List<MembershipSample> samples) {
        return evaluate(samples, MembershipAttack.standard(MembershipAttack.REPORT_KS));
    }

    /**
     * The report of the given attacks; attacks some sample cannot support are listed as skipped.
     *
     * @param samples labelled samples, both classes present
     * @param attacks the attacks, in table order
     * @return the report
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if a sample's label is unknown, a class is missing, or no
     *     attack is applicable
     */
    public static MembershipReport evaluate(List<MembershipSample> samples, List<MembershipAttack> attacks) {
        Checks.noNullElements(samples, "samples");
        Checks.noNullElements(attacks, "attacks");
        if (samples.isEmpty()) {
            throw Checks.fail("samples", "not be empty", "0 samples");
        }
        boolean[] member = labels(samples);
        List<AttackResult> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MembershipAttack attack : attacks) {
            if (!samples.stream().allMatch(attack::supports)) {
                skipped.add(attack.name());
                continue;
            }
            double[] scores = new double[samples.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = attack.score(samples.get(i));
            }
            results.add(AttackResult.of(attack.name(), scores, member));
        }
        if (results.isEmpty()) {
            throw Checks.fail("attacks", "include one that every sample supports", skipped);
        }
        return new MembershipReport(results, skipped);
    }

    /**
     * The membership of each sample, rejecting unknown labels.
     *
     * @param samples the samples
     * @return true for members
     * @throws NullPointerException if {@code samples} or an element is null
     * @throws IllegalArgumentException if a label is {@link MembershipLabel#UNKNOWN} (naming the
     *     sample)
     */
    public static boolean[] labels(List<MembershipSample> samples) {
        Checks.notNull(samples, "samples");
        boolean[] member = new boolean[samples.size()];
        for (int i = 0; i < member.length; i++) {
            MembershipSample s = Checks.notNull(samples.get(i), "samples[" + i + "]");
            if (s.label() == MembershipLabel.UNKNOWN) {
                throw Checks.fail("samples[" + i + "].label", "be MEMBER or NON_MEMBER (sample " + s.id()
                        + "; attach labels with withLabel)", s.label());
            }
            member[i] = s.label() == MembershipLabel.MEMBER;
        }
        return member;
    }
}
