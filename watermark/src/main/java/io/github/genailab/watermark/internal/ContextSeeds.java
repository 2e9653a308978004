package io.github.genailab.watermark.internal;

import io.github.genailab.core.math.Checks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The per-step seed of the distribution-preserving watermarks (Hu et al.'s Unbiased watermark, Wu et al.'s
 * DiPmark), bit for bit as their reference code derives it:
 * <pre>
 *   seed = int(sha256(int64_le(x[-n]) ... int64_le(x[-1]) || key), byteorder="big") mod (2^32 - 1)
 * </pre>
 * over the previous {@code n} tokens (fewer at the start of a text), the seed of a CPU {@code torch.Generator}
 * that draws the step's permutation. Reference: {@code xiaoniu-578fa6bff964d005/UnbiasedWatermark@050eee1},
 * {@code unbiased_watermark/transformers.py} ({@code get_rng_seed}) and {@code contextcode.py}
 * ({@code PrevN_ContextCodeExtractor}).
 */
public final class ContextSeeds {

    private static final long MODULUS = 0xFFFF_FFFFL;

    private final byte[] key;
    private final int contextWidth;

    /**
     * Prepares seeds for one key and context width.
     *
     * @param key the secret key bytes (not modified)
     * @param contextWidth n, {@code >= 1}
     */
    public ContextSeeds(byte[] key, int contextWidth) {
        this.key = Checks.notNull(key, "key").clone();
        this.contextWidth = Checks.positive(contextWidth, "contextWidth");
    }

    /**
     * Returns the 8 big-endian bytes of {@code key}: how a numeric key becomes key bytes.
     *
     * @param key the key
     * @return 8 bytes
     */
    public static byte[] bytesOf(long key) {
        return ByteBuffer.allocate(8).putLong(key).array();
    }

    /**
     * Returns a copy of the key bytes.
     *
     * @return the key
     */
    public byte[] key() {
        return key.clone();
    }

    /**
     * Returns the context width n.
     *
     * @return n
     */
    public int contextWidth() {
        return contextWidth;
    }

    /**
     * Returns the seed of the step at {@code length}: sha256 over {@code tokens[max(0, length - n), length)}
     * and the key, mod 2^32 - 1.
     *
     * @param tokens the text so far
     * @param length the position of the token being chosen or scored
     * @return the seed, in [0, 2^32 - 1)
     */
    public long seed(int[] tokens, int length) {
        int from = Math.max(0, length - contextWidth);
        ByteBuffer context = ByteBuffer.allocate(8 * (length - from)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < length; i++) {
            context.putLong(tokens[i]);
        }
        MessageDigest sha = sha256();
        sha.update(context.array());
        sha.update(key);
        byte[] digest = sha.digest();
        // int.from_bytes(digest, "big") mod (2^32 - 1): fold the 256-bit number 32 bits at a time.
        long r = 0;
        for (int i = 0; i < digest.length; i += 4) {
            long word = ((digest[i] & 0xFFL) << 24) | ((digest[i + 1] & 0xFFL) << 16) | ((digest[i + 2] & 0xFFL) << 8)
                    | (digest[i + 3] & 0xFFL);
            r = Long.remainderUnsigned((r << 32) + word, MODULUS); // < 2^64 unsigned: r < 2^32 - 1
        }
        return r;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
