package io.github.genailab.watermark.torch;

/**
 * The 32-bit Mersenne Twister of PyTorch's CPU generator ({@code at::mt19937}), seeded exactly as
 * {@code torch.Generator("cpu").manual_seed(seed)} seeds it.
 *
 * <p>Seeding keeps only the low 32 bits of the 64-bit seed ({@code init_with_uint32}), then runs the
 * classic {@code init_genrand} recurrence:
 * <pre>
 *   state[0] = seed &amp; 0xffffffff
 *   state[j] = 1812433253 * (state[j-1] ^ (state[j-1] &gt;&gt;&gt; 30)) + j      (mod 2^32), j = 1..623
 * </pre>
 * followed by the standard MT19937 twist and tempering. So seeds {@code s} and {@code s + 2^32} give the
 * same stream. Ports get two things wrong: Commons RNG's {@code MersenneTwister} seeds through
 * {@code init_by_array}, and Commons Math 3's {@code MersenneTwister(int)} sign-extends the seed, which
 * matches torch only when the low 32 bits are below 2^31.
 *
 * <p>{@link #nextInt()} returns the raw 32-bit output ({@code CPUGeneratorImpl::random()}); read it as
 * unsigned with {@link Integer#toUnsignedLong(int)}. The generator is mutable and not thread-safe: make
 * one per thread or per call. Cost: 624 multiplications to seed, then a few nanoseconds per output.
 *
 * <p>Source: M. Matsumoto and T. Nishimura, "Mersenne Twister: a 623-dimensionally equidistributed
 * uniform pseudo-random number generator", ACM TOMACS 8(1):3-30, 1998; seeding as in
 * {@code pytorch/pytorch@0958451:aten/src/ATen/core/MT19937RNGEngine.h}.
 *
 * @since 0.1.0
 */
public final class TorchCpuRandom {

    /** Words of state, and outputs per twist. */
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state;
    /** {@code state[k + 1]} before a twist: a separate array so that the twist loop vectorises (see {@link #twist}). */
    private final int[] successors = new int[N];
    /** {@code ahead[k]}: the word step {@code k} of a twist reads {@code M} ahead ({@code N - M} behind once new). */
    private final int[] ahead = new int[N];
    private int next;

    /**
     * Creates a generator as {@code torch.Generator("cpu").manual_seed(seed)} does.
     *
     * @param seed the 64-bit seed, read as unsigned; only its low 32 bits are used (as in torch)
     */
    public TorchCpuRandom(long seed) {
        state = seededState(seed);
        next = N;
    }

    /**
     * Returns the next raw 32-bit output, {@code CPUGeneratorImpl::random()}.
     *
     * @return 32 random bits; read as unsigned with {@link Integer#toUnsignedLong(int)}
     */
    public int nextInt() {
        if (next == N) {
            twist();
            next = 0;
        }
        return temper(state[next++]);
    }

    /**
     * Twists the state and hands out the whole block: outputs {@code i .. i + 623} of the stream are
     * {@link #temper temper}{@code (block[0 .. 623])}, where {@code i} is the number of outputs consumed
     * so far rounded up to a multiple of 624. For callers that read the stream 624 words at a time;
     * the array is the generator's own state, valid until the next call, and must not be written.
     */
    int[] nextBlock() {
        twist();
        next = N;
        return state;
    }

    /**
     * Returns torch's float32 {@code torch.rand} draw: one 32-bit output {@code u}, then
     * {@code (u & 0xFFFFFF) * 2^-24}, so the value lies in [0, 1) on a grid of 2^-24.
     *
     * @return the next uniform float
     */
    public float nextFloat() {
        return (nextInt() & 0xFFFFFF) * 0x1p-24f;
    }

    /** The 624-word state after {@code init_genrand(seed & 0xffffffff)}; its first twist yields outputs 0..623. */
    private static int[] seededState(long seed) {
        int[] mt = new int[N];
        int s = (int) seed;
        mt[0] = s;
        for (int j = 1; j < N; j++) {
            s = 1812433253 * (s ^ (s >>> 30)) + j;
            mt[j] = s;
        }
        return mt;
    }

    /**
     * Regenerates the 624 words in place; the next 624 outputs are {@code temper(state[0..623])}. Word
     * {@code k} becomes {@code step(state[k], state[k + 1], state[k + M])} with the indices taken mod 624,
     * where the words {@code k + 1 = 624} and {@code k + M >= 624} are the ones already regenerated.
     *
     * <p>Why the copies: HotSpot 17's loop vectoriser gives up on a loop that reads one array at two
     * offsets ({@code state[k]} and {@code state[k + 1]}) or several arrays at different offsets, and this
     * twist is a fifth of a green-list walk's cost. With the successors and the words ahead copied to the
     * same index {@code k} of arrays of their own, each stretch is a loop it vectorises (about 6 times faster
     * on AVX2); the stretches are {@code N - M} words long because word {@code k} may read word
     * {@code k - (N - M)} of the same twist.
     */
    private void twist() {
        System.arraycopy(state, 1, successors, 0, N - 1);
        System.arraycopy(state, M, ahead, 0, N - M);
        for (int from = 0; from < N - 1; from += N - M) {
            int to = Math.min(from + (N - M), N - 1);
            if (from > 0) {
                System.arraycopy(state, from - (N - M), ahead, from, to - from);
            }
            for (int k = from; k < to; k++) {
                state[k] = step(state[k], successors[k], ahead[k]);
            }
        }
        state[N - 1] = step(state[N - 1], state[0], state[M - 1]);
    }

    /** One MT19937 recurrence step: the upper bit of {@code word}, the lower 31 of {@code successor}. */
    private static int step(int word, int successor, int ahead) {
        int y = (word & UPPER_MASK) | (successor & LOWER_MASK);
        return ahead ^ (y >>> 1) ^ (((y << 31) >> 31) & MATRIX_A);
    }

    /** The MT19937 output tempering of one state word. */
    static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    @Override
    public String toString() {
        return "TorchCpuRandom[mt19937, torch CPU seeding]";
    }
}
