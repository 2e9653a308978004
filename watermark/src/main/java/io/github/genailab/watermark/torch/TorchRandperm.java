package io.github.genailab.watermark.torch;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * PyTorch's CPU {@code torch.randperm(n, generator=g)} bit for bit, plus the partial forms a green-list
 * watermark needs: the first or last {@code k} entries and membership of one value.
 *
 * <p>Algorithm ({@code pytorch/pytorch@fe4d182:aten/src/ATen/native/TensorFactories.cpp},
 * {@code randperm_cpu}, used for every {@code n < 2^32 / 20}), a forward Fisher–Yates shuffle with one
 * 32-bit draw per step and the modulo bias kept:
 * <pre>
 *   r[i] = i                                   for i in [0, n)
 *   for i = 0 .. n-2:  j = i + (uint32 draw) mod (n - i);  swap r[i], r[j]
 * </pre>
 * where the draws come from {@link TorchCpuRandom} seeded with {@code seed}. Slot {@code i} is final after
 * step {@code i}, so the first {@code k} entries need only {@code k} draws (the "prefix-only" shortcut),
 * and whether a value ends in the prefix can be followed with O(1) memory, stopping as soon as it lands
 * ({@link #inPrefix}). The last {@code k} entries (the legacy green list) need all {@code n - 1} draws.
 *
 * <p>Complexity: {@link #permutation} O(n); {@link #prefix} O(n) to lay out the identity plus O(k) draws;
 * {@link #inPrefix} at most {@code k} draws, no allocation beyond the generator, and no remainder at all
 * except where a division-free divisibility screen flags a possible landing. Remainders are computed with
 * Lemire's multiply-shift from a per-{@code n} table of magic constants (exact for all 32-bit draws), which
 * avoids a 64-bit division per draw. Instances are immutable and thread-safe; each call builds its own
 * generator.
 *
 * <p>Reference: D. Lemire, O. Kaser, N. Kurz, "Faster remainder by direct computation: applications to
 * compilers and software libraries", Software: Practice and Experience 49(6), 2019.
 *
 * @since 0.1.0
 */
public final class TorchRandperm {

    /** The largest permutation size: 2^26, far past any tokenizer's vocabulary. */
    public static final int MAX_SIZE = 1 << 26;

    /** 0, 1, ..., 623: the in-block offset as an array, because HotSpot 17 does not vectorise a loop using its index as a value. */
    private static final int[] OFFSETS = IntStream.range(0, TorchCpuRandom.N).toArray();

    private final int n;
    /** magic[i] = ceil(2^64 / (n - i)), the multiply-shift constant of the step-i divisor. */
    private final long[] magic;
    /**
     * The step-i divisor {@code d = n - i} written {@code d = d0 2^s} with {@code d0} odd:
     * {@code oddInverse[i] = d0^-1 mod 2^32} (0 when {@code d0 = 1}), {@code oddLimit[i] = floor((2^32 - 1) / d0)}
     * (below 2^31; {@code Integer.MAX_VALUE} when {@code d0 = 1}) and {@code evenMask[i] = 2^s - 1}.
     */
    private final int[] oddInverse;
    private final int[] oddLimit;
    private final int[] evenMask;

    private TorchRandperm(int n) {
        this.n = n;
        this.magic = new long[n];
        this.oddInverse = new int[n];
        this.oddLimit = new int[n];
        this.evenMask = new int[n];
        for (int i = 0; i < n; i++) {
            int d = n - i;
            magic[i] = Long.divideUnsigned(-1L, d) + 1;
            int s = Integer.numberOfTrailingZeros(d);
            int odd = d >>> s;
            evenMask[i] = (1 << s) - 1;
            oddInverse[i] = odd == 1 ? 0 : inverseMod2to32(odd);
            oddLimit[i] = odd == 1 ? Integer.MAX_VALUE : (int) Long.divideUnsigned(0xFFFF_FFFFL, odd);
        }
    }

    /** The inverse of an odd {@code d} modulo 2^32 by Newton's iteration (each step doubles the correct low bits). */
    private static int inverseMod2to32(int d) {
        int x = d; // correct to 3 bits: d * d = 1 mod 8 for odd d
        for (int bits = 3; bits < 32; bits *= 2) {
            x *= 2 - d * x;
        }
        return x;
    }

    /**
     * Prepares permutations of {@code [0, n)}.
     *
     * @param n the permutation length (torch's {@code randperm(n)})
     * @return a thread-safe permuter (holds four {@code n}-entry tables of divisor constants, 20 bytes per
     *         entry: 1 MB for GPT-2's vocabulary)
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public static TorchRandperm of(int n) {
        Checks.positive(n, "n");
        Checks.atMost(n, MAX_SIZE, "n");
        return new TorchRandperm(n);
    }

    /**
     * Returns {@code torch.randperm(n, generator=torch.Generator("cpu").manual_seed(seed))}.
     *
     * @param n the permutation length
     * @param seed the generator seed (only its low 32 bits matter, as in torch)
     * @return a fresh permutation of {@code [0, n)}
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public static int[] randperm(int n, long seed) {
        Checks.positive(n, "n");
        Checks.atMost(n, MAX_SIZE, "n");
        int[] r = identity(n);
        TorchCpuRandom rng = new TorchCpuRandom(seed);
        for (int i = 0; i < n - 1; i++) {
            int j = i + (int) (Integer.toUnsignedLong(rng.nextInt()) % (n - i));
            int t = r[i];
            r[i] = r[j];
            r[j] = t;
        }
        return r;
    }

    /**
     * Returns the permutation length {@code n}.
     *
     * @return {@code n}
     */
    public int size() {
        return n;
    }

    /**
     * Returns the whole permutation, identical to {@link #randperm(int, long)}.
     *
     * @param seed the generator seed
     * @return a fresh permutation of {@code [0, n)}
     */
    public int[] permutation(long seed) {
        return shuffled(seed, n - 1);
    }

    /**
     * Returns the first {@code k} entries of the permutation ({@code randperm(n)[:k]}), in order, after
     * only {@code k} draws.
     *
     * @param seed the generator seed
     * @param k how many leading entries, in {@code [0, n]}
     * @return a fresh array of length {@code k}
     * @throws IllegalArgumentException if {@code k} is outside {@code [0, n]}
     */
    public int[] prefix(long seed, int k) {
        Checks.inRange(k, 0, n, "k");
        return Arrays.copyOf(shuffled(seed, Math.min(k, n - 1)), k);
    }

    /**
     * Returns the last {@code k} entries of the permutation ({@code randperm(n)[n-k:]}), in order.
     *
     * @param seed the generator seed
     * @param k how many trailing entries, in {@code [0, n]}
     * @return a fresh array of length {@code k}
     * @throws IllegalArgumentException if {@code k} is outside {@code [0, n]}
     */
    public int[] suffix(long seed, int k) {
        Checks.inRange(k, 0, n, "k");
        return Arrays.copyOfRange(shuffled(seed, n - 1), n - k, n);
    }

    /**
     * Tells whether {@code value} lands in the first {@code k} entries of the permutation, following only
     * that value's slot: at most {@code k} draws, no allocation beyond the generator, and an early exit
     * as soon as the value is placed.
     *
     * @param seed the generator seed
     * @param k the prefix length, in {@code [0, n]}
     * @param value the value to follow, in {@code [0, n)}
     * @return {@code true} iff {@code value} is among {@code randperm(n)[:k]}
     * @throws IllegalArgumentException if {@code k} or {@code value} is out of range
     */
    public boolean inPrefix(long seed, int k, int value) {
        Checks.inRange(k, 0, n, "k");
        Checks.inRange(value, 0, n - 1, "value");
        TorchCpuRandom rng = new TorchCpuRandom(seed);
        int pos = value;
        int steps = Math.min(k, n - 1);
        for (int start = 0; start < steps; start += TorchCpuRandom.N) {
            int[] block = rng.nextBlock();
            int end = Math.min(steps, start + TorchCpuRandom.N);
            int i = start;
            while (i < end) {
                if (i == pos) {
                    // The value sits in the slot being filled: the swap sends it to j (or keeps it, j == i).
                    int j = i + mod(TorchCpuRandom.temper(block[i - start]), i);
                    if (j == pos) {
                        return true;
                    }
                    pos = j;
                    i++;
                } else {
                    // Until step pos the value only moves if some step i lands on it, i.e. draw mod (n - i) == pos - i.
                    int stretchEnd = Math.min(end, pos);
                    if (landsOn(block, start, i, stretchEnd, pos)) {
                        return true;
                    }
                    i = stretchEnd;
                }
            }
        }
        // With k == n every value is in the prefix; the last slot needs no draw.
        return k == n;
    }

    /**
     * Whether some step {@code i} in {@code [from, to)} draws {@code j = i + draw mod (n - i) == pos}.
     *
     * <p>A screen first tests all steps at once without a division: {@code draw mod d == c} (with
     * {@code 0 < c < d}) implies that {@code x = draw - c} (mod 2^32) is divisible by {@code d = d0 2^s},
     * i.e. its low {@code s} bits are zero and {@code x d0^-1 mod 2^32 <= floor((2^32 - 1) / d0)}
     * (Granlund and Montgomery's divisibility test; H. S. Warren, Hacker's Delight, 2nd ed., section 10-17).
     * The converse fails only when {@code draw < c}, so the screen has no false negatives; a stretch it
     * flags (about one in 70 of 624 steps for V = 50,257, nearly all of them true landings) is rechecked
     * step by step with the exact remainder. The
     * screen's loop is branch-free over distinct arrays, which HotSpot vectorises.
     */
    private boolean landsOn(int[] block, int start, int from, int to, int pos) {
        int c0 = pos - start;
        int flags = 0;
        for (int b = from - start; b < to - start; b++) {
            int x = TorchCpuRandom.temper(block[b]) + OFFSETS[b] - c0;
            int y = x * oddInverse[start + b];
            // Sign bit set iff 0 <= y <= oddLimit (both below 2^31) and the low s bits of x are zero.
            flags |= ~((oddLimit[start + b] - y) | y | -(x & evenMask[start + b]));
        }
        if (flags >= 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (i + mod(TorchCpuRandom.temper(block[i - start]), i) == pos) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the set of values in the first {@code k} entries of the permutation, after {@code k} draws:
     * the form to cache when many values are tested against one seed.
     *
     * @param seed the generator seed
     * @param k the prefix length, in {@code [0, n]}
     * @return a fresh bit set with exactly {@code k} bits set
     * @throws IllegalArgumentException if {@code k} is outside {@code [0, n]}
     */
    public BitSet prefixSet(long seed, int k) {
        Checks.inRange(k, 0, n, "k");
        int[] r = shuffled(seed, Math.min(k, n - 1));
        BitSet set = new BitSet(n);
        for (int i = 0; i < k; i++) {
            set.set(r[i]);
        }
        return set;
    }

    /**
     * Tells whether {@code value} lands in the last {@code k} entries of the permutation (the legacy
     * green list), following only that value's slot through all {@code n - 1} draws at most.
     *
     * @param seed the generator seed
     * @param k the suffix length, in {@code [0, n]}
     * @param value the value to follow, in {@code [0, n)}
     * @return {@code true} iff {@code value} is among {@code randperm(n)[n-k:]}
     * @throws IllegalArgumentException if {@code k} or {@code value} is out of range
     */
    public boolean inSuffix(long seed, int k, int value) {
        Checks.inRange(k, 0, n, "k");
        Checks.inRange(value, 0, n - 1, "value");
        TorchCpuRandom rng = new TorchCpuRandom(seed);
        int pos = value;
        for (int i = 0; i < n - 1; i++) {
            int j = i + mod(rng.nextInt(), i);
            if (j == pos) {
                return i >= n - k;
            }
            if (i == pos) {
                pos = j;
            }
        }
        return pos >= n - k;
    }

    /** Runs the first {@code steps} Fisher–Yates steps on the identity; slots [0, steps) are then final. */
    private int[] shuffled(long seed, int steps) {
        int[] r = identity(n);
        TorchCpuRandom rng = new TorchCpuRandom(seed);
        for (int start = 0; start < steps; start += TorchCpuRandom.N) {
            int[] block = rng.nextBlock();
            int end = Math.min(steps, start + TorchCpuRandom.N);
            for (int i = start; i < end; i++) {
                int j = i + mod(TorchCpuRandom.temper(block[i - start]), i);
                int t = r[i];
                r[i] = r[j];
                r[j] = t;
            }
        }
        return r;
    }

    /** {@code uint32(draw) mod (n - step)} by Lemire's multiply-shift: exact for every 32-bit draw. */
    private int mod(int draw, int step) {
        long low = magic[step] * Integer.toUnsignedLong(draw);
        long d = n - step;
        // Unsigned high 64 bits of low * d (d is positive, so only low's sign needs a correction).
        return (int) (Math.multiplyHigh(low, d) + ((low >> 63) & d));
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Override
    public String toString() {
        return "TorchRandperm[n=" + n + ", torch CPU randperm]";
    }
}
