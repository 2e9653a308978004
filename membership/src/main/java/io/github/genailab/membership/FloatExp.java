package io.github.genailab.membership;

/**
 * Constants of the float exponentials that the float kernels evaluate lane by lane, in two forms.
 *
 * <p><b>Natural-log reduction</b> ({@link FloatLogitRows}, written so that HotSpot's auto-vectoriser
 * handles it: no fused multiply-add, no int/float reinterpretation):
 * <pre>
 *   e^y = 2^n e^f,   n = round(y / ln 2),   f = (y - n LN2_HI) - n LN2_LO,   |f| &lt;= ln 2 / 2
 *   e^f ~ 1 + f + f^2 (P0 + P1 f + ... + P5 f^5)
 * </pre>
 * Cody–Waite reduction (ln 2 split so that {@code n * LN2_HI} is exact), rounding to an integer by
 * adding and subtracting {@link #ROUND} = 1.5 * 2^23, and the Cephes {@code expf} polynomial
 * (S. L. Moshier, Cephes Math Library, {@code expf.c}): relative error below 1e-7 on the reduced range.
 * After {@code m = y / ln 2 + ROUND}, the low bits of the float {@code m} hold {@code n}, so
 * {@code 2^n} is the float with bits {@code (bits(m) - ROUND_BITS + 127) << 23}.
 *
 * <p><b>Base-2 reduction</b> ({@code VectorLogitRows}, fewer operations when fused multiply-add and
 * lane-wise integer arithmetic are available):
 * <pre>
 *   m = fma(y, LOG2E, ROUND),   n = m - ROUND = round(y LOG2E),   f = fma(y, LOG2E, -n),   |f| &lt;= 1/2
 *   e^y ~ 2^n (1 + B1 f + B2 f^2 + ... + B5 f^5)
 * </pre>
 * The polynomial is a minimax fit of 2^f on [-1/2, 1/2] for relative error
 * ({@code tools/exp2-fit/fit_exp2.py}); with float coefficients and float fused multiply-adds its
 * relative error stays below 1.7e-7 (checked there on 2,000,001 points). The result's bits are
 * {@code bits(2^f) + (bits(m) << 23)}: since {@code ROUND_BITS << 23} is 0 in 32-bit arithmetic, that
 * adds n to the exponent field, exact while the result is a normal float, which the kernels' floor
 * y &gt;= -87 guarantees: n = -126 only when f &gt;= 0.48, so the result is at least 1.39 * 2^-126.
 *
 * <p>{@code LOG2E} is log2(e) rounded to float, 1.33e-8 too small relatively, so the base-2 form
 * returns {@code e^((1 - 1.33e-8) y)}: one more relative error of at most {@code 1.33e-8 |y|} per
 * value, below the polynomial's 1.7e-7 for every {@code |y| < 12} (the values that carry the weight)
 * and 1.2e-6 at the floor y = -87, where the weight is 1.6e-38.
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

    static final float B1 = 0.6931470036506653f;
    static final float B2 = 0.24022242426872253f;
    static final float B3 = 0.05550733953714371f;
    static final float B4 = 0.009671533480286598f;
    static final float B5 = 0.001326470053754747f;

    private FloatExp() {
    }
}
