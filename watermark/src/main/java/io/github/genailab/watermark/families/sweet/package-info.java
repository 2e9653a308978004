/**
 * SWEET — Lee et al.'s entropy-gated KGW watermark, whose detector needs the model:
 * {@link io.github.genailab.watermark.families.sweet.SweetWatermark}.
 */
package io.github.genailab.watermark.families.sweet;
