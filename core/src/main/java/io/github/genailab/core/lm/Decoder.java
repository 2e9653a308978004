package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Autoregressive decoding: greedy, or multinomial sampling with temperature, top-k and top-p, with
 * any number of {@link LogitsProcessor}s (a watermark, for instance) applied to each row first.
 *
 * <p>The model is read through one {@link DecodingSession}: the prompt is appended once, then each
 * chosen token, so a model with a key/value cache pays one pass over the prompt and one single-token
 * step per new token. Per step: {@code logits = session.nextTokenLogits()}; every processor edits the row in order;
 * then greedy takes the arg-max (lowest id on ties), or sampling divides by the temperature, keeps the
 * {@code topK} largest logits (ties with the k-th kept, as Hugging Face's {@code TopKLogitsWarper}),
 * keeps the smallest most-likely set whose probability reaches {@code topP}, and draws one token by
 * inversion of the cumulative distribution with one {@code rng.nextDouble()}. Same generator state
 * ⇒ same tokens.
 *
 * <p>Complexity per step: one model step plus O(V) (O(V log V) when top-p is active).
 *
 * @since 0.1.0
 */
public final class Decoder {

    /**
     * The longest sequence (prompt plus new tokens) {@link #generate} accepts: 2^24 tokens, far past
     * any model's context, so that a mistyped length fails at once instead of exhausting memory.
     */
    public static final int MAX_SEQUENCE_LENGTH = 1 << 24;

    private Decoder() {
    }

    /**
     * Generates {@code maxNewTokens} tokens after {@code prompt}.
     *
     * @param model the language model
     * @param prompt the prompt ids (may be empty; not modified)
     * @param maxNewTokens how many tokens to generate, &gt;= 0 and at most
     *     {@link #MAX_SEQUENCE_LENGTH} together with the prompt
     * @param options decoding strategy
     * @param processors logits processors applied in order to every row (may be empty)
     * @param rng the generator that drives sampling (unused by greedy decoding)
     * @return the generated tokens only (length {@code maxNewTokens}), without the prompt
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code maxNewTokens < 0}, the prompt and the new tokens
     *     exceed {@link #MAX_SEQUENCE_LENGTH}, a processor is null, a prompt id is outside the
     *     vocabulary, or the model or a processor yields a row of the wrong width, with NaN, or with no
     *     finite entry
     */
    public static int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, DecodingOptions options,
            List<? extends LogitsProcessor> processors, RandomGenerator rng) {
        Checks.notNull(model, "model");
        Checks.notNull(prompt, "prompt");
        Checks.nonNegative(maxNewTokens, "maxNewTokens");
        Checks.notNull(options, "options");
        Checks.notNull(processors, "processors");
        Checks.notNull(rng, "rng");
        for (int i = 0; i < processors.size(); i++) {
            Checks.notNull(processors.get(i), "processors[" + i + "]");
        }
        if ((long) prompt.length + maxNewTokens > MAX_SEQUENCE_LENGTH) {
            throw Checks.fail("prompt.length + maxNewTokens", "be <= " + MAX_SEQUENCE_LENGTH,
                    (long) prompt.length + maxNewTokens);
        }
        int vocab = model.vocabularySize();
        Checks.tokenIds(prompt, vocab, "prompt");
        int[] tokens = Arrays.copyOf(prompt, prompt.length + maxNewTokens);
        try (DecodingSession session = model.newSession()) {
            session.append(prompt);
            int[] chosen = new int[1];
            for (int pos = prompt.length; pos < tokens.length; pos++) {
                if (pos > prompt.length) {
                    chosen[0] = tokens[pos - 1];
                    session.append(chosen);
                }
                double[] logits = session.nextTokenLogits();
                if (logits.length != vocab) {
                    throw Checks.fail("model logits width", "equal vocabularySize " + vocab, logits.length);
                }
                for (LogitsProcessor p : processors) {
                    p.process(tokens, pos, logits);
                }
                tokens[pos] = nextToken(logits, options, rng);
            }
        }
        return Arrays.copyOfRange(tokens, prompt.length, tokens.length);
    }

    /**
     * Chooses one token from a row of logits.
     *
     * @param logits the logits (not modified), finite or {@code -Infinity}, at least one finite
     * @param options decoding strategy
     * @param rng the generator (unused by greedy decoding)
     * @return the chosen token id
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if the row is empty, has NaN or {@code +Infinity}, or has no
     *     finite entry
     */
    public static int nextToken(double[] logits, DecodingOptions options, RandomGenerator rng) {
        Checks.nonEmpty(logits, "logits");
        Checks.notNull(options, "options");
        Checks.notNull(rng, "rng");
        int best = argMax(logits);
        if (options.greedy()) {
            return best;
        }
        double max = logits[best];
        double[] weights = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            weights[i] = Math.exp((logits[i] - max) / options.temperature());
        }
        if (options.topK() > 0 && options.topK() < logits.length) {
            keepTopK(weights, options.topK());
        }
        if (options.topP() < 1.0) {
            keepTopP(weights, options.topP());
        }
        return drawProportional(weights, rng);
    }

    private static int argMax(double[] logits) {
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            double v = logits[i];
            if (!(v < Double.POSITIVE_INFINITY)) {
                throw Checks.fail("logits[" + i + "]", "be finite or -Infinity", v);
            }
            if (v > max) {
                max = v;
                best = i;
            }
        }
        if (best < 0) {
            throw Checks.fail("logits", "have at least one finite entry", "all -Infinity");
        }
        return best;
    }

    /** Zeroes every weight below the k-th largest; ties with the k-th largest survive. */
    private static void keepTopK(double[] weights, int k) {
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        double kth = sorted[sorted.length - k];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < kth) {
                weights[i] = 0;
            }
        }
    }

    /**
     * Keeps the smallest set of most likely tokens whose probability reaches {@code p}: tokens are
     * taken by decreasing weight (ascending id among equal weights) until their cumulative weight
     * reaches {@code p * total}; at least one is kept. Sorting a primitive copy finds the smallest kept
     * weight and how many tokens of exactly that weight the nucleus takes, without boxing.
     */
    private static void keepTopP(double[] weights, double p) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] ascending = weights.clone();
        Arrays.sort(ascending);
        int n = ascending.length;
        double cumulative = 0;
        int kept = 0;
        while (kept < n && cumulative < p * total) {
            cumulative += ascending[n - 1 - kept];
            kept++;
        }
        kept = Math.max(kept, 1);
        double smallestKept = ascending[n - kept];
        int tiesKept = 0;
        for (int j = n - kept; j < n && ascending[j] == smallestKept; j++) {
            tiesKept++;
        }
        for (int i = 0; i < n; i++) {
            if (weights[i] < smallestKept || (weights[i] == smallestKept && tiesKept-- <= 0)) {
                weights[i] = 0;
            }
        }
    }

    private static int drawProportional(double[] weights, RandomGenerator rng) {
        double total = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (weights[i] > 0) {
                last = i;
            }
        }
        double u = rng.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return last; // u rounded up to the total: take the last token with positive weight
    }
}
