/**
 * Least squares relabelled by its own fit, generation after generation: the replace-versus-accumulate
 * contrast of Gerstgrasser et al., "Is Model Collapse Inevitable? Breaking the Curse of Recursion by
 * Accumulating Real and Synthetic Data", 2024 ({@link io.github.genailab.collapse.regression.RecursiveRegression}).
 */
package io.github.genailab.collapse.regression;
