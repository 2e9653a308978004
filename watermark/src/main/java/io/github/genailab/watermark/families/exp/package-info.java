/**
 * EXP — Aaronson's exponential (Gumbel-max) sampling watermark with its Gamma-tail detector:
 * {@link io.github.genailab.watermark.families.exp.ExpWatermark}.
 */
package io.github.genailab.watermark.families.exp;
