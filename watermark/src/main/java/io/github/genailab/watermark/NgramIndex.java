package io.github.genailab.watermark;

/**
 * The n-grams of a token sequence, deduplicated in first-occurrence order, as the reference's detector walks
 * them: position {@code p} holds the n-gram {@code tokens[p, p + n)}, for {@code p = 0 .. len - n}.
 *
 * <p>Open addressing over a power-of-two table of n-gram ids; equal hashes are confirmed by comparing the
 * tokens, so the result is exact. O(len * n) time, O(len) memory.
 */
final class NgramIndex {

    /** Number of n-gram positions, {@code len - n + 1}. */
    final int positions;
    /** Number of distinct n-grams. */
    final int uniqueCount;
    /** Start position of each distinct n-gram's first occurrence, in first-occurrence order. */
    final int[] uniqueStarts;
    /** The distinct-n-gram id of each position. */
    final int[] uniqueIdOf;

    private NgramIndex(int positions, int uniqueCount, int[] uniqueStarts, int[] uniqueIdOf) {
        this.positions = positions;
        this.uniqueCount = uniqueCount;
        this.uniqueStarts = uniqueStarts;
        this.uniqueIdOf = uniqueIdOf;
    }

    /** Indexes the n-grams of {@code tokens}; requires {@code tokens.length >= n >= 1}. */
    static NgramIndex of(int[] tokens, int n) {
        int positions = tokens.length - n + 1;
        int size = Integer.highestOneBit(Math.max(2, 2 * positions - 1)) << 1;
        int mask = size - 1;
        int[] table = new int[size]; // distinct id + 1; 0 = empty
        int[] starts = new int[positions];
        int[] idOf = new int[positions];
        int unique = 0;
        for (int p = 0; p < positions; p++) {
            int slot = (int) hash(tokens, p, n) & mask;
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    table[slot] = unique + 1;
                    starts[unique] = p;
                    idOf[p] = unique++;
                    break;
                }
                if (sameNgram(tokens, starts[entry - 1], p, n)) {
                    idOf[p] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new NgramIndex(positions, unique, starts, idOf);
    }

    private static long hash(int[] tokens, int from, int n) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = from; i < from + n; i++) {
            h = (h ^ tokens[i]) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        return h ^ (h >>> 32);
    }

    private static boolean sameNgram(int[] tokens, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            if (tokens[a + i] != tokens[b + i]) {
                return false;
            }
        }
        return true;
    }
}
