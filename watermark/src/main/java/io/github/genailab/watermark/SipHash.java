package io.github.genailab.watermark;

/**
 * SipHash-2-4 of a run of token ids, each read as 4 little-endian bytes: the keyed pseudo-random function
 * that makes a {@link KeyedScheme}'s green lists secret.
 *
 * <p>Message bytes = ids {@code t[from], ..., t[from + count - 1]} as little-endian int32 (so two ids fill
 * one 64-bit word); the standard SipHash-2-4 compression (2 rounds per word), padding (message length in
 * the top byte) and finalisation (4 rounds). Test vectors: the reference implementation's
 * {@code vectors_sip64} with key {@code 00 01 .. 0f}.
 *
 * <p>Reference: J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT 2012,
 * LNCS 7668, pp. 489-508. Cost: about {@code 4 + count} SipRounds.
 */
final class SipHash {

    private SipHash() {
    }

    /** Returns SipHash-2-4(k0, k1, bytes of t[from, from + count)). */
    static long hash(long k0, long k1, int[] t, int from, int count) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int fullWords = count / 2;
        // Words 0..fullWords-1 carry two ids each, word fullWords is the padded tail with the length byte,
        // and the pass after it is the finalisation: one SipRound code site for all three.
        for (int w = 0; w <= fullWords + 1; w++) {
            long m = 0;
            int rounds = 4;
            if (w <= fullWords) {
                m = w < fullWords ? word(t, from + 2 * w) : tail(t, from, count);
                v3 ^= m;
                rounds = 2;
            } else {
                v2 ^= 0xff;
            }
            for (int r = 0; r < rounds; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static long word(int[] t, int i) {
        return (t[i] & 0xffffffffL) | ((long) t[i + 1] << 32);
    }

    /** The last block: the odd id (if any) in the low bytes and the byte length in the top byte. */
    private static long tail(int[] t, int from, int count) {
        long odd = (count & 1) != 0 ? t[from + count - 1] & 0xffffffffL : 0L;
        return ((long) (4 * count) << 56) | odd;
    }

    /**
     * A keyed 64-bit mixer: the SplitMix64 finaliser of {@code key + x * golden}. A bijection of
     * {@code x} for a fixed key, with full avalanche; used per token once SipHash has derived the
     * context's secret key.
     */
    static long mix(long key, long x) {
        return finish(key + x * GOLDEN);
    }

    /**
     * Fills {@code out[0, n)} with {@code mix(key, first + i)}, {@code n <= MIX_BLOCK}. Same values as
     * {@link #mix}; written so that the JIT can vectorise it (no int-to-long conversion in the loop: the
     * products {@code i * golden} come from a table), which makes a whole vocabulary about 3x cheaper.
     */
    static void mixBlock(long key, int first, long[] out, int n) {
        long start = key + first * GOLDEN;
        for (int i = 0; i < n; i++) {
            out[i] = finish(start + GOLDEN_MULTIPLES[i]);
        }
    }

    /** The block length {@link #mixBlock} accepts: 8 KiB of longs, which stays in the L1 cache. */
    static final int MIX_BLOCK = 1024;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final long[] GOLDEN_MULTIPLES = new long[MIX_BLOCK];

    static {
        for (int i = 0; i < MIX_BLOCK; i++) {
            GOLDEN_MULTIPLES[i] = i * GOLDEN;
        }
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014). */
    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
