package io.github.genailab.watermark.internal;

import io.github.genailab.core.math.Checks;
import io.github.genailab.watermark.WatermarkScheme;

/** The green-list scheme the KGW-based families (KGW, SWEET, EWD) share. */
public final class Schemes {

    private Schemes() {
    }

    /**
     * Returns the reference's {@code lefthash} scheme ({@code simple_1}: additive PRF over the previous
     * token, seed {@code hash_key * x[-1]}) with {@code hash_key = key}.
     *
     * @param vocabularySize V
     * @param key the hash key, {@code >= 0}
     * @param gamma the green fraction
     * @param delta the logit bias
     * @return the scheme
     */
    public static WatermarkScheme lefthash(int vocabularySize, long key, double gamma, double delta) {
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        return WatermarkScheme.reference("ff-additive_prf-1-False-" + key, vocabularySize, gamma, delta);
    }
}
