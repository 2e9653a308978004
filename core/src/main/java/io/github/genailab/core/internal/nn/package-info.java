/**
 * The small-network pieces that the library's from-scratch models share (the tiny CLIP in
 * {@code genailab-contrastive}, the diffusion noise predictor in {@code genailab-diffusion}): a
 * trainable tensor with Adam, a fully connected layer for one vector or a feature-major batch, and
 * mini-batch shuffling. The module descriptor exports this package only to GenAI Lab's modules: it is
 * not API for users and carries no compatibility promise.
 */
package io.github.genailab.core.internal.nn;
