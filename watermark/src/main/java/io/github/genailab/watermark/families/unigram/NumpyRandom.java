package io.github.genailab.watermark.families.unigram;

/**
 * numpy's {@code np.random.default_rng(seed)} — {@code Generator(PCG64(SeedSequence(seed)))} — as far as
 * {@code Generator.shuffle} of a 1-D array needs it, bit for bit (numpy 1.24 and 2.x):
 * <ul>
 *   <li>{@code SeedSequence}: the entropy's 32-bit words hashed into a pool of four words, then
 *       {@code generate_state(4, uint64)} (O'Neill's seed_seq hash, numpy's constants);</li>
 *   <li>{@code PCG64}: a 128-bit LCG, multiplier {@code 0x2360ED051FC65DA44385DF649FCCF645}, seeded with
 *       {@code initstate = w0 << 64 | w1}, {@code initseq = w2 << 64 | w3}; output XSL-RR; 32-bit draws
 *       buffered, low half first;</li>
 *   <li>{@code shuffle}: {@code for i = n-1 .. 1: j = interval(i); swap(a[i], a[j])}, where {@code interval}
 *       draws 32-bit values masked to the smallest {@code 2^k - 1 >= i} until one is {@code <= i}.</li>
 * </ul>
 * Reference: {@code numpy/numpy}, {@code numpy/random/bit_generator.pyx} ({@code SeedSequence}),
 * {@code numpy/random/src/pcg64/pcg64.h}, {@code numpy/random/_generator.pyx} ({@code shuffle}),
 * {@code numpy/random/src/distributions/distributions.c} ({@code random_interval}); M. E. O'Neill, "PCG: A
 * Family of Simple Fast Space-Efficient Statistically Good Algorithms for Random Number Generation", 2014.
 */
final class NumpyRandom {

    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int POOL_SIZE = 4;
    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;
    private boolean hasBuffered;
    private int buffered;

    /**
     * Seeds like {@code default_rng(seed)} for a non-negative seed.
     *
     * @param seed the seed, {@code >= 0}
     */
    NumpyRandom(long seed) {
        long[] words = seedSequenceState(seed);
        long initStateHi = words[0];
        long initStateLo = words[1];
        incHi = (words[2] << 1) | (words[3] >>> 63);
        incLo = (words[3] << 1) | 1;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + initStateLo;
        stateHi = stateHi + initStateHi + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** {@code SeedSequence(seed).generate_state(4, np.uint64)}. */
    static long[] seedSequenceState(long seed) {
        int[] entropy = seed >>> 32 == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
        int[] hashConst = {INIT_A};
        int[] pool = new int[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
            }
        }
        int h = INIT_B;
        int[] w32 = new int[8];
        for (int i = 0; i < w32.length; i++) {
            int d = pool[i % POOL_SIZE] ^ h;
            h *= MULT_B;
            d *= h;
            d ^= d >>> 16;
            w32[i] = d;
        }
        long[] out = new long[4];
        for (int k = 0; k < 4; k++) {
            out[k] = (w32[2 * k] & 0xFFFF_FFFFL) | ((long) w32[2 * k + 1] << 32);
        }
        return out;
    }

    private static int hashmix(int value, int[] hashConst) {
        value ^= hashConst[0];
        hashConst[0] *= MULT_A;
        value *= hashConst[0];
        return value ^ (value >>> 16);
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        return r ^ (r >>> 16);
    }

    /** state = state * MULT + inc (mod 2^128). */
    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateHi * MULT_LO + stateLo * MULT_HI;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * Returns the next 64-bit output ({@code random_raw}).
     *
     * @return the draw
     */
    long nextLong() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    private int nextInt() {
        if (hasBuffered) {
            hasBuffered = false;
            return buffered;
        }
        long next = nextLong();
        hasBuffered = true;
        buffered = (int) (next >>> 32);
        return (int) next;
    }

    /** A uniform value in [0, max] by masked rejection, max &lt; 2^31. */
    private int interval(int max) {
        if (max == 0) {
            return 0;
        }
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        int value;
        do {
            value = nextInt() & mask;
        } while (value > max);
        return value;
    }

    /**
     * Shuffles {@code a} in place like {@code Generator.shuffle}.
     *
     * @param a the array
     */
    void shuffle(boolean[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = interval(i);
            boolean tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
