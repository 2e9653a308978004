package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.util.random.RandomGenerator;

/**
 * The 128-bit secret key of a {@link KeyedScheme}, the two 64-bit halves of a SipHash-2-4 key.
 *
 * <p>Whoever holds the key can detect the watermark, and also forge it, so keep it out of logs:
 * {@link #toString()} never prints it (nor does any scheme or result that holds it).
 *
 * @param k0 the first 64 key bits (SipHash's {@code k0}, key bytes 0-7 little-endian)
 * @param k1 the second 64 key bits (SipHash's {@code k1}, key bytes 8-15 little-endian)
 *
 * @since 0.1.0
 */
public record WatermarkKey(long k0, long k1) {

    /**
     * Draws a fresh key from a generator (use a {@link java.security.SecureRandom} in deployment and a
     * seeded generator in teaching).
     *
     * @param rng the source of randomness
     * @return a new key
     * @throws NullPointerException if {@code rng} is null
     */
    public static WatermarkKey random(RandomGenerator rng) {
        Checks.notNull(rng, "rng");
        return new WatermarkKey(rng.nextLong(), rng.nextLong());
    }

    /**
     * Returns a key with the given halves.
     *
     * @param k0 the first 64 key bits
     * @param k1 the second 64 key bits
     * @return the key
     */
    public static WatermarkKey of(long k0, long k1) {
        return new WatermarkKey(k0, k1);
    }

    /**
     * Prints no key material.
     *
     * @return {@code "WatermarkKey[hidden]"}
     */
    @Override
    public String toString() {
        return "WatermarkKey[hidden]";
    }
}
