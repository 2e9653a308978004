/**
 * The green/red-list LLM watermark of Kirchenbauer et al. (ICML 2023): schemes (bit-compatible with
 * {@code jwkirchenbauer/lm-watermarking} on CPU, or our fast secret-keyed ones), the generation-side logits
 * processor, and the z-score detector with exact p-values and windowed (WinMax) detection.
 *
 * <p>The other watermark families researchers compare (Unigram, SWEET, EWD, Unbiased, DiPmark, EXP, EXP-edit,
 * SynthID-Text) sit behind one interface, {@link io.github.genailab.watermark.Watermark}, created by name with
 * {@link io.github.genailab.watermark.Watermarks#create(String, int, long)}; each family has a package under
 * {@code io.github.genailab.watermark.families}, and {@code eval.WatermarkComparison} compares them.
 *
 * <p>Start with {@link io.github.genailab.watermark.WatermarkScheme#reference(String, int, double, double)},
 * {@link io.github.genailab.watermark.WatermarkLogitsProcessor#of(WatermarkScheme)} and
 * {@link io.github.genailab.watermark.WatermarkDetector#of(WatermarkScheme)}.
 */
package io.github.genailab.watermark;
