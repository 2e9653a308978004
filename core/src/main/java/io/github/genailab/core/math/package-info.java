/**
 * Numerical building blocks: argument checks, numpy-compatible pairwise summation, log-space arithmetic and named seeded generators.
 */
package io.github.genailab.core.math;
