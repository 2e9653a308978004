/**
 * EXP-edit — Kuditipudi et al.'s robust distortion-free watermark (a key sequence, a Levenshtein-aligned
 * statistic, a permutation-test p-value): {@link io.github.genailab.watermark.families.expedit.ExpEditWatermark}.
 */
package io.github.genailab.watermark.families.expedit;
