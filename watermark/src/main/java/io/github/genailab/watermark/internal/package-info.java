/**
 * What the watermark families share and users never call: the generation loop, argument checks on texts
 * and models, model distributions over a text, and exact tail probabilities. Not exported by the module.
 */
package io.github.genailab.watermark.internal;
