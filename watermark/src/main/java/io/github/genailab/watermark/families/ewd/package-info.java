/**
 * EWD — Lu et al.'s entropy-weighted detection of the KGW watermark:
 * {@link io.github.genailab.watermark.families.ewd.EwdWatermark}.
 */
package io.github.genailab.watermark.families.ewd;
