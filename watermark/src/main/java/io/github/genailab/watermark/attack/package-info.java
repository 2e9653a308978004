/**
 * Attacks on watermarked text for robustness experiments: token-level and word-level edits
 * ({@link io.github.genailab.watermark.attack.Attack}), watermarked spans pasted into human text
 * ({@link io.github.genailab.watermark.attack.CopyPaste}) and the emoji attack at generation
 * ({@link io.github.genailab.watermark.attack.EmojiAttack}).
 */
package io.github.genailab.watermark.attack;
