/**
 * Text to token ids and back: the Tokenizer interface, a byte-level BPE tokenizer compatible with GPT-2's files, and the bundled corpora.
 */
package io.github.genailab.core.text;
