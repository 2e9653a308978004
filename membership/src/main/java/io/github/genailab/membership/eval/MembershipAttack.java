package io.github.genailab.membership.eval;

import io.github.genailab.core.math.Checks;
import io.github.genailab.membership.Baselines;
import io.github.genailab.membership.MembershipSample;
import io.github.genailab.membership.MinKPlusPlus;
import io.github.genailab.membership.MinKProb;
import io.github.genailab.membership.TokenStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One membership-inference score, named and applicable to a {@link MembershipSample}: higher means
 * "more likely a member".
 *
 * <p>The kinds and what they need from a sample: {@link Kind#LOSS} and {@link Kind#MIN_K} the target
 * model's log-probabilities; {@link Kind#MIN_K_PLUS_PLUS} also mu and sigma; {@link Kind#ZLIB} the
 * text; {@link Kind#LOWERCASE} the statistics of the lowercased text; {@link Kind#REFERENCE} a
 * reference model's statistics; {@link Kind#COMPRESSED_LENGTH} only the text (no model at all).
 *
 * @param kind which score
 * @param k the fraction of tokens for {@link Kind#MIN_K} and {@link Kind#MIN_K_PLUS_PLUS}, in (0, 1];
 *     empty for the other kinds
 *
 * @since 0.1.0
 */
public record MembershipAttack(Kind kind, OptionalDouble k) {

    /** The k values of the Min-K% paper's report table: 5, 10, 20, 30, 40, 50 and 60%. */
    public static final List<Double> REPORT_KS = List.of(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

    /** The score families. */
    public enum Kind {
        /** {@link Baselines#lossScore}: minus the mean negative log-likelihood. */
        LOSS,
        /** {@link Baselines#zlibScore}: minus the loss over the zlib-compressed length. */
        ZLIB,
        /** {@link Baselines#lowercaseScore}: loss of the lowercased text over the loss. */
        LOWERCASE,
        /** {@link Baselines#referenceScore}: reference model loss minus target loss. */
        REFERENCE,
        /** {@link MinKProb#score}. */
        MIN_K,
        /** {@link MinKPlusPlus#score}. */
        MIN_K_PLUS_PLUS,
        /**
         * The zlib-compressed length of the text alone, a model-free "blind" baseline: it can only
         * separate members from non-members if the two sets differ in distribution, so on an honest
         * split its AUC sits at chance.
         */
        COMPRESSED_LENGTH
    }

    /**
     * Validates the attack.
     *
     * @param kind which score
     * @param k the fraction for the Min-K kinds, empty otherwise
     * @throws NullPointerException if {@code kind} or {@code k} is null
     * @throws IllegalArgumentException if a Min-K kind has k outside (0, 1] or another kind has a k
     */
    public MembershipAttack {
        Checks.notNull(kind, "kind");
        Checks.notNull(k, "k");
        if (kind == Kind.MIN_K || kind == Kind.MIN_K_PLUS_PLUS) {
            if (k.isEmpty()) {
                throw Checks.fail("k", "be present for " + kind, "empty");
            }
            Checks.inLeftOpenInterval(k.getAsDouble(), 0, 1, "k");
        } else if (k.isPresent()) {
            throw Checks.fail("k", "be empty for " + kind, k.getAsDouble());
        }
    }

    /**
     * The LOSS baseline.
     *
     * @return the attack
     */
    public static MembershipAttack loss() {
        return new MembershipAttack(Kind.LOSS, OptionalDouble.empty());
    }

    /**
     * The zlib-ratio baseline.
     *
     * @return the attack
     */
    public static MembershipAttack zlib() {
        return new MembershipAttack(Kind.ZLIB, OptionalDouble.empty());
    }

    /**
     * The lowercase-ratio baseline.
     *
     * @return the attack
     */
    public static MembershipAttack lowercase() {
        return new MembershipAttack(Kind.LOWERCASE, OptionalDouble.empty());
    }

    /**
     * The reference-model baseline.
     *
     * @return the attack
     */
    public static MembershipAttack reference() {
        return new MembershipAttack(Kind.REFERENCE, OptionalDouble.empty());
    }

    /**
     * The model-free compressed-length control.
     *
     * @return the attack
     */
    public static MembershipAttack compressedLength() {
        return new MembershipAttack(Kind.COMPRESSED_LENGTH, OptionalDouble.empty());
    }

    /**
     * Min-K% Prob at fraction k.
     *
     * @param k the fraction, in (0, 1]
     * @return the attack
     * @throws IllegalArgumentException if k is outside (0, 1]
     */
    public static MembershipAttack minK(double k) {
        return new MembershipAttack(Kind.MIN_K, OptionalDouble.of(k));
    }

    /**
     * Min-K%++ at fraction k.
     *
     * @param k the fraction, in (0, 1]
     * @return the attack
     * @throws IllegalArgumentException if k is outside (0, 1]
     */
    public static MembershipAttack minKPlusPlus(double k) {
        return new MembershipAttack(Kind.MIN_K_PLUS_PLUS, OptionalDouble.of(k));
    }

    /**
     * The attacks of the Min-K% paper's table: LOSS, zlib, lowercase, reference, then Min-K% and
     * Min-K%++ at each of {@code ks} ({@link MembershipEvaluation#evaluate(List, List)} skips those a
     * sample set cannot support).
     *
     * @param ks the fractions, each in (0, 1] (for example {@link #REPORT_KS})
     * @return the attacks, in table order
     * @throws NullPointerException if {@code ks} or one of its elements is null
     * @throws IllegalArgumentException if a fraction is outside (0, 1]
     */
    public static List<MembershipAttack> standard(List<Double> ks) {
        Checks.noNullElements(ks, "ks");
        List<MembershipAttack> out = new ArrayList<>(List.of(loss(), zlib(), lowercase(), reference()));
        for (double k : ks) {
            out.add(minK(k));
        }
        for (double k : ks) {
            out.add(minKPlusPlus(k));
        }
        return out;
    }

    /**
     * The display name: {@code Loss}, {@code Zlib}, {@code Lowercase}, {@code Ref}, {@code Min-K% 20%},
     * {@code Min-K%++ 20%}, {@code zlib length (no model)}.
     *
     * @return the name
     */
    public String name() {
        return switch (kind) {
            case LOSS -> "Loss";
            case ZLIB -> "Zlib";
            case LOWERCASE -> "Lowercase";
            case REFERENCE -> "Ref";
            case MIN_K -> "Min-K% " + percent(k.getAsDouble());
            case MIN_K_PLUS_PLUS -> "Min-K%++ " + percent(k.getAsDouble());
            case COMPRESSED_LENGTH -> "zlib length (no model)";
        };
    }

    /**
     * Whether the sample carries what this attack needs.
     *
     * @param sample the sample
     * @return true if {@link #score} can be computed
     * @throws NullPointerException if {@code sample} is null
     */
    public boolean supports(MembershipSample sample) {
        Checks.notNull(sample, "sample");
        return switch (kind) {
            case LOSS, MIN_K -> true;
            case MIN_K_PLUS_PLUS -> sample.tokens().hasDistribution();
            case ZLIB, COMPRESSED_LENGTH -> sample.text() != null;
            case LOWERCASE -> sample.lowercase() != null;
            case REFERENCE -> sample.reference() != null;
        };
    }

    /**
     * The score of one sample (higher means more likely a member).
     *
     * @param sample the sample
     * @return the score
     * @throws NullPointerException if {@code sample} is null
     * @throws IllegalArgumentException if the sample does not carry what the attack needs (naming it)
     */
    public double score(MembershipSample sample) {
        if (!supports(sample)) {
            throw Checks.fail("sample " + sample.id(), "carry what " + name() + " needs", sample);
        }
        TokenStatistics t = sample.tokens();
        return switch (kind) {
            case LOSS -> Baselines.lossScore(t.logProbs());
            case ZLIB -> Baselines.zlibScore(t.logProbs(), sample.text());
            case LOWERCASE -> Baselines.lowercaseScore(t.logProbs(), sample.lowercase().logProbs());
            case REFERENCE -> Baselines.referenceScore(t.logProbs(), sample.reference().logProbs());
            case MIN_K -> t.minK(k.getAsDouble());
            case MIN_K_PLUS_PLUS -> t.minKPlusPlus(k.getAsDouble());
            case COMPRESSED_LENGTH -> Baselines.zlibLength(sample.text());
        };
    }

    /**
     * The display name.
     *
     * @return {@link #name()}
     */
    @Override
    public String toString() {
        return name();
    }

    private static String percent(double fraction) {
        String p = String.format(java.util.Locale.ROOT, "%.3f", fraction * 100).replaceAll("\\.?0+$", "");
        return p + "%";
    }
}
