package io.github.genailab.core.internal;

/**
 * The library's one fast float exponential: the constants that the float kernels of {@code membership}
 * (logit statistics) and {@code contrastive} (similarity strips) evaluate lane by lane, and the
 * auto-vectorised row form {@link #expAffine}. In two forms.
 *
 *
 * <p><b>Natural-log reduction</b> ({@code FloatLogitRows} of membership, and {@link #expAffine} for the contrastive strips, written so that HotSpot's auto-vectoriser
 * handles it: no fused multiply-add, no int/float reinterpretation):
 * <pre>
 *   e^y = 2^n e^f,   n = round(y / ln 2),   f = (y - n LN2_HI) - n LN2_LO,   |f| &lt;= ln 2 / 2
 *   e^f ~ 1 + f + f^2 (P0 + P1 f + ... + P5 f^5)
 * </pre>
 * Cody–Waite reduction (ln 2 split as Cephes does, {@code LN2_HI = 0.693359375} with 9 significant bits, so that {@code n * LN2_HI} is exact), rounding to an integer by
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
 *
 * <p>Accuracy of the natural-log form, checked against {@code Math.exp} on every float in
 * {@code [-87.3, 88.3]} (contrastive's {@code FloatKernelsTest} samples it in CI): relative error
 * at most 8.6e-8 (1.03 ulp). The argument itself is rounded to float first, which for {@code |x|} up to
 * 80 costs up to {@code ulp(80) / 2 = 3.8e-6} in absolute terms, i.e. that much relative error in the
 * result; callers keep {@code |x|} small where it matters.
 *
 * <p>Structure of {@link #expAffine}: the reduction and the polynomial form one small, branch-free loop
 * of float multiplies
 * and fused multiply-adds, which superword vectorises; building {@code 2^q} needs float-to-int bit
 * moves, which it does not vectorise in JDK 17, so that runs as a second, scalar loop of three integer
 * operations per element (about 0.3 ns). Every array in a loop is indexed by the same {@code j}:
 * superword gives up on loops that read and write two {@code float[]} arrays at different offsets,
 * because it cannot rule out that they are the same array.
 *
 * @since 0.1.0
 */
public final class FloatExp {

    /** {@code exp(x)} is a normal float for {@code x} in {@code [-MAX_ARGUMENT, MAX_ARGUMENT]} and more. */
    public static final float MAX_ARGUMENT = 87;
    /** 1.5 * 2^23: adding and subtracting it rounds a float to the nearest integer. */
    public static final float ROUND = 12582912f;
    /** {@code Float.floatToRawIntBits(ROUND)}. */
    public static final int ROUND_BITS = 0x4B400000;
    /** log2(e) rounded to float. */
    public static final float LOG2E = 1.44269504f;
    /** The high part of ln 2 (Cephes' C1; 9 significant bits, so {@code n * LN2_HI} is exact). */
    public static final float LN2_HI = 0.693359375f;
    /** The low part of ln 2 (Cephes' C2): {@code LN2_HI + LN2_LO = ln 2} to float precision. */
    public static final float LN2_LO = -2.12194440e-4f;
    /** Cephes {@code expf} polynomial coefficient of r^5. */
    public static final float P0 = 1.9875691500e-4f;
    /** Cephes {@code expf} polynomial coefficient of r^4. */
    public static final float P1 = 1.3981999507e-3f;
    /** Cephes {@code expf} polynomial coefficient of r^3. */
    public static final float P2 = 8.3334519073e-3f;
    /** Cephes {@code expf} polynomial coefficient of r^2. */
    public static final float P3 = 4.1665795894e-2f;
    /** Cephes {@code expf} polynomial coefficient of r. */
    public static final float P4 = 1.6666665459e-1f;
    /** Cephes {@code expf} polynomial constant term. */
    public static final float P5 = 5.0000001201e-1f;
    /** Minimax 2^f on [-1/2, 1/2], coefficient of f. */
    public static final float B1 = 0.6931470036506653f;
    /** Minimax 2^f on [-1/2, 1/2], coefficient of f^2. */
    public static final float B2 = 0.24022242426872253f;
    /** Minimax 2^f on [-1/2, 1/2], coefficient of f^3. */
    public static final float B3 = 0.05550733953714371f;
    /** Minimax 2^f on [-1/2, 1/2], coefficient of f^4. */
    public static final float B4 = 0.009671533480286598f;
    /** Minimax 2^f on [-1/2, 1/2], coefficient of f^5. */
    public static final float B5 = 0.001326470053754747f;

    private FloatExp() {
    }

    /**
     * {@code x[j] = exp(a * x[j] + b)} for {@code j < n}.
     *
     * @param x       values, replaced by the exponentials
     * @param n       number of leading elements to transform
     * @param a       scale of the argument
     * @param b       offset of the argument; callers guarantee {@code |a x[j] + b| <= MAX_ARGUMENT}
     * @param scratch at least {@code n} elements, overwritten (holds {@code q} between the two loops)
     */
    public static void expAffine(float[] x, int n, float a, float b, float[] scratch) {
        for (int j = 0; j < n; j++) {
            float v = Math.fma(x[j], a, b);
            float q = Math.fma(v, LOG2E, ROUND) - ROUND;
            float r = Math.fma(q, -LN2_HI, v);
            r = Math.fma(q, -LN2_LO, r);
            float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P0, r, P1), r, P2), r, P3), r, P4), r, P5);
            x[j] = Math.fma(p * r, r, r) + 1;
            scratch[j] = q;
        }
        for (int j = 0; j < n; j++) {
            int biased = Float.floatToRawIntBits(scratch[j] + ROUND) - ROUND_BITS + 127;
            x[j] *= Float.intBitsToFloat(biased << 23);
        }
    }
}
