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
 * positions either. For self-salted schemes the candidates tested follow {@link ProcessorOptions}: by default
 * every candidate until at most 1e-4 of the probability is untested, where the reference tests exactly the 41
 * most likely ({@link ProcessorOptions#referenceSelfHash()}). With the hard list, if no tested candidate is
 * green the row is left unchanged rather than emptied.
 *
 * <p>Cost per row ({@code V = 50,257}): reference {@code lefthash} one prefix shuffle ({@code k} draws) or a
 * memo hit, plus O(V); keyed schemes O(V) mixes; self-salted schemes one membership test per candidate plus
 * an O(V log V) sort. Immutable and thread-safe (scratch arrays are per call).
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Alg. 1 and 2. Reference:
 * {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py} ({@code WatermarkLogitsProcessor},
 * {@code _score_rejection_sampling}).
 */
public final class WatermarkLogitsProcessor implements LogitsProcessor {

    private final WatermarkScheme scheme;
    private final ProcessorOptions options;

    private WatermarkLogitsProcessor(WatermarkScheme scheme, ProcessorOptions options) {
        this.scheme = Checks.notNull(scheme, "scheme");
        this.options = Checks.notNull(options, "options");
    }

    /**
     * Returns the processor of a scheme with {@link ProcessorOptions#defaults()}.
     *
     * @param scheme the watermarking scheme
     * @return the processor
     * @throws NullPointerException if {@code scheme} is null
     */
    public static WatermarkLogitsProcessor of(WatermarkScheme scheme) {
        return new WatermarkLogitsProcessor(scheme, ProcessorOptions.defaults());
    }

    /**
     * Returns the processor of a scheme with explicit options.
     *
     * @param scheme the watermarking scheme
     * @param options the options
     * @return the processor
     * @throws NullPointerException if an argument is null
     */
    public static WatermarkLogitsProcessor of(WatermarkScheme scheme, ProcessorOptions options) {
        return new WatermarkLogitsProcessor(scheme, options);
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
     * Returns the options.
     *
     * @return the options
     */
    public ProcessorOptions options() {
        return options;
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
        if (!scheme.selfSalted() && !options.hardList()) {
            scheme.addToGreenLogits(tokens, length - h, logits, scheme.delta());
            return;
        }
        int[] green = scheme.selfSalted()
                ? greenCandidates(tokens, length, logits)
                : scheme.greenIdsAt(tokens, length - h);
        if (!options.hardList()) {
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
        double[] probabilities = options.selfSaltTailMass() > 0 ? LogMath.softmax(logits) : null;
        int limit = Math.min(order.length, options.selfSaltCandidates());
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
                if (untested <= options.selfSaltTailMass()) {
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
        return "WatermarkLogitsProcessor[" + scheme.name() + ", " + (options.hardList() ? "hard list" : "delta=" + scheme.delta())
                + (scheme.selfSalted() ? ", candidates<=" + (options.selfSaltCandidates() == Integer.MAX_VALUE
                        ? "all" : options.selfSaltCandidates()) + ", tail mass " + options.selfSaltTailMass() : "") + "]";
    }
}
