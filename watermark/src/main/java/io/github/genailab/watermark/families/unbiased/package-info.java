/**
 * The Unbiased watermark — Hu et al.'s γ-reweight with the maximin log-likelihood-ratio detector:
 * {@link io.github.genailab.watermark.families.unbiased.UnbiasedWatermark}.
 */
package io.github.genailab.watermark.families.unbiased;
