/**
 * Contrastive losses.
 */
package io.github.genailab.contrastive;
