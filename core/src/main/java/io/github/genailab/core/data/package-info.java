/**
 * Data sets bundled with the library: {@link io.github.genailab.core.data.Digits}, 1,797 handwritten
 * 8x8 digits (UCI, CC BY 4.0), used to train the tiny CLIP and the diffusion models from scratch.
 */
package io.github.genailab.core.data;
