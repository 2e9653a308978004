package io.github.genailab.watermark.attack;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The copy-paste attack of Kirchenbauer et al. ("On the Reliability of Watermarks for Large Language
 * Models", ICLR 2024, Sec. 4): a few spans of watermarked text pasted into human text, so that the watermark
 * covers only a fraction of what is tested.
 *
 * <pre>
 *   n = min(|watermarked|, |human|);  k spans of length floor(fraction n / k), non-overlapping, at offsets drawn
 *   uniformly in [0, n) and redrawn until no two spans overlap and every span ends before n;
 *   out = human[0, n) with out[o, o + t) = watermarked[o, o + t) for each span (same positions in both texts)
 * </pre>
 * As the reference's {@code k_insertion_t_len} ({@code jwkirchenbauer/lm-watermarking@fb602de},
 * {@code watermark_reliability_release/utils/copy_paste_attack.py}), with the offsets drawn from the caller's
 * generator. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CopyPaste {

    /** The most rejection rounds before the offsets are declared impossible to place. */
    private static final int MAX_ROUNDS = 10_000;

    private CopyPaste() {
    }

    /**
     * Pastes {@code spans} spans of watermarked tokens, {@code fraction} of the text in total, into the human
     * text at the same positions.
     *
     * @param watermarked the watermarked tokens (not modified)
     * @param human the human tokens (not modified)
     * @param fraction the watermarked share of the result, in [0, 1]
     * @param spans the number of spans, {@code >= 1}
     * @param rng the generator of the offsets
     * @return a new array of length {@code min(|watermarked|, |human|)}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1], {@code spans < 1}, or the spans
     *     cannot be placed without overlap
     */
    public static int[] apply(int[] watermarked, int[] human, double fraction, int spans, RandomGenerator rng) {
        Checks.notNull(watermarked, "watermarked");
        Checks.notNull(human, "human");
        Checks.inClosedInterval(fraction, 0, 1, "fraction");
        Checks.positive(spans, "spans");
        Checks.notNull(rng, "rng");
        int n = Math.min(watermarked.length, human.length);
        int length = (int) (fraction * n / spans);
        int[] out = Arrays.copyOf(human, n);
        if (length == 0) {
            return out;
        }
        if ((long) spans * length >= n) {
            throw Checks.fail("fraction", "leave room for " + spans + " non-overlapping spans in " + n + " tokens",
                    fraction);
        }
        int[] offsets = new int[spans];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            for (int i = 0; i < spans; i++) {
                offsets[i] = rng.nextInt(n);
            }
            if (placeable(offsets, length, n)) {
                for (int o : offsets) {
                    System.arraycopy(watermarked, o, out, o, length);
                }
                return out;
            }
        }
        throw Checks.fail("spans", "fit without overlap after " + MAX_ROUNDS + " draws in " + n + " tokens", spans);
    }

    private static boolean placeable(int[] offsets, int length, int n) {
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] + length >= n || i > 0 && sorted[i - 1] + length > sorted[i]) {
                return false;
            }
        }
        return true;
    }
}
