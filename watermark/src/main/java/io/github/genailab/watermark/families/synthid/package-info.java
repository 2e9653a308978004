/**
 * SynthID-Text — Dathathri et al.'s tournament-sampling watermark, bit-compatible with Hugging Face's
 * {@code SynthIDTextWatermarkLogitsProcessor}: {@link io.github.genailab.watermark.families.synthid.SynthIdWatermark}.
 */
package io.github.genailab.watermark.families.synthid;
