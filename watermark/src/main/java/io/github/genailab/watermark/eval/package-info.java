/**
 * Experiments for teaching and evaluation: human versus watermarked texts (TPR/FPR at the threshold, ROC AUC,
 * TPR at a fixed FPR), attack sweeps, the offline Shakespeare demonstration, and the side-by-side comparison of
 * every watermark family ({@link io.github.genailab.watermark.eval.WatermarkComparison}).
 */
package io.github.genailab.watermark.eval;
