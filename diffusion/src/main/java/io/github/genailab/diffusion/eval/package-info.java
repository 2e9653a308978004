/**
 * How good are the samples? Distances between sample sets
 * ({@link io.github.genailab.diffusion.eval.SampleDistance}: energy, sliced Wasserstein), a
 * nearest-centroid judge of conditioned samples ({@link io.github.genailab.diffusion.eval.NearestCentroid},
 * {@link io.github.genailab.diffusion.eval.ClassAccuracy}), and a nearest-neighbour memorisation check
 * ({@link io.github.genailab.diffusion.eval.NearestNeighbourCheck}).
 */
package io.github.genailab.diffusion.eval;
