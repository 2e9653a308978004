/**
 * Implementation helpers shared by the collapse packages (linear algebra on flat arrays, samplers, CSV and
 * number formatting, Gaussian closed forms without checks). Not exported by the module descriptor: not
 * API, no compatibility promise.
 */
package io.github.genailab.collapse.internal;
