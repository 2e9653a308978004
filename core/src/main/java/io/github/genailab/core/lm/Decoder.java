package io.github.genailab.core.lm;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;
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
 * <p><b>Beam search</b> ({@link DecodingOptions#beamSearch(int)}, width {@code B > 1}) follows Hugging
 * Face's {@code generate(num_beams=B, do_sample=False)} with no end-of-sequence token, i.e. with
 * {@code min_new_tokens = max_new_tokens}, as in Shumailov et al.'s recursive-training code. The search
 * keeps up to {@code B} hypotheses (one, the prompt, at the start), each with the score
 * <pre>
 *   score(h) = sum over its new tokens t of  s_t,   s = processors( logSoftmax(logits) )
 * </pre>
 * i.e. every row is turned into log-probabilities, then the processors edit that row (as Hugging Face
 * runs its logits processors on the log-softmaxed scores during beam search; a bias a processor adds
 * is therefore added to the score, not renormalised). At each step every pair (hypothesis, token) with
 * a finite score is a candidate and the {@code B} highest scores survive, equal scores ordered by
 * hypothesis rank, then by token id (the lower first); fewer survive only while fewer than {@code B}
 * finite candidates exist. All hypotheses end with exactly {@code maxNewTokens} new tokens, so the
 * length penalty ({@code length_penalty = 1.0}: score divided by the length) divides every final score
 * by the same number and does not change the choice: the result is the surviving hypothesis with the
 * highest summed log-probability. Temperature, top-k and top-p do not apply (as for greedy decoding), and
 * the generator is not used. With {@code B >= V^(n-1)} for {@code n} new tokens no prefix is ever
 * dropped and the result is the exact most probable continuation; {@code B = 1} is greedy decoding.
 *
 * <p>Beam search and sessions: a {@link DecodingSession} cannot be forked or rewound, so each hypothesis
 * owns one. When a hypothesis has several surviving children, the first (best) child takes over its
 * session and appends its token; every other child opens a new session and appends its whole context
 * (prompt plus new tokens) in one call; a hypothesis with no surviving child closes its session. A
 * stateless model pays nothing for this (the default session only copies token ids); a transformer pays
 * at most {@code B - 1} re-encodings of a context of up to {@code p + n} tokens per step, on top of the
 * {@code B} single-token steps. Cost per step: up to {@code B} model steps plus O(B V) to score and
 * select the candidates.
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
     * @param options decoding strategy (greedy, sampling, or beam search; see the class comment)
     * @param processors logits processors applied in order to every row (may be empty)
     * @param rng the generator that drives sampling (unused by greedy decoding and beam search)
     * @return the generated tokens only (length {@code maxNewTokens}), without the prompt; for beam
     *     search the highest-scoring surviving hypothesis
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code maxNewTokens < 0}, the prompt and the new tokens
     *     exceed {@link #MAX_SEQUENCE_LENGTH}, a processor is null, a prompt id is outside the
     *     vocabulary, or the model or a processor yields a row of the wrong width, with NaN, or with no
     *     finite entry
     */
    public static int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, DecodingOptions options,
            List<? extends LogitsProcessor> processors, RandomGenerator rng) {
        Checks.notNull(options, "options");
        Checks.notNull(processors, "processors");
        for (int i = 0; i < processors.size(); i++) {
            Checks.notNull(processors.get(i), "processors[" + i + "]");
        }
        checkArguments(model, prompt, maxNewTokens, rng);
        if (options.beams() > 1) {
            return beamSearch(model, prompt, maxNewTokens, options.beams(), processors);
        }
        return run(model, prompt, maxNewTokens, (tokens, length, logits, r) -> {
            for (LogitsProcessor p : processors) {
                p.process(tokens, length, logits);
            }
            return nextToken(logits, options, r);
        }, rng);
    }

    /**
     * Generates {@code maxNewTokens} tokens after {@code prompt}, each chosen by {@code rule} from the model's raw
     * logits: the loop of {@link #generate(LanguageModel, int[], int, DecodingOptions, List, RandomGenerator)}
     * with the choice left to the caller (a keyed watermark's choice, for instance).
     *
     * @param model the language model
     * @param prompt the prompt ids (may be empty; not modified)
     * @param maxNewTokens how many tokens to generate, &gt;= 0 and at most {@link #MAX_SEQUENCE_LENGTH}
     *     together with the prompt
     * @param rule the per-call rule that chooses each token
     * @param rng the generator handed to the rule
     * @return the generated tokens only (length {@code maxNewTokens})
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code maxNewTokens < 0}, the prompt and the new tokens exceed
     *     {@link #MAX_SEQUENCE_LENGTH}, a prompt id is outside the vocabulary, the model yields a row of the
     *     wrong width, or the rule returns an id outside {@code [0, V)}
     */
    public static int[] generate(LanguageModel model, int[] prompt, int maxNewTokens, TokenRule rule,
            RandomGenerator rng) {
        Checks.notNull(rule, "rule");
        checkArguments(model, prompt, maxNewTokens, rng);
        return run(model, prompt, maxNewTokens, rule, rng);
    }

    private static void checkArguments(LanguageModel model, int[] prompt, int maxNewTokens, RandomGenerator rng) {
        Checks.notNull(model, "model");
        Checks.notNull(prompt, "prompt");
        Checks.nonNegative(maxNewTokens, "maxNewTokens");
        Checks.notNull(rng, "rng");
        if ((long) prompt.length + maxNewTokens > MAX_SEQUENCE_LENGTH) {
            throw Checks.fail("prompt.length + maxNewTokens", "be <= " + MAX_SEQUENCE_LENGTH,
                    (long) prompt.length + maxNewTokens);
        }
        Checks.tokenIds(prompt, model.vocabularySize(), "prompt");
    }

    /** The decoding loop through one session; the arguments are already checked. */
    private static int[] run(LanguageModel model, int[] prompt, int maxNewTokens, TokenRule rule,
            RandomGenerator rng) {
        int vocab = model.vocabularySize();
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
                int token = rule.next(tokens, pos, logits, rng);
                if (token < 0 || token >= vocab) {
                    throw Checks.fail("rule's token at position " + pos, "be in [0, " + vocab + ")", token);
                }
                tokens[pos] = token;
            }
        }
        return Arrays.copyOfRange(tokens, prompt.length, tokens.length);
    }

    /** Beam search; see the class comment. The arguments are already checked. */
    private static int[] beamSearch(LanguageModel model, int[] prompt, int maxNewTokens, int width,
            List<? extends LogitsProcessor> processors) {
        int vocab = model.vocabularySize();
        int end = prompt.length + maxNewTokens;
        // No step keeps more than V^n hypotheses: a wider beam needs no bigger arrays.
        long reachable = 1;
        for (int i = 0; i < maxNewTokens && reachable < width; i++) {
            reachable *= vocab;
        }
        width = (int) Math.min(width, Math.max(1, reachable));
        int[][] sequences = new int[width][];
        double[] scores = new double[width];
        DecodingSession[] sessions = new DecodingSession[width];
        int[][] nextSequences = new int[width][];
        double[] nextScores = new double[width];
        DecodingSession[] nextSessions = new DecodingSession[width];
        // The kept candidates of one step, best first: parent rank, token and score.
        int[] parent = new int[width];
        int[] token = new int[width];
        double[] best = new double[width];
        boolean[] handedOver = new boolean[width];
        int live = 1;
        sequences[0] = Arrays.copyOf(prompt, end);
        try {
            sessions[0] = model.newSession();
            sessions[0].append(prompt);
            for (int pos = prompt.length; pos < end; pos++) {
                int kept = 0;
                for (int b = 0; b < live; b++) {
                    double[] row = sessions[b].nextTokenLogits();
                    if (row.length != vocab) {
                        throw Checks.fail("model logits width", "equal vocabularySize " + vocab, row.length);
                    }
                    row = LogMath.logSoftmax(row);
                    for (LogitsProcessor p : processors) {
                        p.process(sequences[b], pos, row);
                    }
                    for (int w = 0; w < vocab; w++) {
                        double v = row[w];
                        if (!(v < Double.POSITIVE_INFINITY)) {
                            throw Checks.fail("logits[" + w + "]", "be finite or -Infinity after the processors", v);
                        }
                        double score = scores[b] + v;
                        if (score == Double.NEGATIVE_INFINITY || (kept == width && !(score > best[kept - 1]))) {
                            continue; // ties keep the earlier candidate (lower rank, then lower id)
                        }
                        int at = kept < width ? kept++ : width - 1;
                        while (at > 0 && score > best[at - 1]) {
                            best[at] = best[at - 1];
                            parent[at] = parent[at - 1];
                            token[at] = token[at - 1];
                            at--;
                        }
                        best[at] = score;
                        parent[at] = b;
                        token[at] = w;
                    }
                }
                if (kept == 0) {
                    throw Checks.fail("logits", "have at least one finite entry", "all -Infinity");
                }
                boolean more = pos + 1 < end;
                Arrays.fill(handedOver, 0, live, false);
                for (int c = 0; c < kept; c++) {
                    int b = parent[c];
                    int[] seq;
                    DecodingSession session;
                    if (!handedOver[b]) {
                        handedOver[b] = true;
                        seq = sequences[b];
                        seq[pos] = token[c];
                        session = sessions[b];
                        sessions[b] = null;
                        if (more) {
                            session.append(new int[] {token[c]});
                        }
                    } else {
                        seq = Arrays.copyOf(sequences[b], end);
                        seq[pos] = token[c];
                        session = null;
                        if (more) {
                            session = model.newSession();
                            nextSessions[c] = session;
                            session.append(Arrays.copyOf(seq, pos + 1));
                        }
                    }
                    nextSequences[c] = seq;
                    nextScores[c] = best[c];
                    nextSessions[c] = session;
                }
                for (int b = 0; b < live; b++) {
                    if (sessions[b] != null) {
                        sessions[b].close(); // no surviving child
                        sessions[b] = null;
                    }
                }
                int[][] s = sequences;
                sequences = nextSequences;
                nextSequences = s;
                DecodingSession[] t = sessions;
                sessions = nextSessions;
                nextSessions = t;
                System.arraycopy(nextScores, 0, scores, 0, kept);
                live = kept;
            }
        } finally {
            for (DecodingSession session : sessions) {
                if (session != null) {
                    session.close();
                }
            }
            for (DecodingSession session : nextSessions) {
                if (session != null) {
                    session.close();
                }
            }
        }
        return Arrays.copyOfRange(sequences[0], prompt.length, end);
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
