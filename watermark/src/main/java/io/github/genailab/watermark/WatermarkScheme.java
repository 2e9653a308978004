package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.io.Serializable;

/**
 * A green/red-list watermarking scheme: how a context window of token ids selects the "green" part of the
 * vocabulary that generation favours and detection counts (Kirchenbauer et al. 2023).
 *
 * <pre>
 *   green list  G(window) subset of [0, V),   |G| = k = floor(gamma * V)   (exactly, or on average)
 *   generation  logits[t] += delta  for t in G(last h tokens)              (soft list; hard list: red = -inf)
 *   detection   z = (|s|_G - gamma T) / sqrt(T gamma (1 - gamma))          (see WatermarkDetector)
 * </pre>
 *
 * <p>Two families:
 * <ul>
 *   <li>{@link ReferenceScheme} ({@link #reference(String, int, double, double)}): bit for bit the green
 *       lists of {@code jwkirchenbauer/lm-watermarking} on the CPU generator ({@code lefthash},
 *       {@code selfhash}, {@code minhash}, {@code skipgram}, {@code ff-...}).</li>
 *   <li>{@link KeyedScheme} ({@link #keyed}, {@link #keyedExactSize}): our own secret-keyed scheme whose
 *       membership test costs nanoseconds. It does <b>not</b> interoperate with the reference.</li>
 * </ul>
 *
 * <p>Conventions ports get wrong:
 * <ul>
 *   <li>{@code V} is the <em>tokenizer's</em> vocabulary size, always explicit: OPT's tokenizer has 50,265
 *       entries but its logits 50,272, and a different {@code V} gives different green lists.</li>
 *   <li>The seed window is the last {@code h = contextWidth()} tokens. For a <em>self-salted</em> scheme it
 *       ends with the candidate token itself ({@code selfhash}: 3 previous tokens plus the candidate).
 *       Longer arrays are accepted and only their last {@code h} entries are used, like the reference's
 *       {@code input_ids[-h:]}.</li>
 *   <li>Detection scores n-grams of length {@code h + 1 - selfSalt} ({@link #ngramLength()}).</li>
 * </ul>
 *
 * <p>Schemes are immutable and thread-safe; a scheme's secret key never appears in {@link #toString()}.
 * Schemes are {@link Serializable} (so a cluster job can ship one to its workers): the stream holds the
 * parameters, the key included, and deserialising re-validates them and starts with an empty memo; treat
 * a serialised keyed scheme as the secret it contains.
 *
 * <p>Paper: J. Kirchenbauer, J. Geiping, Y. Wen, J. Katz, I. Miers, T. Goldstein, "A Watermark for Large
 * Language Models", Proceedings of the 40th International Conference on Machine Learning (ICML 2023), PMLR
 * 202:17061-17084 (arXiv:2301.10226). Reference implementation:
 * {@code jwkirchenbauer/lm-watermarking@fb602de:extended_watermark_processor.py}.
 *
 * @serial exclude
 * @since 0.1.0
 */
public abstract sealed class WatermarkScheme implements Serializable permits ReferenceScheme, KeyedScheme {

    private static final long serialVersionUID = 1L;

    /** The largest vocabulary a scheme accepts: 2^24, far past any tokenizer's (GPT-2: 50,257; Llama 3: 128,256). */
    public static final int MAX_VOCABULARY_SIZE = 1 << 24;

    private final int vocabularySize;
    private final double gamma;
    private final double delta;
    private final int contextWidth;
    private final boolean selfSalted;
    private final int greenListSize;

    WatermarkScheme(int vocabularySize, double gamma, double delta, int contextWidth, boolean selfSalted) {
        Checks.positive(vocabularySize, "vocabularySize");
        Checks.atMost(vocabularySize, MAX_VOCABULARY_SIZE, "vocabularySize");
        Checks.inOpenInterval(gamma, 0, 1, "gamma");
        Checks.nonNegative(delta, "delta");
        Checks.positive(contextWidth, "contextWidth");
        // The reference's int(V * gamma): a double product truncated toward zero.
        int k = (int) (vocabularySize * gamma);
        if (k < 1) {
            throw Checks.fail("gamma * vocabularySize", "be >= 1 (a non-empty green list)", vocabularySize * gamma);
        }
        this.vocabularySize = vocabularySize;
        this.gamma = gamma;
        this.delta = delta;
        this.contextWidth = contextWidth;
        this.selfSalted = selfSalted;
        this.greenListSize = k;
    }

    /**
     * Returns a reference-compatible scheme by the reference's name.
     *
     * @param name {@code "lefthash"}/{@code "simple_1"}, {@code "selfhash"}/{@code "algorithm-3"},
     *     {@code "minhash"}, {@code "skipgram"}, or {@code "ff-<prf>-<h>-<True|False>[-<key>]"}
     * @param vocabularySize the tokenizer's vocabulary size {@code V}
     * @param gamma the green fraction, in (0, 1)
     * @param delta the bias added to green logits at generation, finite and {@code >= 0}
     * @return the scheme (green list = first {@code floor(gamma V)} entries of the seeded permutation)
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if the name is unknown or malformed, or a number is out of range
     */
    public static ReferenceScheme reference(String name, int vocabularySize, double gamma, double delta) {
        return ReferenceScheme.named(name, vocabularySize, gamma, delta);
    }

    /**
     * Returns a fast secret-keyed scheme whose green lists have {@code floor(gamma V)} members on average
     * (each token is green independently with probability {@code gamma}).
     *
     * @param key the secret key
     * @param contextWidth the number of tokens {@code h} in the seed window, {@code >= 1}
     * @param selfSalted whether the seed window ends with the candidate token itself
     * @param vocabularySize the tokenizer's vocabulary size {@code V}
     * @param gamma the green fraction, in (0, 1)
     * @param delta the generation bias, finite and {@code >= 0}
     * @return the scheme
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public static KeyedScheme keyed(WatermarkKey key, int contextWidth, boolean selfSalted, int vocabularySize,
            double gamma, double delta) {
        return new KeyedScheme(key, contextWidth, selfSalted, vocabularySize, gamma, delta, false);
    }

    /**
     * Returns a fast secret-keyed scheme whose green lists have exactly {@code floor(gamma V)} members (a keyed
     * permutation of {@code [0, V)} per context; green = rank below {@code k}).
     *
     * @param key the secret key
     * @param contextWidth the number of tokens {@code h} in the seed window, {@code >= 1}
     * @param selfSalted whether the seed window ends with the candidate token itself
     * @param vocabularySize the tokenizer's vocabulary size {@code V}
     * @param gamma the green fraction, in (0, 1)
     * @param delta the generation bias, finite and {@code >= 0}
     * @return the scheme
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public static KeyedScheme keyedExactSize(WatermarkKey key, int contextWidth, boolean selfSalted,
            int vocabularySize, double gamma, double delta) {
        return new KeyedScheme(key, contextWidth, selfSalted, vocabularySize, gamma, delta, true);
    }

    /**
     * Returns this scheme with another generation bias: the same green lists (so the same detections), a
     * stronger or weaker watermark in generated text.
     *
     * @param delta the generation bias, finite and {@code >= 0}
     * @return a new scheme of the same kind
     * @throws IllegalArgumentException if {@code delta} is negative or not finite
     */
    public abstract WatermarkScheme withDelta(double delta);

    /**
     * Returns the scheme's short name (no key material), e.g. {@code "selfhash"} or {@code "keyed-h1"}.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * Returns the vocabulary size {@code V} the green lists partition.
     *
     * @return {@code V}
     */
    public final int vocabularySize() {
        return vocabularySize;
    }

    /**
     * Returns the green fraction {@code gamma}.
     *
     * @return gamma, in (0, 1)
     */
    public final double gamma() {
        return gamma;
    }

    /**
     * Returns the generation bias {@code delta} added to green logits.
     *
     * @return delta, finite and {@code >= 0}
     */
    public final double delta() {
        return delta;
    }

    /**
     * Returns the seed window length {@code h} (the reference's {@code context_width}).
     *
     * @return {@code h >= 1}
     */
    public final int contextWidth() {
        return contextWidth;
    }

    /**
     * Tells whether the seed window ends with the candidate token itself (the reference's {@code self_salt}).
     *
     * @return true for self-salted schemes such as {@code selfhash}
     */
    public final boolean selfSalted() {
        return selfSalted;
    }

    /**
     * Returns the length of the n-grams detection scores: {@code h + 1 - selfSalt} (2 for {@code lefthash},
     * 4 for {@code selfhash}, 5 for {@code minhash}).
     *
     * @return the n-gram length
     */
    public final int ngramLength() {
        return contextWidth + (selfSalted ? 0 : 1);
    }

    /**
     * Returns {@code k = floor(gamma V)}: the exact green-list size of reference and exact-size keyed schemes,
     * the expected size of the plain keyed scheme.
     *
     * @return {@code k >= 1}
     */
    public final int greenListSize() {
        return greenListSize;
    }

    /**
     * Returns the green list seeded by a window, in the scheme's natural order (the reference's permutation
     * order for reference schemes).
     *
     * @param seedWindow at least {@code h} token ids; the last {@code h} are used (for self-salted schemes the
     *     window ends with the candidate)
     * @return a fresh array of distinct ids in {@code [0, V)}
     * @throws NullPointerException if {@code seedWindow} is null
     * @throws IllegalArgumentException if the window is shorter than {@code h} or holds an id outside
     *     {@code [0, V)}
     */
    public final int[] greenList(int[] seedWindow) {
        return greenListAt(seedWindow, checkedWindowStart(seedWindow));
    }

    /**
     * Tells whether {@code token} is green for a window, without building the list.
     *
     * @param seedWindow at least {@code h} token ids; the last {@code h} are used (for self-salted schemes the
     *     window ends with the candidate)
     * @param token the token to test, in {@code [0, V)}
     * @return true iff {@code token} is in {@link #greenList(int[])} of the same window
     * @throws NullPointerException if {@code seedWindow} is null
     * @throws IllegalArgumentException if the window is shorter than {@code h} or an id is outside {@code [0, V)}
     */
    public final boolean isGreen(int[] seedWindow, int token) {
        int start = checkedWindowStart(seedWindow);
        Checks.inRange(token, 0, vocabularySize - 1, "token");
        return isGreenAt(seedWindow, start, token);
    }

    private int checkedWindowStart(int[] seedWindow) {
        Checks.notNull(seedWindow, "seedWindow");
        if (seedWindow.length < contextWidth) {
            throw Checks.fail("seedWindow.length", "be >= contextWidth " + contextWidth, seedWindow.length);
        }
        Checks.tokenIds(seedWindow, vocabularySize, "seedWindow");
        return seedWindow.length - contextWidth;
    }

    /** Membership of {@code token} in the list seeded by {@code tokens[start, start + h)}; inputs valid. */
    abstract boolean isGreenAt(int[] tokens, int start, int token);

    /** The green list seeded by {@code tokens[start, start + h)}; inputs valid. */
    abstract int[] greenListAt(int[] tokens, int start);

    /**
     * Scores n-grams: {@code green[u]} = membership of the n-gram's last token in the list seeded by the window
     * starting at {@code starts[u]}. Subclasses batch work across n-grams that share a seed.
     */
    void scoreNgrams(int[] tokens, int[] starts, int count, boolean[] green) {
        int last = ngramLength() - 1;
        for (int u = 0; u < count; u++) {
            green[u] = isGreenAt(tokens, starts[u], tokens[starts[u] + last]);
        }
    }

    /**
     * The green ids seeded by {@code tokens[start, start + h)} in any order (the processor's hot path, free to
     * use a memo); by default the list itself.
     */
    int[] greenIdsAt(int[] tokens, int start) {
        return greenListAt(tokens, start);
    }

    /** Adds {@code delta} to the green logits of the list seeded by {@code tokens[start, start + h)}. */
    void addToGreenLogits(int[] tokens, int start, double[] logits, double delta) {
        for (int t : greenIdsAt(tokens, start)) {
            logits[t] += delta;
        }
    }

    /** The parameters every scheme prints: {@code V=..., gamma=..., delta=..., h=...}. */
    final String commonParameters() {
        return "V=" + vocabularySize + ", gamma=" + gamma + " (k=" + greenListSize + "), delta=" + delta
                + ", h=" + contextWidth + (selfSalted ? ", self-salted" : "");
    }

    /** Equality of the shared parameters, for subclasses' {@code equals}. */
    final boolean sameCommonParameters(WatermarkScheme o) {
        return vocabularySize == o.vocabularySize && Double.compare(gamma, o.gamma) == 0
                && Double.compare(delta, o.delta) == 0 && contextWidth == o.contextWidth
                && selfSalted == o.selfSalted;
    }

    /** Hash of the shared parameters, for subclasses' {@code hashCode}. */
    final int commonHash() {
        int h = Integer.hashCode(vocabularySize);
        h = 31 * h + Double.hashCode(gamma);
        h = 31 * h + Double.hashCode(delta);
        h = 31 * h + contextWidth;
        return 31 * h + Boolean.hashCode(selfSalted);
    }
}
