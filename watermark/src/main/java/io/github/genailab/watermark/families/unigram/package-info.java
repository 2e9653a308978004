/**
 * The Unigram watermark — Zhao et al.'s single fixed green list:
 * {@link io.github.genailab.watermark.families.unigram.UnigramWatermark}.
 */
package io.github.genailab.watermark.families.unigram;
