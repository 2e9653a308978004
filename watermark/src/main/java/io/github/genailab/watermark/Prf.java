package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * The eleven pseudo-random functions of the reference implementation, each mapping a context window of
 * {@code h} token ids and the hash key to the seed of the green-list generator.
 *
 * <p>With {@code w = window[0..h-1]}, {@code key} the hash key and {@code hashint} the reference's fixed
 * permutation table ({@code table[x mod 1_000_003] + 1}):
 * <pre>
 *   additive_prf           key * sum(w)                              (exact, Python integers)
 *   multiplicative_prf     key * prod(w)        prod wraps in int64, the key product is exact
 *   minfunc_prf            key * min(w)                              (exact)
 *   simple_skip_prf        prod_{i even} hashint(key * w[i])         (int64, wraps)
 *   skipgram_prf           hashint(key * w[0])
 *   anchored_skipgram_prf  hashint(key * w[0]) * hashint(key * w[h-1])
 *   minhash_prf            min_i hashint(key * w[i])
 *   anchored_minhash_prf   min_i key * hashint(w[i]) * hashint(w[h-1])   (int64, wraps: often negative)
 *   minskipgram_prf        min_{i&lt;j} hashint(key * w[i]) * hashint(key * w[j])   (needs h &gt;= 2)
 *   noncomm_prf            k = key; for t in w: k = (k * hashint(k * t)) mod 2^32
 *   position_prf           sum_i key * w[i] * (i + 1)                (int64, wraps)
 *
 *   seed = prf % (2^64 - 1)          Python's modulo: a negative v becomes v + 2^64 - 1,
 *                                    whose 64-bit pattern is v - 1 (not the unsigned reading of v)
 * </pre>
 * Only the low 32 bits of the seed reach the CPU generator ({@link io.github.genailab.watermark.torch.TorchCpuRandom}).
 * The int64 wrap-around of the tensor PRFs is Java's {@code long} arithmetic; the "exact" PRFs multiply
 * in 128 bits before the modulo, so keys up to {@code Long.MAX_VALUE} are exact too.
 *
 * <p>Source: {@code jwkirchenbauer/lm-watermarking@fb602de:alternative_prf_schemes.py} and
 * {@code extended_watermark_processor.py} ({@code _seed_rng}). Each call costs O(h) (O(h^2) for
 * {@code minskipgram_prf}).
 *
 * @since 0.1.0
 */
public enum Prf {

    /** {@code additive_prf}: key times the sum of the window (used by {@code lefthash}/{@code simple_1}). */
    ADDITIVE("additive_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long sum = 0;
            for (int i = from; i < from + h; i++) {
                sum += t[i];
            }
            return exactProductModulo(key, sum);
        }
    },
    /** {@code multiplicative_prf}: key times the (int64-wrapped) product of the window. */
    MULTIPLICATIVE("multiplicative_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long product = 1;
            for (int i = from; i < from + h; i++) {
                product *= t[i];
            }
            return exactProductModulo(key, product);
        }
    },
    /** {@code minfunc_prf}: key times the smallest id of the window. */
    MINFUNC("minfunc_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long min = Long.MAX_VALUE;
            for (int i = from; i < from + h; i++) {
                min = Math.min(min, t[i]);
            }
            return exactProductModulo(key, min);
        }
    },
    /** {@code simple_skip_prf}: product of hashint(key * id) over every second id of the window. */
    SIMPLE_SKIP("simple_skip_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long product = 1;
            for (int i = from; i < from + h; i += 2) {
                product *= HashInt.of(key * t[i]);
            }
            return pythonModulo(product);
        }
    },
    /** {@code skipgram_prf}: hashint(key * first id of the window) (used by {@code skipgram}). */
    SKIPGRAM("skipgram_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            return pythonModulo(HashInt.of(key * t[from]));
        }
    },
    /** {@code anchored_skipgram_prf}: hashint(key * first id) times hashint(key * last id). */
    ANCHORED_SKIPGRAM("anchored_skipgram_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            return pythonModulo(HashInt.of(key * t[from]) * HashInt.of(key * t[from + h - 1]));
        }
    },
    /** {@code minhash_prf}: the smallest hashint(key * id) of the window (used by {@code minhash}). */
    MINHASH("minhash_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long min = Long.MAX_VALUE;
            for (int i = from; i < from + h; i++) {
                min = Math.min(min, HashInt.of(key * t[i]));
            }
            return pythonModulo(min);
        }
    },
    /** {@code anchored_minhash_prf}: min over the window of key * hashint(id) * hashint(last id) (selfhash). */
    ANCHORED_MINHASH("anchored_minhash_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long anchor = HashInt.of(t[from + h - 1]);
            long min = Long.MAX_VALUE;
            for (int i = from; i < from + h; i++) {
                min = Math.min(min, key * HashInt.of(t[i]) * anchor);
            }
            return pythonModulo(min);
        }
    },
    /** {@code minskipgram_prf}: the smallest product of two hashint(key * id) over all pairs (h &gt;= 2). */
    MINSKIPGRAM("minskipgram_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long min = Long.MAX_VALUE;
            for (int i = from; i < from + h; i++) {
                long hi = HashInt.of(key * t[i]);
                for (int j = i + 1; j < from + h; j++) {
                    min = Math.min(min, hi * HashInt.of(key * t[j]));
                }
            }
            return pythonModulo(min);
        }

        @Override
        public int minimumContextWidth() {
            return 2;
        }
    },
    /** {@code noncomm_prf}: a non-commutative chain, k = (k * hashint(k * id)) mod 2^32 over the window. */
    NONCOMM("noncomm_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long k = key;
            for (int i = from; i < from + h; i++) {
                k *= HashInt.of(k * t[i]);
                k = Math.floorMod(k, 1L << 32);
            }
            return pythonModulo(k);
        }
    },
    /** {@code position_prf}: sum of key * id * (position + 1) over the window (int64, wraps). */
    POSITION("position_prf") {
        @Override
        long seedAt(int[] t, int from, int h, long key) {
            long sum = 0;
            for (int i = 0; i < h; i++) {
                sum += key * t[from + i] * (i + 1L);
            }
            return pythonModulo(sum);
        }
    };

    private final String referenceName;

    Prf(String referenceName) {
        this.referenceName = referenceName;
    }

    /**
     * Returns the reference's name of this PRF, as used in {@code ff-<prf>-<h>-<selfSalt>} scheme names.
     *
     * @return e.g. {@code "anchored_minhash_prf"}
     */
    public String referenceName() {
        return referenceName;
    }

    /**
     * Returns the smallest context width this PRF accepts (2 for {@code minskipgram_prf}, else 1).
     *
     * @return the minimum {@code h}
     */
    public int minimumContextWidth() {
        return 1;
    }

    /**
     * Looks a PRF up by its reference name.
     *
     * @param referenceName e.g. {@code "additive_prf"}
     * @return the PRF
     * @throws NullPointerException if {@code referenceName} is null
     * @throws IllegalArgumentException if no PRF has that name
     */
    public static Prf fromReferenceName(String referenceName) {
        Checks.notNull(referenceName, "referenceName");
        for (Prf prf : values()) {
            if (prf.referenceName.equals(referenceName)) {
                return prf;
            }
        }
        throw Checks.fail("referenceName", "be one of the reference PRFs (additive_prf, multiplicative_prf, minfunc_prf, "
                + "simple_skip_prf, skipgram_prf, anchored_skipgram_prf, minhash_prf, anchored_minhash_prf, "
                + "minskipgram_prf, noncomm_prf, position_prf)", referenceName);
    }

    /**
     * Returns the generator seed {@code prf(window, key) % (2^64 - 1)} as the reference computes it.
     *
     * @param window the context window (all of it is used; pass exactly {@code h} ids)
     * @param key the hash key, {@code >= 0}
     * @return the seed as an unsigned 64-bit pattern (print with {@link Long#toUnsignedString(long)})
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if the window is shorter than {@link #minimumContextWidth()},
     *     holds a negative id, or the key is negative
     */
    public long seed(int[] window, long key) {
        Checks.notNull(window, "window");
        if (window.length < minimumContextWidth()) {
            throw Checks.fail("window.length", "be >= " + minimumContextWidth() + " for " + referenceName, window.length);
        }
        Checks.tokenIds(window, Integer.MAX_VALUE, "window");
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        return seedAt(window, 0, window.length, key);
    }

    /** The seed of {@code t[from, from + h)}; arguments already validated. */
    abstract long seedAt(int[] t, int from, int h, long key);

    /** Python's {@code v % (2^64 - 1)} for an int64 {@code v}, as a 64-bit pattern. */
    static long pythonModulo(long v) {
        return v >= 0 ? v : v - 1;
    }

    /**
     * Python's {@code (key * x) % (2^64 - 1)} with the product taken exactly (128 bits), for {@code key >= 0}.
     * Uses {@code 2^64 = 1 (mod 2^64 - 1)}: the high and low halves of |key * x| simply add up.
     */
    static long exactProductModulo(long key, long x) {
        long magnitude = x < 0 ? -x : x; // Long.MIN_VALUE stays 2^63 when read as unsigned
        long low = key * magnitude;
        long high = Math.multiplyHigh(key, magnitude) + ((magnitude >> 63) & key);
        long sum = low + high;
        if (Long.compareUnsigned(sum, low) < 0) {
            sum += 1; // end-around carry: 2^64 = 1 (mod 2^64 - 1)
        }
        if (sum == -1L) {
            sum = 0; // 2^64 - 1 itself is 0 modulo 2^64 - 1
        }
        return x < 0 && sum != 0 ? ~sum : sum; // (M - r) = ~r for M = 2^64 - 1
    }

    @Override
    public String toString() {
        return referenceName.toLowerCase(Locale.ROOT);
    }
}
