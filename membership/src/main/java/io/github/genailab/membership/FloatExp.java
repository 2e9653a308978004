package io.github.genailab.membership;

/**
 * Constants of the float exponential that both float kernels evaluate lane by lane:
 * <pre>
 *   e^y = 2^n e^f,   n = round(y / ln 2),   f = (y - n LN2_HI) - n LN2_LO,   |f| &lt;= ln 2 / 2
 *   e^f ~ 1 + f + f^2 (P0 + P1 f + ... + P5 f^5)
 * </pre>
 * Cody–Waite reduction (ln 2 split so that {@code n * LN2_HI} is exact), rounding to an integer by
 * adding and subtracting {@link #ROUND} = 1.5 * 2^23, and the Cephes {@code expf} polynomial
 * (S. L. Moshier, Cephes Math Library, {@code expf.c}): relative error below 1e-7 on the reduced range.
 * After {@code m = y / ln 2 + ROUND}, the low bits of the float {@code m} hold {@code n}, so
 * {@code 2^n} is the float with bits {@code (bits(m) - ROUND_BITS + 127) << 23}.
 */
final class FloatExp {

    static final float ROUND = 12582912f;
    static final int ROUND_BITS = 0x4B400000; // Float.floatToRawIntBits(ROUND)
    static final float LOG2E = 1.44269504f;
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187e-06f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private FloatExp() {
    }
}
