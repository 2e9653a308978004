package io.github.genailab.watermark;

import io.github.genailab.watermark.torch.TorchRandperm;

/**
 * The reference's {@code hashint}: a fixed permutation table of 1,000,003 entries drawn once with
 * {@code torch.randperm(1_000_003)} on a CPU generator seeded 2971215073 ("fib47 is prime").
 *
 * <pre>
 *   hashint(x) = table[x mod 1_000_003] + 1        (floor modulo, so negative x maps into the table)
 * </pre>
 *
 * <p>The table is built on first use (about 4 MB, tens of milliseconds) and shared; it is never modified.
 * Source: {@code jwkirchenbauer/lm-watermarking@fb602de:alternative_prf_schemes.py}. HuggingFace seeds its
 * table with the hashing key instead, so its tables differ.
 */
final class HashInt {

    static final int TABLE_SIZE = 1_000_003;
    static final long TABLE_SEED = 2_971_215_073L;

    private HashInt() {
    }

    /** Lazily built, immutable after class initialisation (the JVM makes that thread-safe). */
    private static final class Holder {
        static final int[] TABLE = TorchRandperm.randperm(TABLE_SIZE, TABLE_SEED);
    }

    /**
     * Returns {@code hashint(x)}.
     *
     * @param x any 64-bit value (the reference's int64 tensor entry)
     * @return a value in {@code [1, 1_000_003]}
     */
    static long of(long x) {
        return Holder.TABLE[(int) Math.floorMod(x, (long) TABLE_SIZE)] + 1L;
    }

    /**
     * Returns the table entry at {@code index} (for tests against the published first entries).
     *
     * @param index in {@code [0, 1_000_003)}
     * @return the entry
     */
    static int entry(int index) {
        return Holder.TABLE[index];
    }
}
