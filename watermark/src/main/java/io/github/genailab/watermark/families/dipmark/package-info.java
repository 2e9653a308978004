/**
 * DiPmark — Wu et al.'s distribution-preserving watermark with model-free detection:
 * {@link io.github.genailab.watermark.families.dipmark.DipmarkWatermark}.
 */
package io.github.genailab.watermark.families.dipmark;
