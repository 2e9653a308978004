package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;

/**
 * How {@link Decoder} turns a row of logits into the next token.
 *
 * <p>{@code greedy} takes the arg-max (lowest id on ties, as {@code torch.argmax}); otherwise the
 * logits are divided by {@code temperature}, restricted to the {@code topK} largest (0 = no limit) and
 * then to the smallest set whose probability reaches {@code topP} (1.0 = no limit), and a token is drawn
 * from the renormalised distribution — the order Hugging Face's warpers use
 * (temperature, top-k, top-p).
 *
 * @param greedy arg-max decoding when true (temperature, topK and topP are then ignored)
 * @param temperature divides the logits, finite and &gt; 0
 * @param topK keep only the k most likely tokens, &gt;= 0 (0 disables)
 * @param topP nucleus mass in (0, 1] (1 disables)
 *
 * @since 0.1.0
 */
public record DecodingOptions(boolean greedy, double temperature, int topK, double topP) {

    /**
     * Validates the options.
     *
     * @param greedy arg-max decoding when true
     * @param temperature divides the logits, finite and &gt; 0
     * @param topK keep only the k most likely tokens, &gt;= 0 (0 disables)
     * @param topP nucleus mass in (0, 1] (1 disables)
     * @throws IllegalArgumentException if temperature is not finite and &gt; 0, topK &lt; 0 or topP
     *     outside (0, 1]
     */
    public DecodingOptions {
        Checks.positive(temperature, "temperature");
        Checks.nonNegative(topK, "topK");
        Checks.inLeftOpenInterval(topP, 0, 1, "topP");
    }

    /**
     * Multinomial sampling at temperature 1 with no top-k or top-p limit.
     *
     * @return the default options
     */
    public static DecodingOptions defaults() {
        return new DecodingOptions(false, 1.0, 0, 1.0);
    }

    /**
     * Greedy (arg-max) decoding.
     *
     * @return greedy options
     */
    public static DecodingOptions greedyDecoding() {
        return new DecodingOptions(true, 1.0, 0, 1.0);
    }

    /**
     * Multinomial sampling at a temperature.
     *
     * @param temperature finite and &gt; 0
     * @return sampling options
     * @throws IllegalArgumentException if the temperature is invalid
     */
    public static DecodingOptions sampling(double temperature) {
        return new DecodingOptions(false, temperature, 0, 1.0);
    }

    /**
     * Copy with a new temperature.
     *
     * @param t finite and &gt; 0
     * @return the new options
     * @throws IllegalArgumentException if invalid
     */
    public DecodingOptions withTemperature(double t) {
        return new DecodingOptions(greedy, t, topK, topP);
    }

    /**
     * Copy with a top-k limit.
     *
     * @param k &gt;= 0, 0 disables
     * @return the new options
     * @throws IllegalArgumentException if invalid
     */
    public DecodingOptions withTopK(int k) {
        return new DecodingOptions(greedy, temperature, k, topP);
    }

    /**
     * Copy with a nucleus (top-p) limit.
     *
     * @param p in (0, 1], 1 disables
     * @return the new options
     * @throws IllegalArgumentException if invalid
     */
    public DecodingOptions withTopP(double p) {
        return new DecodingOptions(greedy, temperature, topK, p);
    }

    /**
     * One line, e.g. {@code DecodingOptions[sampling, temperature=0.8, topP=0.95]} or
     * {@code DecodingOptions[greedy]}: the mode, then the temperature (for greedy decoding only if it is
     * not 1) and the top-k and top-p limits that are on.
     *
     * @return the options
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DecodingOptions[").append(greedy ? "greedy" : "sampling");
        if (!greedy || temperature != 1) {
            s.append(", temperature=").append(temperature);
        }
        if (topK != 0) {
            s.append(", topK=").append(topK);
        }
        if (topP != 1) {
            s.append(", topP=").append(topP);
        }
        return s.append(']').toString();
    }
}
