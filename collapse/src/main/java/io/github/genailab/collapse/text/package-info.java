/**
 * Collapse of language models under recursive training on generated text (Shumailov et al., Nature
 * 2024, main experiment; Gerstgrasser et al. 2024 for accumulating data): {@link
 * io.github.genailab.collapse.text.LanguageModelCollapse} trains a Kneser-Ney n-gram model generation
 * after generation on text the previous generation wrote from prompts of real text, under a data
 * {@link io.github.genailab.collapse.Workflow}, and measures the real held-out perplexity, the judge's
 * per-sequence perplexities of every generation's text, and the support ({@link
 * io.github.genailab.collapse.text.TextSupport}: distinct tokens and n-grams, the original mass they held,
 * the Zipf exponent).
 */
package io.github.genailab.collapse.text;
