package io.github.genailab.core.text;

/**
 * What a {@link BpeTokenizer} does around the merges: added tokens and normalisation, pre-tokenisation,
 * {@code ignore_merges}, and the order in which merges are applied.
 *
 * @param addedTokens the added tokens cut out first, and the normaliser of the segments between them
 * @param preTokenizer the pre-tokenizer of each segment
 * @param ignoreMerges whether a piece that is itself one of the first {@code modelTokens} tokens is
 *     emitted whole, without merging ({@code ignore_merges})
 * @param modelTokens the number of tokens of the BPE model (ids below it); added tokens come after
 * @param oneMergeAtATime true to merge one occurrence of the lowest-ranked pair at a time, leftmost
 *     first (the Rust {@code tokenizers} library); false to merge every occurrence of it at once, left
 *     to right, before looking for the next pair (GPT-2's {@code encoder.py})
 */
record BpeRules(AddedTokens addedTokens, PreTokenizer preTokenizer, boolean ignoreMerges, int modelTokens,
                boolean oneMergeAtATime) {

    /** GPT-2's {@code encoder.py}: no added tokens, no normaliser, GPT-2's pattern, all occurrences at once. */
    static final BpeRules GPT2 = new BpeRules(AddedTokens.NONE, PreTokenizer.GPT2, false, 0, false);
}
