package io.github.genailab.core.lm;

/**
 * Edits one row of next-token logits in place, given the prefix that precedes it — the hook through
 * which a watermark (or a repetition penalty, or a banned-token list) acts on generation.
 *
 * <p>This mirrors Hugging Face's {@code LogitsProcessor.__call__(input_ids, scores)}: during decoding
 * all processors run, in order, on the raw logits before temperature, top-k and top-p (which are
 * applied afterwards by {@link Decoder}). A processor may set entries to {@code -Infinity} but must
 * leave at least one finite and must never write NaN.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LogitsProcessor {

    /**
     * Edits {@code logits} in place.
     *
     * @param tokens the tokens so far (only {@code tokens[0, length)} are meaningful; not modified)
     * @param length the prefix length
     * @param logits the logits row of the next token, edited in place
     */
    void process(int[] tokens, int length, double[] logits);
}
