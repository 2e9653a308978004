package io.github.genailab.watermark.internal;

import io.github.genailab.core.lm.TokenRule;
import io.github.genailab.watermark.torch.TorchCpuRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * The keyed uniforms of the sampling-replacing families that seed on a window of previous tokens (Aaronson's
 * EXP, Permute-and-Flip): {@code r = torch.rand(V)} in float32 on a CPU generator seeded from the window.
 * <pre>
 *   hash chain (Fernandez et al.'s Three Bricks, facebookresearch/three_bricks@ee9c7a2):
 *       s = 0; for x in window: s = (s * key + x) mod (2^64 - 1)        (exact unsigned arithmetic)
 *   product (MarkLLM's EXP, THU-BPM/MarkLLM@112fa74):  s = key * (prod of the window's ids mod V)
 * </pre>
 * torch keeps the low 32 bits of the seed. Immutable and thread-safe.
 */
public final class WindowKeys {

    /** How a window becomes a seed. */
    public enum Seeding {
        /** Three Bricks' hash chain. */
        HASH_CHAIN,
        /** MarkLLM's product of the ids modulo V, times the key. */
        PRODUCT
    }

    /** A keyed choice that replaces sampling: the token chosen from the distribution p and the uniforms r. */
    @FunctionalInterface
    public interface Choice {
        /**
         * Chooses a token.
         *
         * @param p the model's distribution (at the generation temperature)
         * @param r the window's V uniforms
         * @return the token
         */
        int choose(double[] p, float[] r);
    }

    /** The per-token term of a detector, a function of the token's uniform. */
    @FunctionalInterface
    public interface Term {
        /**
         * Returns the term of one scored token.
         *
         * @param r the token's uniform
         * @return its contribution to the sum
         */
        double of(float r);
    }

    private final int vocabularySize;
    private final long key;
    private final int width;
    private final Seeding seeding;

    /**
     * Prepares keyed uniforms.
     *
     * @param vocabularySize V
     * @param key the key (salt), {@code >= 0}
     * @param width the window, {@code >= 1}
     * @param seeding the seeding rule
     */
    public WindowKeys(int vocabularySize, long key, int width, Seeding seeding) {
        this.vocabularySize = vocabularySize;
        this.key = key;
        this.width = width;
        this.seeding = seeding;
    }

    /**
     * Returns the seed of the window {@code tokens[length - width, length)}; {@code length >= width}.
     *
     * @param tokens the text
     * @param length the position the window precedes
     * @return the seed (an unsigned 64-bit value for the hash chain)
     */
    public long seed(int[] tokens, int length) {
        if (seeding == Seeding.PRODUCT) {
            long product = 1;
            for (int i = length - width; i < length; i++) {
                product = product * tokens[i] % vocabularySize;
            }
            return key * product;
        }
        long s = 0;
        for (int i = length - width; i < length; i++) {
            s = mulAddMod(s, key, tokens[i]);
        }
        return s;
    }

    /**
     * Returns {@code (s * salt + x) mod (2^64 - 1)} on unsigned values, as Python's exact integers give it.
     *
     * @param s the running seed (unsigned)
     * @param salt the salt, {@code >= 0}
     * @param x the next id, {@code >= 0}
     * @return the new seed (unsigned)
     */
    public static long mulAddMod(long s, long salt, int x) {
        long lo = s * salt;
        long hi = Math.multiplyHigh(s, salt) + ((s >> 63) & salt);
        // 2^64 = 1 (mod 2^64 - 1): fold the high word onto the low one, then the carries.
        long sum = lo + hi;
        sum += Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        long withX = sum + x;
        withX += Long.compareUnsigned(withX, sum) < 0 ? 1 : 0;
        return withX == -1L ? 0 : withX;
    }

    /**
     * Returns {@code torch.rand(V)} in float32 for a seed.
     *
     * @param seed the seed
     * @return V uniforms on the 2^-24 grid
     */
    public float[] uniforms(long seed) {
        TorchCpuRandom random = new TorchCpuRandom(seed);
        float[] r = new float[vocabularySize];
        for (int v = 0; v < r.length; v++) {
            r[v] = random.nextFloat();
        }
        return r;
    }

    /**
     * Returns the uniform of one token for a seed, drawing only the first {@code token + 1} values.
     *
     * @param seed the seed
     * @param token the token
     * @return {@code uniforms(seed)[token]}
     */
    public float uniform(long seed, int token) {
        TorchCpuRandom random = new TorchCpuRandom(seed);
        float r = 0;
        for (int v = 0; v <= token; v++) {
            r = random.nextFloat();
        }
        return r;
    }

    /**
     * Returns the distribution a keyed choice draws token {@code length} from: the point mass on
     * {@code choice(p, r)}, or p itself before the first full window.
     *
     * @param tokens the text so far
     * @param length the position of the next token
     * @param p the model's distribution at the generation temperature
     * @param choice the keyed choice
     * @return a probability vector
     */
    public double[] distribution(int[] tokens, int length, double[] p, Choice choice) {
        return length < width ? p : Distributions.pointMass(choice.choose(p, uniforms(seed(tokens, length))),
                vocabularySize);
    }

    /**
     * Returns the per-call generation rule of a keyed choice: sampling from p before the first full window and,
     * when {@code firstWindowsOnly}, at a window already used in this generation; the keyed choice elsewhere.
     *
     * @param temperature the generation temperature
     * @param firstWindowsOnly whether a repeated window is left unwatermarked
     * @param choice the keyed choice
     * @return a fresh rule (it remembers the windows of one generation)
     */
    public TokenRule rule(double temperature, boolean firstWindowsOnly, Choice choice) {
        Set<Long> seen = new HashSet<>();
        return (tokens, length, logits, random) -> {
            double[] p = Distributions.softmax(logits, temperature);
            if (length < width) {
                return Distributions.sample(p, random);
            }
            long seed = seed(tokens, length);
            if (firstWindowsOnly && !seen.add(seed)) {
                return Distributions.sample(p, random);
            }
            return choice.choose(p, uniforms(seed));
        };
    }

    /**
     * Sums {@code term(r[x_t])} over the positions {@code t >= firstScored} (each with a full window), each
     * window's first occurrence only when {@code firstWindowsOnly}.
     *
     * @param tokens the text
     * @param firstScored the first scored position, {@code >= width}
     * @param firstWindowsOnly whether a repeated window is skipped
     * @param term the per-token term
     * @return {sum, number of scored tokens}
     */
    public double[] sum(int[] tokens, int firstScored, boolean firstWindowsOnly, Term term) {
        Set<Long> seen = new HashSet<>();
        double sum = 0;
        int scored = 0;
        for (int t = firstScored; t < tokens.length; t++) {
            long seed = seed(tokens, t);
            if (firstWindowsOnly && !seen.add(seed)) {
                continue;
            }
            sum += term.of(uniform(seed, tokens[t]));
            scored++;
        }
        return new double[] {sum, scored};
    }
}
