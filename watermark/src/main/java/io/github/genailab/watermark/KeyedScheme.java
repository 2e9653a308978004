package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * Our own fast, secret-keyed green-list scheme for new work: membership costs nanoseconds instead of the
 * reference's thousands of generator draws. It does <b>not</b> interoperate with
 * {@code jwkirchenbauer/lm-watermarking} or HuggingFace: text watermarked with one is not detected by the other.
 *
 * <pre>
 *   contextKey = SipHash-2-4(key, window[-h:])             a secret 64-bit key per context
 *   plain:      green(t) iff mix(contextKey, t) &lt; gamma * 2^64     (unsigned; each t green w.p. gamma)
 *   exact-size: green(t) iff pi_contextKey(t) &lt; k,  k = floor(gamma V)
 *               pi = 4-round Feistel permutation of [0, 2^(2m)) keyed by contextKey, cycle-walked into [0, V)
 * </pre>
 *
 * <p>Why it is safe to use a fast mixer per token: every context gets an independent pseudo-random 64-bit key
 * from SipHash (a keyed cryptographic PRF), so seeing the green list of one context says nothing about any
 * other; the per-token function ({@code mix}, the SplitMix64 finaliser) only has to spread one context's key
 * over the vocabulary. Without the 128-bit {@link WatermarkKey} nobody can compute green lists, which is what
 * stops forgery and "watermark stealing"; with it anybody can, so keep it secret. The key is never printed.
 *
 * <p>Statistics: under H0 (text written without the key) each scored token is green with probability
 * {@code gamma} (up to 2^-64) in the plain variant, so the detector's z-test is unchanged; there the list size
 * is Binomial(V, gamma) per context. The exact-size variant has {@code |G| = k} for every context, like the
 * reference.
 *
 * <p>Costs at {@code V = 50,257}: membership one SipHash of {@code h} ids plus one mix (plain) or about
 * 1.3 Feistel evaluations (exact); a whole list {@code V} mixes (plain) or {@code k} inverse Feistel evaluations
 * (exact). Immutable and thread-safe.
 *
 * <p>References: J.-P. Aumasson, D. J. Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT 2012; M. Luby,
 * C. Rackoff, "How to construct pseudorandom permutations from pseudorandom functions", SIAM J. Comput.
 * 17(2), 1988; J. Black, P. Rogaway, "Ciphers with arbitrary finite domains", CT-RSA 2002 (cycle walking).
 *
 * @serial exclude
 * @since 0.1.0
 */
public final class KeyedScheme extends WatermarkScheme {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int FEISTEL_ROUNDS = 4;

    private final transient WatermarkKey key;
    private final boolean exactSize;
    /** Plain variant: green iff mix(contextKey, t) is below this, read as unsigned (floor(gamma 2^64)). */
    private final long threshold;
    /** Exact variant: the Feistel half width m, with V &lt;= 2^(2m). */
    private final int halfBits;

    KeyedScheme(WatermarkKey key, int contextWidth, boolean selfSalted, int vocabularySize, double gamma,
            double delta, boolean exactSize) {
        super(vocabularySize, gamma, delta, contextWidth, selfSalted);
        this.key = Checks.notNull(key, "key");
        this.exactSize = exactSize;
        this.threshold = new BigDecimal(gamma).multiply(new BigDecimal(2).pow(64)).toBigInteger().longValue();
        int bits = 32 - Integer.numberOfLeadingZeros(vocabularySize - 1);
        this.halfBits = Math.max(1, (bits + 1) / 2);
    }

    @Override
    public String name() {
        return "keyed" + (exactSize ? "-exact" : "") + "-h" + contextWidth() + (selfSalted() ? "-selfsalt" : "");
    }

    /**
     * Tells whether every green list has exactly {@code floor(gamma V)} members.
     *
     * @return true for {@link WatermarkScheme#keyedExactSize}, false for {@link WatermarkScheme#keyed}
     */
    public boolean exactSize() {
        return exactSize;
    }

    /**
     * Returns this scheme with another generation bias (same green lists).
     *
     * @param delta the generation bias, finite and {@code >= 0}
     * @return a new scheme
     * @throws IllegalArgumentException if {@code delta} is negative or not finite
     */
    @Override
    public KeyedScheme withDelta(double delta) {
        return new KeyedScheme(key, contextWidth(), selfSalted(), vocabularySize(), gamma(), delta, exactSize);
    }

    private long contextKey(int[] tokens, int start) {
        return SipHash.hash(key.k0(), key.k1(), tokens, start, contextWidth());
    }

    @Override
    boolean isGreenAt(int[] tokens, int start, int token) {
        long ck = contextKey(tokens, start);
        return exactSize ? permute(ck, token) < greenListSize() : Long.compareUnsigned(SipHash.mix(ck, token), threshold) < 0;
    }

    /**
     * Plain variant: ascending ids. Exact-size variant: ids in rank order ({@code pi^-1(0), pi^-1(1), ...}).
     */
    @Override
    int[] greenListAt(int[] tokens, int start) {
        long ck = contextKey(tokens, start);
        if (exactSize) {
            int[] out = new int[greenListSize()];
            for (int r = 0; r < out.length; r++) {
                out[r] = unpermute(ck, r);
            }
            return out;
        }
        int v = vocabularySize();
        int[] buffer = new int[v];
        int n = 0;
        long bound = threshold + Long.MIN_VALUE; // unsigned comparison as a signed one, branch-free compaction
        for (int t = 0; t < v; t++) {
            buffer[n] = t;
            n += (SipHash.mix(ck, t) + Long.MIN_VALUE) < bound ? 1 : 0;
        }
        return Arrays.copyOf(buffer, n);
    }

    /**
     * Plain variant, branch-free in blocks of {@link SipHash#MIX_BLOCK} tokens: one loop computes the mixes,
     * a second adds {@code delta} or {@code +0.0} to every logit. Both loops vectorise (JMH: about 3x faster
     * than testing tokens one at a time and touching only the green logits); adding {@code +0.0} leaves a
     * red logit's value unchanged, including {@code -Infinity}.
     */
    @Override
    void addToGreenLogits(int[] tokens, int start, double[] logits, double delta) {
        if (exactSize) {
            super.addToGreenLogits(tokens, start, logits, delta);
            return;
        }
        long ck = contextKey(tokens, start);
        long deltaBits = Double.doubleToRawLongBits(delta);
        long[] mixes = new long[SipHash.MIX_BLOCK];
        for (int base = 0; base < logits.length; base += SipHash.MIX_BLOCK) {
            int n = Math.min(SipHash.MIX_BLOCK, logits.length - base);
            SipHash.mixBlock(ck, base, mixes, n);
            for (int i = 0; i < n; i++) {
                logits[base + i] += Double.longBitsToDouble(deltaBits & belowThresholdMask(mixes[i]));
            }
        }
    }

    /**
     * All ones if {@code x < threshold} as unsigned 64-bit numbers, else zero: the borrow of {@code x - threshold}
     * (Warren, Hacker's Delight, 2nd ed., section 2-13), spread over the word by an arithmetic shift. Unlike
     * {@link Long#compareUnsigned} it has no branch, so loops using it vectorise.
     */
    private long belowThresholdMask(long x) {
        return ((~x & threshold) | (~(x ^ threshold) & (x - threshold))) >> 63;
    }

    /** pi restricted to [0, V) by cycle walking: apply the Feistel permutation until the value is below V. */
    private int permute(long contextKey, int token) {
        int x = token;
        do {
            x = feistel(contextKey, x, true);
        } while (x >= vocabularySize());
        return x;
    }

    /** The inverse of {@link #permute}: walk the inverse Feistel permutation back into [0, V). */
    private int unpermute(long contextKey, int rank) {
        int x = rank;
        do {
            x = feistel(contextKey, x, false);
        } while (x >= vocabularySize());
        return x;
    }

    /** One pass of the balanced Feistel network on 2m bits, forward or inverse. */
    private int feistel(long contextKey, int x, boolean forward) {
        int mask = (1 << halfBits) - 1;
        int left = x >>> halfBits;
        int right = x & mask;
        for (int i = 0; i < FEISTEL_ROUNDS; i++) {
            int round = forward ? i : FEISTEL_ROUNDS - 1 - i;
            if (forward) {
                int f = roundFunction(contextKey, round, right, mask);
                int newRight = left ^ f;
                left = right;
                right = newRight;
            } else {
                int f = roundFunction(contextKey, round, left, mask);
                int newLeft = right ^ f;
                right = left;
                left = newLeft;
            }
        }
        return (left << halfBits) | right;
    }

    private static int roundFunction(long contextKey, int round, int half, int mask) {
        return (int) SipHash.mix(contextKey + (round + 1) * 0xD1B54A32D192ED03L, half) & mask;
    }

    /** Serialised as its parameters, the key included. */
    @Serial
    private Object writeReplace() {
        return new Form(key.k0(), key.k1(), contextWidth(), selfSalted(), vocabularySize(), gamma(), delta(), exactSize);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a KeyedScheme is read through its serialised form");
    }

    /** The serialised form: the constructor's arguments, validated again by {@link #readResolve()}. */
    private record Form(long k0, long k1, int contextWidth, boolean selfSalted, int vocabularySize, double gamma,
            double delta, boolean exactSize) implements Serializable {

        @Serial
        private Object readResolve() {
            return new KeyedScheme(WatermarkKey.of(k0, k1), contextWidth, selfSalted, vocabularySize, gamma, delta,
                    exactSize);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyedScheme k && sameCommonParameters(k) && key.equals(k.key) && exactSize == k.exactSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), key, exactSize);
    }

    /**
     * One line with the variant and parameters; the key is not printed.
     *
     * @return e.g. {@code "KeyedScheme[keyed-h1: V=4096, gamma=0.25 (k=1024), delta=2.0, h=1, key hidden]"}
     */
    @Override
    public String toString() {
        return "KeyedScheme[" + name() + ": " + commonParameters() + (exactSize ? ", |G| = k exactly" : "")
                + ", key hidden]";
    }
}
