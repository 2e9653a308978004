/**
 * Data to diffuse: two-dimensional toy clouds ({@link io.github.genailab.diffusion.data.PointClouds}:
 * two moons, Swiss roll, Gaussian mixture, letters) and the bundled 8x8 digits as vectors in
 * {@code [-1, 1]} ({@link io.github.genailab.diffusion.data.DigitVectors}).
 */
package io.github.genailab.diffusion.data;
