/**
 * Text to token ids and back.
 *
 * <ul>
 *   <li>{@link io.github.genailab.core.text.Tokenizer}: the interface models and watermarks see
 *       (vocabulary size, encode, decode).</li>
 *   <li>{@link io.github.genailab.core.text.BpeTokenizer}: byte-level BPE exactly as GPT-2 does it,
 *       trainable in-process ({@code train}) and readable/writable in GPT-2's file format
 *       ({@code encoder.json} + {@code vocab.bpe}), so the same class also runs OpenAI's GPT-2
 *       tokenizer (its ids are checked against golden values in the tests), and Hugging Face
 *       {@code tokenizer.json} files with a byte-level BPE model (GPT-2, Llama 3, SmolLM2, Qwen2), with
 *       the Rust {@code tokenizers} library's ids ({@code fromTokenizerJson}, {@code fromModelDirectory}).</li>
 *   <li>{@link io.github.genailab.core.text.Corpora}: the bundled tiny Shakespeare corpus, its
 *       passages, and a 4,096-token tokenizer trained on it.</li>
 * </ul>
 */
package io.github.genailab.core.text;
