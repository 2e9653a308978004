package io.github.genailab.membership.experiment;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.eval.MembershipAttack;
import java.util.List;

/**
 * Options of {@link NGramMembershipExperiment}.
 *
 * @param textsPerClass how many members and how many non-members are scored (each)
 * @param tokensPerText the fixed length of every scored text, in tokens (the reference README asks
 *     for fixed-length inputs: Min-K% depends on length)
 * @param maxOrder the target models have orders 1 to {@code maxOrder} (at most 5)
 * @param ks the Min-K% and Min-K%++ fractions of the report tables
 * @param minKPlusPlus whether to compute mu and sigma over the full vocabulary for Min-K%++ (the
 *     costliest step: one pass over the vocabulary per scored token and order)
 * @param repetitions how many times the scored members appear in the training data of the
 *     repetition experiment (unigram model), e.g. 1, 4, 16
 *
 * @since 0.1.0
 */
public record MembershipExperimentOptions(int textsPerClass, int tokensPerText, int maxOrder, List<Double> ks,
                                boolean minKPlusPlus, List<Integer> repetitions) {

    /**
     * Validates and copies the options.
     *
     * @param textsPerClass how many members and how many non-members, at least 10
     * @param tokensPerText the fixed text length in tokens, at least 4
     * @param maxOrder the highest n-gram order, in [1, 5]
     * @param ks the fractions, non-empty, each in (0, 1]
     * @param minKPlusPlus whether to compute Min-K%++
     * @param repetitions the repetition counts, non-empty, each in [1, 1000]
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if a value is out of range
     */
    public MembershipExperimentOptions {
        Checks.inRange(textsPerClass, 10, 1_000_000, "textsPerClass");
        Checks.inRange(tokensPerText, 4, 1_000_000, "tokensPerText");
        Checks.inRange(maxOrder, 1, 5, "maxOrder");
        Checks.notNull(ks, "ks");
        Checks.notNull(repetitions, "repetitions");
        for (int i = 0; i < ks.size(); i++) {
            Checks.notNull(ks.get(i), "ks[" + i + "]");
        }
        for (int i = 0; i < repetitions.size(); i++) {
            Checks.notNull(repetitions.get(i), "repetitions[" + i + "]");
        }
        ks = List.copyOf(ks);
        repetitions = List.copyOf(repetitions);
        if (ks.isEmpty()) {
            throw Checks.fail("ks", "not be empty", ks);
        }
        for (int i = 0; i < ks.size(); i++) {
            Checks.inLeftOpenInterval(ks.get(i), 0, 1, "ks[" + i + "]");
        }
        if (repetitions.isEmpty()) {
            throw Checks.fail("repetitions", "not be empty", repetitions);
        }
        for (int i = 0; i < repetitions.size(); i++) {
            Checks.inRange(repetitions.get(i), 1, 1000, "repetitions[" + i + "]");
        }
    }

    /**
     * The defaults: 300 members and 300 non-members of 32 tokens, orders 1 to 4, k in
     * {@link MembershipAttack#REPORT_KS}, Min-K%++ on, repetitions 1, 4 and 16. About 300 per class keeps four
     * standard errors of a chance-level AUC (about 0.024 each) inside [0.4, 0.6].
     *
     * @return the default options
     */
    public static MembershipExperimentOptions defaults() {
        return new MembershipExperimentOptions(300, 32, 4, MembershipAttack.REPORT_KS, true, List.of(1, 4, 16));
    }

    /**
     * A copy with another number of texts per class.
     *
     * @param n members and non-members each, at least 10
     * @return the new options
     * @throws IllegalArgumentException if out of range
     */
    public MembershipExperimentOptions withTextsPerClass(int n) {
        return new MembershipExperimentOptions(n, tokensPerText, maxOrder, ks, minKPlusPlus, repetitions);
    }

    /**
     * A copy with another text length.
     *
     * @param tokens the text length in tokens, at least 4
     * @return the new options
     * @throws IllegalArgumentException if out of range
     */
    public MembershipExperimentOptions withTokensPerText(int tokens) {
        return new MembershipExperimentOptions(textsPerClass, tokens, maxOrder, ks, minKPlusPlus, repetitions);
    }

    /**
     * A copy with another highest order.
     *
     * @param order the highest n-gram order, in [1, 5]
     * @return the new options
     * @throws IllegalArgumentException if out of range
     */
    public MembershipExperimentOptions withMaxOrder(int order) {
        return new MembershipExperimentOptions(textsPerClass, tokensPerText, order, ks, minKPlusPlus, repetitions);
    }

    /**
     * A copy with other fractions.
     *
     * @param fractions the fractions, each in (0, 1]
     * @return the new options
     * @throws NullPointerException if {@code fractions} is null
     * @throws IllegalArgumentException if empty or out of range
     */
    public MembershipExperimentOptions withKs(List<Double> fractions) {
        return new MembershipExperimentOptions(textsPerClass, tokensPerText, maxOrder, fractions, minKPlusPlus, repetitions);
    }

    /**
     * A copy with Min-K%++ switched on or off.
     *
     * @param enabled whether to compute mu and sigma
     * @return the new options
     */
    public MembershipExperimentOptions withMinKPlusPlus(boolean enabled) {
        return new MembershipExperimentOptions(textsPerClass, tokensPerText, maxOrder, ks, enabled, repetitions);
    }

    /**
     * A copy with other repetition counts.
     *
     * @param counts the counts, each in [1, 1000]
     * @return the new options
     * @throws NullPointerException if {@code counts} is null
     * @throws IllegalArgumentException if empty or out of range
     */
    public MembershipExperimentOptions withRepetitions(List<Integer> counts) {
        return new MembershipExperimentOptions(textsPerClass, tokensPerText, maxOrder, ks, minKPlusPlus, counts);
    }
}
