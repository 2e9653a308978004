package io.github.genailab.collapse.text;

/**
 * The per-generation metrics of a {@link LanguageModelCollapse} run; generation {@code n} is the model
 * trained on the n-th corpus (0 = the real text) and the text it was trained on.
 *
 * @since 0.1.0
 */
public enum LanguageModelCollapseMetric {

    /** Perplexity of the real held-out text under the generation's model: exp(-mean log p). */
    HELD_OUT_PERPLEXITY("held_out_perplexity"),
    /** Tokens in the generation's training text. */
    TRAINING_TOKENS("training_tokens"),
    /** Of those, tokens of original (real) text. */
    ORIGINAL_TOKENS("original_tokens"),
    /** Distinct token ids in the generation's training text. */
    DISTINCT_TOKENS("distinct_tokens"),
    /** Distinct n-grams (n = the model order) in the generation's training text. */
    DISTINCT_NGRAMS("distinct_ngrams"),
    /** Share of the original text's token occurrences whose token is still in the training text. */
    TOKEN_MASS_KEPT("token_mass_kept"),
    /** Share of the original text's n-gram occurrences whose n-gram is still in the training text. */
    NGRAM_MASS_KEPT("ngram_mass_kept"),
    /**
     * Zipf exponent of the training text's token frequencies ({@link TextSupport#zipfExponent}); NaN in
     * the degenerate case of fewer than two distinct tokens occurring at least twice.
     */
    ZIPF_EXPONENT("zipf_exponent"),
    /** Median per-sequence perplexity of the generation's own text under the judge. */
    SEQUENCE_PERPLEXITY_MEDIAN("sequence_perplexity_median"),
    /** 5th percentile of the per-sequence perplexities under the judge (the probable end). */
    SEQUENCE_PERPLEXITY_P05("sequence_perplexity_p05"),
    /** 95th percentile of the per-sequence perplexities under the judge (the improbable tail). */
    SEQUENCE_PERPLEXITY_P95("sequence_perplexity_p95");

    private final String column;

    LanguageModelCollapseMetric(String column) {
        this.column = column;
    }

    /**
     * The CSV column name.
     *
     * @return snake_case name, e.g. {@code held_out_perplexity}
     */
    public String column() {
        return column;
    }
}
