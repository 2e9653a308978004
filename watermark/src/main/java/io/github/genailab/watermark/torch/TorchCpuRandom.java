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
            twist(state);
            next = 0;
        }
        return temper(state[next++]);
    }

    /** The 624-word state after {@code init_genrand(seed & 0xffffffff)}; its first twist yields outputs 0..623. */
    /**
     * Returns torch's float32 {@code torch.rand} draw: one 32-bit output {@code u}, then
     * {@code (u & 0xFFFFFF) * 2^-24}, so the value lies in [0, 1) on a grid of 2^-24.
     *
     * @return the next uniform float
     */
    public float nextFloat() {
        return (nextInt() & 0xFFFFFF) * 0x1p-24f;
    }

    static int[] seededState(long seed) {
        int[] mt = new int[N];
        int s = (int) seed;
        mt[0] = s;
        for (int j = 1; j < N; j++) {
            s = 1812433253 * (s ^ (s >>> 30)) + j;
            mt[j] = s;
        }
        return mt;
    }

    /** Regenerates the 624 words in place; the next 624 outputs are {@code temper(mt[0..623])}. */
    static void twist(int[] mt) {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >>> 1) ^ ((-(y & 1)) & MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ ((-(y & 1)) & MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((-(y & 1)) & MATRIX_A);
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
