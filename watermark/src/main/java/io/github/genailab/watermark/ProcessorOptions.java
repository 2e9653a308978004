package io.github.genailab.watermark;

import io.github.genailab.core.math.Checks;

/**
 * Options of the {@link WatermarkLogitsProcessor}.
 *
 * <p>Self-salted schemes ({@code selfhash}) cannot build one green list per step, because each candidate seeds
 * its own list; the processor tests candidates one by one, in descending logit order, and biases those that are
 * green in their own list. The reference tests exactly the first 41 candidates ({@code tail_rule="fixed_compute"})
 * whatever their probabilities. Our default tests candidates until the untested ones carry at most
 * {@code selfSaltTailMass} of the (unbiased) probability, with no fixed count: a watermark at least as strong,
 * and detection is unaffected either way (the detector only checks the token actually chosen).
 * {@link #referenceSelfHash()} restores the reference's 41.
 *
 * @param hardList true for the paper's hard red list (red logits set to {@code -Infinity}, Alg. 1); false for
 *     the soft list (green logits {@code += delta}, Alg. 2, the default)
 * @param selfSaltCandidates at most this many candidates are tested per step for self-salted schemes, {@code >= 1}
 * @param selfSaltTailMass stop testing once the untested candidates' probability is at most this, in [0, 1)
 */
public record ProcessorOptions(boolean hardList, int selfSaltCandidates, double selfSaltTailMass) {

    /** The reference's candidate count for {@code selfhash} generation (indices 0..40). */
    public static final int REFERENCE_SELF_HASH_CANDIDATES = 41;

    /**
     * Validates the options.
     *
     * @param hardList true for the paper's hard red list (red logits set to {@code -Infinity}, Alg. 1); false for the soft list (green logits {@code += delta}, Alg. 2, the default)
     * @param selfSaltCandidates at most this many candidates are tested per step for self-salted schemes, {@code >= 1}
     * @param selfSaltTailMass stop testing once the untested candidates' probability is at most this, in [0, 1)
     * @throws IllegalArgumentException if {@code selfSaltCandidates < 1} or {@code selfSaltTailMass} is outside [0, 1)
     */
    public ProcessorOptions {
        Checks.positive(selfSaltCandidates, "selfSaltCandidates");
        if (!(selfSaltTailMass >= 0 && selfSaltTailMass < 1)) {
            throw Checks.fail("selfSaltTailMass", "be in [0, 1)", selfSaltTailMass);
        }
    }

    /**
     * Soft list; self-salted schemes test candidates until at most 1e-4 of the probability is left untested.
     *
     * @return the default options
     */
    public static ProcessorOptions defaults() {
        return new ProcessorOptions(false, Integer.MAX_VALUE, 1e-4);
    }

    /**
     * Soft list; self-salted schemes test exactly the 41 most likely candidates, as the reference does.
     *
     * @return the reference-like options
     */
    public static ProcessorOptions referenceSelfHash() {
        return new ProcessorOptions(false, REFERENCE_SELF_HASH_CANDIDATES, 0.0);
    }

    /**
     * Returns these options with the hard or soft list.
     *
     * @param hard true for the hard red list
     * @return new options
     */
    public ProcessorOptions withHardList(boolean hard) {
        return new ProcessorOptions(hard, selfSaltCandidates, selfSaltTailMass);
    }

    /**
     * Returns these options with another candidate cap.
     *
     * @param candidates the cap, {@code >= 1}
     * @return new options
     * @throws IllegalArgumentException if {@code candidates < 1}
     */
    public ProcessorOptions withSelfSaltCandidates(int candidates) {
        return new ProcessorOptions(hardList, candidates, selfSaltTailMass);
    }

    /**
     * Returns these options with another untested-mass stopping rule.
     *
     * @param tailMass in [0, 1); 0 tests every candidate up to the cap
     * @return new options
     * @throws IllegalArgumentException if {@code tailMass} is outside [0, 1)
     */
    public ProcessorOptions withSelfSaltTailMass(double tailMass) {
        return new ProcessorOptions(hardList, selfSaltCandidates, tailMass);
    }
}
