/**
 * Permute-and-Flip — Zhao, Li and Wang's report-noisy-max decoder with exponential noise, as a watermark:
 * {@link io.github.genailab.watermark.families.pf.PermuteAndFlipWatermark}.
 */
package io.github.genailab.watermark.families.pf;
