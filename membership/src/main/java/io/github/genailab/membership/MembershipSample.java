package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * One text to classify as member or non-member: its label, the target model's per-token statistics,
 * and the optional extras some baselines need.
 *
 * @param id an identifier (file line, data-set row, passage index)
 * @param label member, non-member or unknown
 * @param text the text itself, or null when unknown (the zlib baseline needs it)
 * @param tokens the target model's statistics of the text's scored tokens
 * @param lowercase the target model's statistics of the lowercased text, or null (lowercase baseline)
 * @param reference a reference model's statistics of the text, or null (reference baseline)
 */
public record MembershipSample(String id, MembershipLabel label, String text, TokenStatistics tokens,
                               TokenStatistics lowercase, TokenStatistics reference) {

    /**
     * Validates the record.
     *
     * @param id an identifier (file line, data-set row, passage index)
     * @param label member, non-member or unknown
     * @param text the text itself, or null when unknown (the zlib baseline needs it)
     * @param tokens the target model's statistics of the text's scored tokens
     * @param lowercase the target model's statistics of the lowercased text, or null (lowercase baseline)
     * @param reference a reference model's statistics of the text, or null (reference baseline)
     * @throws NullPointerException if {@code id}, {@code label} or {@code tokens} is null
     */
    public MembershipSample {
        Checks.notNull(id, "id");
        Checks.notNull(label, "label");
        Checks.notNull(tokens, "tokens");
    }

    /**
     * A sample with the target model's statistics only.
     *
     * @param id an identifier
     * @param label the label
     * @param text the text, or null
     * @param tokens the target model's statistics
     * @return the sample
     * @throws NullPointerException if {@code id}, {@code label} or {@code tokens} is null
     */
    public static MembershipSample of(String id, MembershipLabel label, String text, TokenStatistics tokens) {
        return new MembershipSample(id, label, text, tokens, null, null);
    }

    /**
     * A copy with another label (for example to attach WikiMIA labels to API responses read in the
     * same order).
     *
     * @param newLabel the label
     * @return the relabelled sample
     * @throws NullPointerException if {@code newLabel} is null
     */
    public MembershipSample withLabel(MembershipLabel newLabel) {
        return new MembershipSample(id, newLabel, text, tokens, lowercase, reference);
    }

    /**
     * One line, e.g. {@code MembershipSample[wiki-17, MEMBER, 63 tokens, loss 2.8811, +lowercase]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "MembershipSample[%s, %s, %d tokens, loss %.4f", id,
                label, tokens.size(), tokens.loss()));
        if (tokens.hasDistribution()) {
            s.append(", mu/sigma");
        }
        if (text != null) {
            s.append(", text");
        }
        if (lowercase != null) {
            s.append(", +lowercase");
        }
        if (reference != null) {
            s.append(", +reference");
        }
        return s.append(']').toString();
    }
}
