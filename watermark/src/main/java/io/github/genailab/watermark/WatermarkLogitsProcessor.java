package io.github.genailab.watermark;

import io.github.genailab.core.lm.LogitsProcessor;
import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.LogMath;
import java.util.Arrays;

/**
 * Watermarks generation: biases one logits row towards the green list seeded by the tokens so far (soft list,
 * Alg. 2 of the paper) or removes the red list (hard list, Alg. 1). Plug it into
 * {@link io.github.genailab.core.lm.Decoder#generate} and any {@link io.github.genailab.core.lm.LanguageModel}
 * produces watermarked text.
 *
 * <pre>
 *   soft:  logits[t] += delta        for t in G(tokens[length-h, length))
 *   hard:  logits[t]  = -Infinity    for t not in G(...)
 *   self-salted: t is biased iff t in G(tokens[length-h+1, length) + [t]), tested for the likely candidates
 * </pre>
 *
 * <p>Conventions: the processor runs on raw logits before temperature, top-k and top-p (HuggingFace order, as
 * the core decoder does), edits the row in place, and needs a row exactly {@code V} wide. With fewer than
 * {@code h} tokens of context ({@code h - 1} for self-salted schemes) the row is left unchanged, as serving
 * stacks that hide the prompt do (the reference raises an error instead); the detector does not score those
 * positions either.
 *
 * <p>Self-salted schemes ({@code selfhash}) cannot build one green list per step, because each candidate seeds
 * its own list; the processor tests candidates one by one, in descending logit order, and biases those that are
 * green in their own list. The reference tests exactly the first 41 candidates ({@code tail_rule="fixed_compute"})
 * whatever their probabilities. By default this processor tests candidates until the untested ones carry at
 * most 1e-4 of the (unbiased) probability, with no fixed count: a watermark at least as strong, and detection
 * is unaffected either way (the detector only checks the token actually chosen).
 * {@link #withReferenceSelfHash()} restores the reference's 41. With the hard list, if no tested candidate is
 * green the row is left unchanged rather than emptied.
 *
 * <p>Configured like {@link WatermarkDetector}: {@code WatermarkLogitsProcessor.of(scheme)}, then withers
 * ({@link #withHardList}, {@link #withSelfSaltCandidates}, {@link #withSelfSaltTailMass}) that return new
 * processors.
 *
 * <p>Cost per row ({@code V = 50,257}): reference {@code lefthash} one prefix shuffle ({@code k} draws) or a
 * memo hit, plus O(V); keyed schemes O(V) mixes; self-salted schemes one membership test per candidate plus
 * an O(V log V) sort. Immutable and thread-safe (scratch arrays are per call).
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Alg. 1 and 2. Reference:
 * {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py} ({@code WatermarkLogitsProcessor},
 * {@code _score_rejection_sampling}).
 *
 * @since 0.1.0
 */
public final class WatermarkLogitsProcessor implements LogitsProcessor {

    /** The reference's candidate count for {@code selfhash} generation (indices 0..40). */
    public static final int REFERENCE_SELF_HASH_CANDIDATES = 41;

    /** The default stopping rule for self-salted schemes: at most this probability left untested. */
    public static final double DEFAULT_SELF_SALT_TAIL_MASS = 1e-4;

    private final WatermarkScheme scheme;
    private final boolean hardList;
    private final int selfSaltCandidates;
    private final double selfSaltTailMass;

    private WatermarkLogitsProcessor(WatermarkScheme scheme, boolean hardList, int selfSaltCandidates,
            double selfSaltTailMass) {
        this.scheme = Checks.notNull(scheme, "scheme");
        Checks.positive(selfSaltCandidates, "selfSaltCandidates");
        if (!(selfSaltTailMass >= 0 && selfSaltTailMass < 1)) {
            throw Checks.fail("selfSaltTailMass", "be in [0, 1)", selfSaltTailMass);
        }
        this.hardList = hardList;
        this.selfSaltCandidates = selfSaltCandidates;
        this.selfSaltTailMass = selfSaltTailMass;
    }

    /**
     * Returns the processor of a scheme: soft list; self-salted schemes test candidates until at most
     * {@value #DEFAULT_SELF_SALT_TAIL_MASS} of the probability is left untested.
     *
     * @param scheme the watermarking scheme
     * @return the processor
     * @throws NullPointerException if {@code scheme} is null
     */
    public static WatermarkLogitsProcessor of(WatermarkScheme scheme) {
        return new WatermarkLogitsProcessor(scheme, false, Integer.MAX_VALUE, DEFAULT_SELF_SALT_TAIL_MASS);
    }

    /**
     * Returns this processor with the paper's hard red list (red logits set to {@code -Infinity}, Alg. 1)
     * or the soft list (green logits {@code += delta}, Alg. 2, the default).
     *
     * @param hard true for the hard red list
     * @return a new processor
     */
    public WatermarkLogitsProcessor withHardList(boolean hard) {
        return new WatermarkLogitsProcessor(scheme, hard, selfSaltCandidates, selfSaltTailMass);
    }

    /**
     * Returns this processor testing at most {@code candidates} candidates per step for self-salted schemes.
     *
     * @param candidates the cap, {@code >= 1}
     * @return a new processor
     * @throws IllegalArgumentException if {@code candidates < 1}
     */
    public WatermarkLogitsProcessor withSelfSaltCandidates(int candidates) {
        return new WatermarkLogitsProcessor(scheme, hardList, candidates, selfSaltTailMass);
    }

    /**
     * Returns this processor stopping the self-salted candidate tests once the untested candidates carry at
     * most {@code tailMass} of the probability.
     *
     * @param tailMass in [0, 1); 0 tests every candidate up to the cap
     * @return a new processor
     * @throws IllegalArgumentException if {@code tailMass} is outside [0, 1)
     */
    public WatermarkLogitsProcessor withSelfSaltTailMass(double tailMass) {
        return new WatermarkLogitsProcessor(scheme, hardList, selfSaltCandidates, tailMass);
    }

    /**
     * Returns this processor testing exactly the {@value #REFERENCE_SELF_HASH_CANDIDATES} most likely
     * candidates of self-salted schemes, as the reference does.
     *
     * @return a new processor
     */
    public WatermarkLogitsProcessor withReferenceSelfHash() {
        return new WatermarkLogitsProcessor(scheme, hardList, REFERENCE_SELF_HASH_CANDIDATES, 0.0);
    }

    /**
     * Returns the scheme.
     *
     * @return the scheme
     */
    public WatermarkScheme scheme() {
        return scheme;
    }

    /**
     * Whether the hard red list is used.
     *
     * @return true for the hard list, false for the soft list
     */
    public boolean hardList() {
        return hardList;
    }

    /**
     * The cap on candidates tested per step for self-salted schemes.
     *
     * @return the cap, {@code >= 1} ({@link Integer#MAX_VALUE} for none)
     */
    public int selfSaltCandidates() {
        return selfSaltCandidates;
    }

    /**
     * The untested probability at which self-salted candidate tests stop.
     *
     * @return the tail mass, in [0, 1)
     */
    public double selfSaltTailMass() {
        return selfSaltTailMass;
    }

    /**
     * Biases {@code logits} (in place) for the next token after {@code tokens[0, length)}.
     *
     * @param tokens the sequence so far (only {@code tokens[0, length)} is read)
     * @param length how many tokens are valid, in {@code [0, tokens.length]}
     * @param logits the next-token logits, exactly {@code V} wide; modified in place
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if {@code length} is out of range, the row is not {@code V} wide, or a
     *     context id is outside {@code [0, V)}
     */
    @Override
    public void process(int[] tokens, int length, double[] logits) {
        Checks.notNull(tokens, "tokens");
        Checks.notNull(logits, "logits");
        Checks.inRange(length, 0, tokens.length, "length");
        int v = scheme.vocabularySize();
        if (logits.length != v) {
            throw Checks.fail("logits.length", "equal the scheme's vocabularySize " + v
                    + " (tokenizer size and logit width differ?)", logits.length);
        }
        int h = scheme.contextWidth();
        int needed = scheme.selfSalted() ? h - 1 : h;
        if (length < needed) {
            return;
        }
        for (int i = length - needed; i < length; i++) {
            if (tokens[i] < 0 || tokens[i] >= v) {
                throw Checks.fail("tokens[" + i + "]", "be a token id in [0, " + v + ")", tokens[i]);
            }
        }
        if (!scheme.selfSalted() && !hardList) {
            scheme.addToGreenLogits(tokens, length - h, logits, scheme.delta());
            return;
        }
        int[] green = scheme.selfSalted()
                ? greenCandidates(tokens, length, logits)
                : scheme.greenIdsAt(tokens, length - h);
        if (!hardList) {
            double delta = scheme.delta();
            for (int t : green) {
                logits[t] += delta;
            }
        } else if (green.length > 0) {
            boolean[] keep = new boolean[v];
            for (int t : green) {
                keep[t] = true;
            }
            for (int t = 0; t < v; t++) {
                if (!keep[t]) {
                    logits[t] = Double.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /** Tests candidates in descending logit order; returns the green ones. */
    private int[] greenCandidates(int[] tokens, int length, double[] logits) {
        int h = scheme.contextWidth();
        int[] window = new int[h];
        System.arraycopy(tokens, length - (h - 1), window, 0, h - 1);
        int[] order = descendingOrder(logits);
        double[] probabilities = selfSaltTailMass > 0 ? LogMath.softmax(logits) : null;
        int limit = Math.min(order.length, selfSaltCandidates);
        double untested = 1.0;
        int[] green = new int[limit];
        int count = 0;
        for (int r = 0; r < limit; r++) {
            int c = order[r];
            window[h - 1] = c;
            if (scheme.isGreenAt(window, 0, c)) {
                green[count++] = c;
            }
            if (probabilities != null) {
                untested -= probabilities[c];
                if (untested <= selfSaltTailMass) {
                    break;
                }
            }
        }
        return Arrays.copyOf(green, count);
    }

    /** Candidate ids by descending logit (compared in float precision), ties by ascending id. */
    private static int[] descendingOrder(double[] logits) {
        long[] keys = new long[logits.length];
        for (int t = 0; t < logits.length; t++) {
            int bits = Float.floatToIntBits((float) logits[t]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[t] = ((long) ~ascending << 32) | t;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            order[r] = (int) keys[r];
        }
        return order;
    }

    @Override
    public String toString() {
        return "WatermarkLogitsProcessor[" + scheme.name() + ", " + (hardList ? "hard list" : "delta=" + scheme.delta())
                + (scheme.selfSalted() ? ", candidates<=" + (selfSaltCandidates == Integer.MAX_VALUE
                        ? "all" : selfSaltCandidates) + ", tail mass " + selfSaltTailMass : "") + "]";
    }
}
