package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.torch.TorchRandperm;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * A green-list scheme bit-compatible with {@code jwkirchenbauer/lm-watermarking} on the CPU generator: the
 * same seeds, the same permutations, hence the same green lists, the same generation bias and the same
 * detection counts.
 *
 * <pre>
 *   seed   = prf(window[-h:], key) % (2^64 - 1)                 (see {@link Prf})
 *   perm   = torch.randperm(V, generator = CPU mt19937 seeded with seed &amp; 0xffffffff)
 *   green  = perm[:k]  (or the legacy perm[V-k:]),   k = int(V * gamma)
 * </pre>
 *
 * <table>
 *   <caption>Named schemes (hash key 15485863 unless an {@code ff-} name gives one)</caption>
 *   <tr><th>name</th><th>PRF</th><th>h</th><th>self-salted</th></tr>
 *   <tr><td>{@code lefthash}, {@code simple_1}</td><td>additive_prf</td><td>1</td><td>no</td></tr>
 *   <tr><td>{@code selfhash}, {@code algorithm-3}</td><td>anchored_minhash_prf</td><td>4</td><td>yes</td></tr>
 *   <tr><td>{@code minhash}</td><td>minhash_prf</td><td>4</td><td>no</td></tr>
 *   <tr><td>{@code skipgram}</td><td>skipgram_prf</td><td>5</td><td>no</td></tr>
 *   <tr><td>{@code ff-<prf>-<h>-<True|False>[-<key>]}</td><td>any {@link Prf}</td><td>h</td><td>as given</td></tr>
 * </table>
 *
 * <p>Things ports get wrong, all handled here: torch's CPU generator keeps only the low 32 bits of the seed;
 * its {@code randperm} is a forward Fisher–Yates with one 32-bit draw modulo {@code n - i} per step (the bias
 * kept); tensor PRFs wrap in int64 and Python's {@code % (2^64 - 1)} maps a negative value {@code v} to the bit
 * pattern {@code v - 1}; GPU generators give different lists and cannot be reproduced.
 *
 * <p>Speed without changing any result: the green list {@code perm[:k]} needs only the first {@code k}
 * Fisher–Yates draws; a single membership test follows one value through at most {@code k} draws and stops
 * once it is placed; and a bounded per-scheme memo ({@link #withCacheCapacity(int)}, thread-safe) keeps whole
 * lists of recurring seeds. Costs at {@code V = 50,257, gamma = 0.25}: tens of microseconds per membership test,
 * well under a microsecond for a cached seed. Instances are immutable (the memo never changes a result) and
 * thread-safe; the hash key is not printed.
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023 (arXiv:2301.10226);
 * schemes from Kirchenbauer et al., "On the Reliability of Watermarks for Large Language Models", ICLR 2024
 * (arXiv:2306.04634). Reference: {@code jwkirchenbauer/lm-watermarking@fb602de:alternative_prf_schemes.py}
 * and {@code extended_watermark_processor.py}.
 *
 * @serial exclude
 * @since 0.1.0
 */
public final class ReferenceScheme extends WatermarkScheme {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The reference's default hash key, 15485863 (the millionth prime). Do not reuse it in deployment. */
    public static final long DEFAULT_HASH_KEY = 15_485_863L;

    /** Memo size in bytes the default capacity aims at (16 MiB). */
    private static final long DEFAULT_CACHE_BYTES = 16L << 20;

    private final String name;
    private final Prf prf;
    private final long hashKey;
    private final GreenListSelection selection;
    private final transient TorchRandperm permuter;
    private final transient GreenListCache cache;

    private ReferenceScheme(String name, Prf prf, int contextWidth, boolean selfSalted, long hashKey,
            int vocabularySize, double gamma, double delta, GreenListSelection selection, int cacheCapacity,
            TorchRandperm permuter) {
        super(vocabularySize, gamma, delta, contextWidth, selfSalted);
        if (contextWidth < prf.minimumContextWidth()) {
            throw Checks.fail("contextWidth", "be >= " + prf.minimumContextWidth() + " for " + prf.referenceName(),
                    contextWidth);
        }
        if (hashKey < 0) {
            throw Checks.fail("hashKey", "be >= 0", hashKey);
        }
        Checks.notNull(selection, "selection");
        Checks.nonNegative(cacheCapacity, "cacheCapacity");
        this.name = name;
        this.prf = prf;
        this.hashKey = hashKey;
        this.selection = selection;
        this.permuter = permuter != null ? permuter : TorchRandperm.of(vocabularySize);
        this.cache = new GreenListCache(cacheCapacity);
    }

    /**
     * Returns the scheme the reference calls {@code name}; see the class table. The public entry point is
     * {@link WatermarkScheme#reference(String, int, double, double)}.
     *
     * @param name the reference's scheme name
     * @param vocabularySize the tokenizer's vocabulary size {@code V}
     * @param gamma the green fraction, in (0, 1)
     * @param delta the generation bias, finite and {@code >= 0}
     * @return the scheme, green list = first {@code k}
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if the name is unknown or malformed, or a number is out of range
     */
    static ReferenceScheme named(String name, int vocabularySize, double gamma, double delta) {
        Checks.notNull(name, "name");
        switch (name) {
            case "lefthash":
            case "simple_1":
                return of(name, Prf.ADDITIVE, 1, false, DEFAULT_HASH_KEY, vocabularySize, gamma, delta);
            case "selfhash":
            case "algorithm-3":
                return of(name, Prf.ANCHORED_MINHASH, 4, true, DEFAULT_HASH_KEY, vocabularySize, gamma, delta);
            case "minhash":
                return of(name, Prf.MINHASH, 4, false, DEFAULT_HASH_KEY, vocabularySize, gamma, delta);
            case "skipgram":
                return of(name, Prf.SKIPGRAM, 5, false, DEFAULT_HASH_KEY, vocabularySize, gamma, delta);
            default:
                return freeForm(name, vocabularySize, gamma, delta);
        }
    }

    private static ReferenceScheme of(String name, Prf prf, int h, boolean selfSalted, long hashKey, int v,
            double gamma, double delta) {
        Checks.positive(v, "vocabularySize");
        return new ReferenceScheme(name, prf, h, selfSalted, hashKey, v, gamma, delta, GreenListSelection.FIRST_K,
                defaultCacheCapacity(v), null);
    }

    private static ReferenceScheme freeForm(String name, int v, double gamma, double delta) {
        String[] parts = name.split("-", -1);
        if (!parts[0].equals("ff") || parts.length < 4 || parts.length > 5) {
            throw Checks.fail("name", "be lefthash, simple_1, selfhash, algorithm-3, minhash, skipgram or "
                    + "ff-<prf>-<h>-<True|False>[-<key>]", name);
        }
        Prf prf = Prf.fromReferenceName(parts[1]);
        long h = parseField(parts[2], "context width", name);
        if (h < 1 || h > Integer.MAX_VALUE) {
            throw Checks.fail("name", "have a context width >= 1", name);
        }
        if (!parts[3].equals("True") && !parts[3].equals("False")) {
            throw Checks.fail("name", "have True or False as its self-salt field", name);
        }
        long key = parts.length == 5 ? parseField(parts[4], "hash key", name) : DEFAULT_HASH_KEY;
        // A key given in the name stays out of name() and toString().
        String shown = parts.length == 5 ? String.join("-", Arrays.copyOf(parts, 4)) + "-<key>" : name;
        return of(shown, prf, (int) h, parts[3].equals("True"), key, v, gamma, delta);
    }

    private static long parseField(String field, String what, String name) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw Checks.fail("name", "have a decimal " + what + " below 2^63", name);
        }
    }

    private static int defaultCacheCapacity(int vocabularySize) {
        long bytesPerList = vocabularySize / 8L + 64;
        return (int) Math.min(4096, Math.max(16, DEFAULT_CACHE_BYTES / bytesPerList));
    }

    /**
     * Returns this scheme with the legacy or the default choice of green tokens.
     *
     * @param selection {@link GreenListSelection#FIRST_K} (default) or {@link GreenListSelection#LAST_K}
     * @return a new scheme (sharing the permutation tables, with an empty memo)
     * @throws NullPointerException if {@code selection} is null
     */
    public ReferenceScheme withGreenListSelection(GreenListSelection selection) {
        Checks.notNull(selection, "selection");
        return new ReferenceScheme(name, prf, contextWidth(), selfSalted(), hashKey, vocabularySize(), gamma(),
                delta(), selection, cache.capacity(), permuter);
    }

    /**
     * Returns this scheme with a memo of at most {@code capacity} green lists ({@code V / 8} bytes each;
     * 0 disables it). The default aims at 16 MiB, at most 4096 lists.
     *
     * @param capacity the number of lists kept, {@code >= 0}
     * @return a new scheme with an empty memo
     * @throws IllegalArgumentException if {@code capacity < 0}
     */
    public ReferenceScheme withCacheCapacity(int capacity) {
        return new ReferenceScheme(name, prf, contextWidth(), selfSalted(), hashKey, vocabularySize(), gamma(),
                delta(), selection, capacity, permuter);
    }

    /**
     * Returns this scheme with another generation bias (same green lists).
     *
     * @param delta the generation bias, finite and {@code >= 0}
     * @return a new scheme
     * @throws IllegalArgumentException if {@code delta} is negative or not finite
     */
    @Override
    public ReferenceScheme withDelta(double delta) {
        return new ReferenceScheme(name, prf, contextWidth(), selfSalted(), hashKey, vocabularySize(), gamma(),
                delta, selection, cache.capacity(), permuter);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the pseudo-random function that turns a window into a seed.
     *
     * @return the PRF
     */
    public Prf prf() {
        return prf;
    }

    /**
     * Returns which end of the permutation is green.
     *
     * @return the selection rule
     */
    public GreenListSelection greenListSelection() {
        return selection;
    }

    /**
     * Returns the memo capacity in green lists.
     *
     * @return the capacity, 0 if disabled
     */
    public int cacheCapacity() {
        return cache.capacity();
    }

    /**
     * Returns the generator seed of a window, {@code prf(window[-h:], key) % (2^64 - 1)}, as the reference
     * passes it to {@code manual_seed}.
     *
     * @param seedWindow at least {@code h} ids in {@code [0, V)}; the last {@code h} are used
     * @return the seed as an unsigned 64-bit pattern (print with {@link Long#toUnsignedString(long)})
     * @throws NullPointerException if {@code seedWindow} is null
     * @throws IllegalArgumentException if the window is too short or holds an id outside {@code [0, V)}
     */
    public long seed(int[] seedWindow) {
        Checks.notNull(seedWindow, "seedWindow");
        if (seedWindow.length < contextWidth()) {
            throw Checks.fail("seedWindow.length", "be >= contextWidth " + contextWidth(), seedWindow.length);
        }
        Checks.tokenIds(seedWindow, vocabularySize(), "seedWindow");
        return seedAt(seedWindow, seedWindow.length - contextWidth());
    }

    private long seedAt(int[] tokens, int start) {
        return prf.seedAt(tokens, start, contextWidth(), hashKey);
    }

    @Override
    boolean isGreenAt(int[] tokens, int start, int token) {
        return isGreenForSeed((int) seedAt(tokens, start), token);
    }

    private boolean isGreenForSeed(int seed, int token) {
        BitSet cached = cache.get(seed);
        if (cached != null) {
            return cached.get(token);
        }
        if (cache.seenBefore(seed)) {
            return greenSet(seed).get(token);
        }
        return selection == GreenListSelection.FIRST_K
                ? permuter.inPrefix(Integer.toUnsignedLong(seed), greenListSize(), token)
                : permuter.inSuffix(Integer.toUnsignedLong(seed), greenListSize(), token);
    }

    /** The whole green set of a seed, from the memo or built and stored. */
    private BitSet greenSet(int seed) {
        BitSet cached = cache.get(seed);
        if (cached != null) {
            return cached;
        }
        long s = Integer.toUnsignedLong(seed);
        BitSet green;
        if (selection == GreenListSelection.FIRST_K) {
            green = permuter.prefixSet(s, greenListSize());
        } else {
            green = new BitSet(vocabularySize());
            for (int t : permuter.suffix(s, greenListSize())) {
                green.set(t);
            }
        }
        cache.put(seed, green);
        return green;
    }

    @Override
    int[] greenListAt(int[] tokens, int start) {
        long seed = seedAt(tokens, start);
        return selection == GreenListSelection.FIRST_K
                ? permuter.prefix(seed, greenListSize())
                : permuter.suffix(seed, greenListSize());
    }

    /** From the memo when cached; otherwise the prefix shuffle, whose set is then stored. */
    @Override
    int[] greenIdsAt(int[] tokens, int start) {
        int seed = (int) seedAt(tokens, start);
        BitSet cached = cache.get(seed);
        if (cached != null) {
            return cached.stream().toArray();
        }
        int[] green = greenListAt(tokens, start);
        if (cache.capacity() > 0) {
            BitSet set = new BitSet(vocabularySize());
            for (int t : green) {
                set.set(t);
            }
            cache.put(seed, set);
        }
        return green;
    }

    /**
     * Groups the n-grams by seed: a seed shared by several n-grams builds its list once, a lone seed uses the
     * early-exit membership test (or the memo).
     */
    @Override
    void scoreNgrams(int[] tokens, int[] starts, int count, boolean[] green) {
        int last = ngramLength() - 1;
        long[] bySeed = new long[count];
        for (int u = 0; u < count; u++) {
            long seed = seedAt(tokens, starts[u]) & 0xffffffffL;
            bySeed[u] = (seed << 32) | u;
        }
        Arrays.sort(bySeed);
        int i = 0;
        while (i < count) {
            int seed = (int) (bySeed[i] >>> 32);
            int j = i + 1;
            while (j < count && (int) (bySeed[j] >>> 32) == seed) {
                j++;
            }
            if (j - i == 1) {
                int u = (int) bySeed[i];
                green[u] = isGreenForSeed(seed, tokens[starts[u] + last]);
            } else {
                BitSet set = greenSet(seed);
                for (int r = i; r < j; r++) {
                    int u = (int) bySeed[r];
                    green[u] = set.get(tokens[starts[u] + last]);
                }
            }
            i = j;
        }
    }

    /** Serialised as its parameters; the permutation tables and the memo are rebuilt on arrival. */
    @Serial
    private Object writeReplace() {
        return new Form(name, prf, contextWidth(), selfSalted(), hashKey, vocabularySize(), gamma(), delta(), selection,
                cache.capacity());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a ReferenceScheme is read through its serialised form");
    }

    /** The serialised form: the constructor's arguments, validated again by {@link #readResolve()}. */
    private record Form(String name, Prf prf, int contextWidth, boolean selfSalted, long hashKey, int vocabularySize,
            double gamma, double delta, GreenListSelection selection, int cacheCapacity) implements Serializable {

        @Serial
        private Object readResolve() {
            return new ReferenceScheme(Checks.notNull(name, "name"), Checks.notNull(prf, "prf"), contextWidth,
                    selfSalted, hashKey, vocabularySize, gamma, delta, selection, cacheCapacity, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceScheme r && sameCommonParameters(r) && prf == r.prf && hashKey == r.hashKey
                && selection == r.selection;
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), prf, hashKey, selection);
    }

    /**
     * One line with the name, PRF and parameters; the hash key is not printed.
     *
     * @return e.g. {@code "ReferenceScheme[selfhash: anchored_minhash_prf, V=50265, gamma=0.25 (k=12566), ...]"}
     */
    @Override
    public String toString() {
        return "ReferenceScheme[" + name + ": " + prf.referenceName() + ", " + commonParameters()
                + (selection == GreenListSelection.LAST_K ? ", green = last k (legacy)" : "")
                + ", key hidden]";
    }
}
