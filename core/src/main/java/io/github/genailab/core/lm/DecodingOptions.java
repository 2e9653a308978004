package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;

/**
 * How {@link Decoder} turns a row of logits into the next token.
 *
 * <p>{@code greedy} takes the arg-max (lowest id on ties, as {@code torch.argmax}); with
 * {@code beams > 1} (only with {@code greedy}) the decoder runs a beam search of that width instead,
 * the deterministic search for the most probable continuation of which greedy decoding is the width-1
 * case (see {@link Decoder} for exactly what it keeps and returns); otherwise the
 * logits are divided by {@code temperature}, restricted to the {@code topK} largest (0 = no limit) and
 * then to the smallest set whose probability reaches {@code topP} (1.0 = no limit), and a token is drawn
 * from the renormalised distribution — the order Hugging Face's warpers use
 * (temperature, top-k, top-p).
 *
 * @param greedy arg-max decoding when true (temperature, topK and topP are then ignored)
 * @param temperature divides the logits, finite and &gt; 0
 * @param topK keep only the k most likely tokens, &gt;= 0 (0 disables)
 * @param topP nucleus mass in (0, 1] (1 disables)
 * @param beams the beam width, &gt;= 1; above 1 only with {@code greedy} (1 = no beam search)
 *
 * @since 0.1.0
 */
public record DecodingOptions(boolean greedy, double temperature, int topK, double topP, int beams) {

    /**
     * Validates the options.
     *
     * @param greedy arg-max decoding when true
     * @param temperature divides the logits, finite and &gt; 0
     * @param topK keep only the k most likely tokens, &gt;= 0 (0 disables)
     * @param topP nucleus mass in (0, 1] (1 disables)
     * @param beams the beam width, &gt;= 1; above 1 only with {@code greedy} (1 = no beam search)
     * @throws IllegalArgumentException if temperature is not finite and &gt; 0, topK &lt; 0, topP
     *     outside (0, 1], beams &lt; 1, or beams &gt; 1 without greedy
     */
    public DecodingOptions {
        Checks.positive(temperature, "temperature");
        Checks.nonNegative(topK, "topK");
        Checks.inLeftOpenInterval(topP, 0, 1, "topP");
        Checks.positive(beams, "beams");
        if (beams > 1 && !greedy) {
            throw Checks.fail("beams", "be 1 for sampling (beam search is deterministic: use beamSearch(beams))",
                    beams);
        }
    }

    /**
     * Options without beam search ({@code beams = 1}).
     *
     * @param greedy arg-max decoding when true
     * @param temperature divides the logits, finite and &gt; 0
     * @param topK keep only the k most likely tokens, &gt;= 0 (0 disables)
     * @param topP nucleus mass in (0, 1] (1 disables)
     * @throws IllegalArgumentException if temperature is not finite and &gt; 0, topK &lt; 0 or topP
     *     outside (0, 1]
     */
    public DecodingOptions(boolean greedy, double temperature, int topK, double topP) {
        this(greedy, temperature, topK, topP, 1);
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
     * Beam search of width {@code beams} (Shumailov et al. generated their recursive training data with
     * five beams): the most probable continuation among those the search keeps; {@code beamSearch(1)}
     * is greedy decoding.
     *
     * @param beams the beam width, &gt;= 1
     * @return beam-search options
     * @throws IllegalArgumentException if {@code beams < 1}
     */
    public static DecodingOptions beamSearch(int beams) {
        return new DecodingOptions(true, 1.0, 0, 1.0, beams);
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
        return new DecodingOptions(greedy, t, topK, topP, beams);
    }

    /**
     * Copy with a top-k limit.
     *
     * @param k &gt;= 0, 0 disables
     * @return the new options
     * @throws IllegalArgumentException if invalid
     */
    public DecodingOptions withTopK(int k) {
        return new DecodingOptions(greedy, temperature, k, topP, beams);
    }

    /**
     * Copy with another beam width (greedy options only).
     *
     * @param b &gt;= 1, 1 disables beam search
     * @return the new options
     * @throws IllegalArgumentException if {@code b < 1}, or {@code b > 1} for sampling options
     */
    public DecodingOptions withBeams(int b) {
        return new DecodingOptions(greedy, temperature, topK, topP, b);
    }

    /**
     * Copy with a nucleus (top-p) limit.
     *
     * @param p in (0, 1], 1 disables
     * @return the new options
     * @throws IllegalArgumentException if invalid
     */
    public DecodingOptions withTopP(double p) {
        return new DecodingOptions(greedy, temperature, topK, p, beams);
    }

    /**
     * One line, e.g. {@code DecodingOptions[sampling, temperature=0.8, topP=0.95]},
     * {@code DecodingOptions[greedy]} or {@code DecodingOptions[beamSearch, beams=5]}: the mode, then the
     * temperature (for greedy decoding and beam search only if it is not 1) and the top-k and top-p
     * limits that are on.
     *
     * @return the options
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DecodingOptions[")
                .append(beams > 1 ? "beamSearch, beams=" + beams : greedy ? "greedy" : "sampling");
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
