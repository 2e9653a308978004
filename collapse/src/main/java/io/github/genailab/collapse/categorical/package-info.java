/**
 * Recursive refitting of categorical distributions: Wright-Fisher resampling, where a category lost once
 * is lost for good (Shumailov et al., Nature 2024, the discrete case). Tail categories vanish first;
 * {@link io.github.genailab.collapse.categorical.CategoricalTheory} gives the expected Gini-Simpson decay
 * and loss probabilities; {@link io.github.genailab.collapse.categorical.RecursiveCategorical} simulates.
 */
package io.github.genailab.collapse.categorical;
