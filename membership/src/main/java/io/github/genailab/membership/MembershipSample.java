package io.github.genailab.membership;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Tokenizer;
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
 *
 * @since 0.1.0
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
     * Scores a labelled text (for example a WikiMIA row) with an in-process model: the target
     * statistics with mu and sigma (Min-K%, Min-K%++, LOSS, zlib) and the log-probabilities of the
     * lowercased text (lowercase baseline). Add a reference model with {@link #withReference}.
     *
     * @param id an identifier
     * @param text the labelled text
     * @param model the target model
     * @param tokenizer the target model's tokenizer
     * @return the sample
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the text or its lowercased form encodes to fewer than 2
     *     tokens, or an id is outside the model's vocabulary
     */
    public static MembershipSample fromModel(String id, LabeledText text, LanguageModel model, Tokenizer tokenizer) {
        Checks.notNull(id, "id");
        Checks.notNull(text, "text");
        Checks.notNull(model, "model");
        Checks.notNull(tokenizer, "tokenizer");
        TokenStatistics tokens = TokenStatistics.of(model, tokenizer.encode(text.text()));
        int[] lower = tokenizer.encode(text.text().toLowerCase(Locale.ROOT));
        TokenStatistics lowercase = TokenStatistics.of(logProbs(model, lower, "lowercased text"));
        return new MembershipSample(id, MembershipLabel.of(text.member()), text.text(), tokens, lowercase, null);
    }

    /**
     * A copy with a reference model's log-probabilities of the text (reference baseline).
     *
     * @param model the reference model
     * @param tokenizer the reference model's tokenizer (it may differ from the target's)
     * @return the sample with {@link #reference()} set
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if this sample has no text
     * @throws IllegalArgumentException if the text encodes to fewer than 2 tokens
     */
    public MembershipSample withReference(LanguageModel model, Tokenizer tokenizer) {
        Checks.notNull(model, "model");
        Checks.notNull(tokenizer, "tokenizer");
        if (text == null) {
            throw new IllegalStateException("sample " + id + " has no text to score with a reference model");
        }
        TokenStatistics ref = TokenStatistics.of(logProbs(model, tokenizer.encode(text), "text"));
        return new MembershipSample(id, label, text, tokens, lowercase, ref);
    }

    private static double[] logProbs(LanguageModel model, int[] ids, String what) {
        if (ids.length < 2) {
            throw Checks.fail(what + " token count", "be >= 2 (the first token is context only)", ids.length);
        }
        return model.tokenLogProbs(ids);
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
