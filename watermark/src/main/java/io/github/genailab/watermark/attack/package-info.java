/**
 * Token-level attacks on watermarked text (random substitution, deletion, insertion) for robustness experiments.
 */
package io.github.genailab.watermark.attack;
