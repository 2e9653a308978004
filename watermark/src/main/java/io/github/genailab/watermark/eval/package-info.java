/**
 * Experiments for teaching and evaluation: human versus watermarked texts (TPR/FPR at the threshold, ROC AUC,
 * TPR at a fixed FPR), attack sweeps, and the offline Shakespeare demonstration.
 */
package io.github.genailab.watermark.eval;
