package io.github.genailab.watermark;

import io.github.genailab.core.lm.LanguageModel;
import java.util.random.RandomGenerator;

/**
 * One LLM text watermark — any of the algorithm families of {@link Watermarks} — seen through the two
 * operations every family has: generate watermarked tokens from a language model, and test token ids for
 * the watermark.
 *
 * <p>Conventions shared by every family, so that "flag at {@code p < alpha}" means the same for all:
 * <ul>
 *   <li><b>Generation</b> returns the new tokens only (as {@code Decoder.generate}); the model's
 *       next-token distribution is {@code p = softmax(logits / temperature)} and the family acts on it
 *       (reweighting it, or replacing sampling by a keyed choice). The prompt is context for the model; a
 *       family whose keys depend on preceding tokens reads them from prompt and generation alike.</li>
 *   <li><b>Detection</b> takes the tokens to test (the generated tokens, prompt removed) and, for the
 *       families that need it ({@link #detectionNeedsModel()}), the model: its distribution at position
 *       {@code i} is conditioned on {@code tokens[0, i)} only. It returns a score and a p-value under the
 *       null hypothesis "the text was written without the key"; the p-value is exact (binomial, Gamma,
 *       permutation) or a stated tail bound, never NaN, always in [0, 1].</li>
 *   <li><b>Keys</b> are explicit ({@link Watermarks#create(String, int, long)}); nothing is global. The model
 *       must have exactly {@link #vocabularySize()} logits.</li>
 * </ul>
 * Implementations are immutable and thread-safe; generation state (a context history, a key offset) lives
 * in the call.
 *
 * @since 0.1.0
 */
public interface Watermark {

    /**
     * Returns the family's registry name, as {@link Watermarks#available()} lists it.
     *
     * @return the lower-case name, e.g. {@code "kgw"}
     */
    String name();

    /**
     * Returns the vocabulary size the keys were drawn for.
     *
     * @return {@code V}
     */
    int vocabularySize();

    /**
     * Returns the sampling temperature the generation (and a model-based detector) applies to the logits.
     *
     * @return the temperature, finite and {@code > 0}
     */
    double temperature();

    /**
     * Returns a copy with another sampling temperature.
     *
     * @param temperature the temperature, finite and {@code > 0}
     * @return the new watermark
     * @throws IllegalArgumentException if {@code temperature} is not finite and positive
     */
    Watermark withTemperature(double temperature);

    /**
     * Returns the fewest tokens {@link #detect} accepts.
     *
     * @return the minimum text length, {@code >= 1}
     */
    int minimumTokens();

    /**
     * Tells whether detection needs the language model (SWEET, EWD, Unbiased) or only the token ids.
     *
     * @return true when {@link #detect} reads the model
     */
    boolean detectionNeedsModel();

    /**
     * Returns the distribution this watermark draws token {@code length} from, given the tokens before it and
     * the model's raw logits: the reweighted distribution, or a point mass for families that replace sampling
     * by a keyed choice. State a generation keeps is taken fresh: a context is treated as seen for the first
     * time, and a key sequence (EXP-edit) starts at shift 0. What the evaluation's distribution-shift
     * measures read.
     *
     * @param tokens the text so far ({@code tokens[0, length)} are read; not modified)
     * @param length the position of the next token, in {@code [0, tokens.length]}
     * @param logits the model's raw logits for that position, width V (not modified)
     * @return a fresh probability vector of width V
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if {@code length} is out of range, the row is not V wide or has NaN,
     *     or a context id is outside {@code [0, V)}
     */
    double[] nextTokenDistribution(int[] tokens, int length, double[] logits);

    /**
     * Generates {@code maxNewTokens} watermarked tokens after {@code prompt}.
     *
     * @param model the language model, with {@link #vocabularySize()} logits
     * @param prompt the prompt ids (may be empty; not modified)
     * @param maxNewTokens how many tokens to generate, {@code >= 0}
     * @param rng the generator for the family's sampling randomness (not the key)
     * @return the new tokens only, length {@code maxNewTokens}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the model's vocabulary differs, a prompt id is outside
     *     {@code [0, V)}, or {@code maxNewTokens < 0}
     */
    int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng);

    /**
     * Tests {@code tokens} for this watermark.
     *
     * @param tokens the tokens to test (prompt removed; not modified)
     * @param model the language model, read only when {@link #detectionNeedsModel()}; may then not be null
     * @return the score, its p-value and the number of tokens scored
     * @throws NullPointerException if {@code tokens} is null, or {@code model} is null and needed
     * @throws IllegalArgumentException if {@code tokens} is shorter than {@link #minimumTokens()}, has an id
     *     outside {@code [0, V)}, or the model's vocabulary differs
     */
    WatermarkScore detect(int[] tokens, LanguageModel model);

    /**
     * Returns the p-value of {@link #detect}: the probability, for text written without the key, of a score
     * at least as extreme.
     *
     * @param tokens the tokens to test (prompt removed; not modified)
     * @param model the language model, read only when {@link #detectionNeedsModel()}
     * @return the p-value, in [0, 1]
     * @throws NullPointerException if {@code tokens} is null, or {@code model} is null and needed
     * @throws IllegalArgumentException as {@link #detect}
     */
    default double pValue(int[] tokens, LanguageModel model) {
        return detect(tokens, model).pValue();
    }
}
