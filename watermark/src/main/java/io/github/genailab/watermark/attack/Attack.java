package io.github.genailab.watermark.attack;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.text.Tokenizer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A token-level edit attack on watermarked text, for robustness lessons: every token is independently
 * substituted, deleted, or followed by an inserted token with probability {@code rate}.
 *
 * <pre>
 *   substitution(rate, V)  t -&gt; uniform id != t            each edit breaks up to n n-grams of the scored text
 *   deletion(rate)         t -&gt; (nothing)                   (n = h + 1 - selfSalt), so z falls faster for
 *   insertion(rate, V)     t -&gt; t, uniform id               wider contexts: the paper's robustness trade-off
 *   wordDeletion(rate, tok)   decode, drop each whitespace-separated word, join with single spaces, re-encode
 *   wordInsertion(rate, tok)  decode, after each word insert a word drawn from the same text, re-encode
 * </pre>
 * The word attacks follow MarkLLM's {@code WordDeletion} text editor ({@code THU-BPM/MarkLLM@112fa74},
 * {@code evaluation/tools/text_editor.py}): whitespace is normalised to single spaces, so even rate 0
 * re-tokenises the text.
 * Each attack draws from the {@link RandomGenerator} passed in (same seed, same output), never modifies its
 * input, and prints as one line. Edits at rate 0 return an equal copy. Complexity O(len).
 *
 * <p>Paper: Kirchenbauer et al., "A Watermark for Large Language Models", ICML 2023, Sec. 7 (attacks), and
 * "On the Reliability of Watermarks for Large Language Models", ICLR 2024.
 *
 * @since 0.1.0
 */
public sealed interface Attack permits Attack.Substitution, Attack.Deletion, Attack.Insertion, Attack.WordDeletion,
        Attack.WordInsertion {

    /**
     * Returns an attacked copy of the tokens.
     *
     * @param tokens the token ids (not modified)
     * @param rng the source of randomness
     * @return a new array
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is outside {@code [0, V)} for attacks that know {@code V}
     */
    int[] apply(int[] tokens, RandomGenerator rng);

    /**
     * Returns the per-token edit probability.
     *
     * @return the rate, in [0, 1]
     */
    double rate();

    /**
     * Returns the same attack at another rate (what a sweep varies).
     *
     * @param rate the new rate, in [0, 1]
     * @return a new attack
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
     */
    Attack withRate(double rate);

    /**
     * Replaces each token, with probability {@code rate}, by a uniformly drawn different id.
     *
     * @param rate the per-token probability, in [0, 1]
     * @param vocabularySize V, {@code >= 2}
     * @return the attack
     * @throws IllegalArgumentException if an argument is out of range
     */
    static Attack substitution(double rate, int vocabularySize) {
        return new Substitution(rate, vocabularySize);
    }

    /**
     * Deletes each token with probability {@code rate}.
     *
     * @param rate the per-token probability, in [0, 1]
     * @return the attack
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
     */
    static Attack deletion(double rate) {
        return new Deletion(rate);
    }

    /**
     * Inserts a uniformly drawn id after each token with probability {@code rate}.
     *
     * @param rate the per-token probability, in [0, 1]
     * @param vocabularySize V, {@code >= 1}
     * @return the attack
     * @throws IllegalArgumentException if an argument is out of range
     */
    static Attack insertion(double rate, int vocabularySize) {
        return new Insertion(rate, vocabularySize);
    }

    /**
     * Deletes each whitespace-separated word of the decoded text with probability {@code rate}, then
     * re-encodes.
     *
     * @param rate the per-word probability, in [0, 1]
     * @param tokenizer the tokenizer of the text
     * @return the attack
     * @throws NullPointerException if {@code tokenizer} is null
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
     */
    static Attack wordDeletion(double rate, Tokenizer tokenizer) {
        return new WordDeletion(rate, tokenizer);
    }

    /**
     * Inserts, after each whitespace-separated word of the decoded text and with probability {@code rate}, a
     * word drawn uniformly from the same text, then re-encodes.
     *
     * @param rate the per-word probability, in [0, 1]
     * @param tokenizer the tokenizer of the text
     * @return the attack
     * @throws NullPointerException if {@code tokenizer} is null
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
     */
    static Attack wordInsertion(double rate, Tokenizer tokenizer) {
        return new WordInsertion(rate, tokenizer);
    }

    /**
     * Random substitution.
     *
     * @param rate the per-token probability, in [0, 1]
     * @param vocabularySize V, {@code >= 2}
     */
    record Substitution(double rate, int vocabularySize) implements Attack {

        /**
         * Validates the parameters.
         *
         * @param rate the per-token probability, in [0, 1]
         * @param vocabularySize V, {@code >= 2}
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1] or {@code vocabularySize < 2}
         */
        public Substitution {
            Checks.inClosedInterval(rate, 0, 1, "rate");
            Checks.inRange(vocabularySize, 2, Integer.MAX_VALUE, "vocabularySize");
        }

        @Override
        public int[] apply(int[] tokens, RandomGenerator rng) {
            Checks.tokenIds(tokens, vocabularySize, "tokens");
            Checks.notNull(rng, "rng");
            int[] out = tokens.clone();
            for (int i = 0; i < out.length; i++) {
                if (rng.nextDouble() < rate) {
                    int other = rng.nextInt(vocabularySize - 1);
                    out[i] = other >= out[i] ? other + 1 : other;
                }
            }
            return out;
        }

        @Override
        public Attack withRate(double newRate) {
            return new Substitution(newRate, vocabularySize);
        }
    }

    /**
     * Random deletion.
     *
     * @param rate the per-token probability, in [0, 1]
     */
    record Deletion(double rate) implements Attack {

        /**
         * Validates the rate.
         *
         * @param rate the per-token probability, in [0, 1]
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
         */
        public Deletion {
            Checks.inClosedInterval(rate, 0, 1, "rate");
        }

        @Override
        public int[] apply(int[] tokens, RandomGenerator rng) {
            Checks.notNull(tokens, "tokens");
            Checks.notNull(rng, "rng");
            int[] out = new int[tokens.length];
            int n = 0;
            for (int t : tokens) {
                if (!(rng.nextDouble() < rate)) {
                    out[n++] = t;
                }
            }
            return Arrays.copyOf(out, n);
        }

        @Override
        public Attack withRate(double newRate) {
            return new Deletion(newRate);
        }
    }

    /**
     * Random insertion.
     *
     * @param rate the per-token probability, in [0, 1]
     * @param vocabularySize V, {@code >= 1}
     */
    record Insertion(double rate, int vocabularySize) implements Attack {

        /**
         * Validates the parameters.
         *
         * @param rate the per-token probability, in [0, 1]
         * @param vocabularySize V, {@code >= 1}
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1] or {@code vocabularySize < 1}
         */
        public Insertion {
            Checks.inClosedInterval(rate, 0, 1, "rate");
            Checks.positive(vocabularySize, "vocabularySize");
        }

        @Override
        public int[] apply(int[] tokens, RandomGenerator rng) {
            Checks.tokenIds(tokens, vocabularySize, "tokens");
            Checks.notNull(rng, "rng");
            int[] out = new int[2 * tokens.length];
            int n = 0;
            for (int t : tokens) {
                out[n++] = t;
                if (rng.nextDouble() < rate) {
                    out[n++] = rng.nextInt(vocabularySize);
                }
            }
            return Arrays.copyOf(out, n);
        }

        @Override
        public Attack withRate(double newRate) {
            return new Insertion(newRate, vocabularySize);
        }
    }

    /**
     * Word deletion on the decoded text.
     *
     * @param rate the per-word probability, in [0, 1]
     * @param tokenizer the tokenizer of the text
     */
    record WordDeletion(double rate, Tokenizer tokenizer) implements Attack {

        /**
         * Validates the parameters.
         *
         * @param rate the per-word probability, in [0, 1]
         * @param tokenizer the tokenizer of the text
         * @throws NullPointerException if {@code tokenizer} is null
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
         */
        public WordDeletion {
            Checks.inClosedInterval(rate, 0, 1, "rate");
            Checks.notNull(tokenizer, "tokenizer");
        }

        @Override
        public int[] apply(int[] tokens, RandomGenerator rng) {
            String[] words = Words.of(tokens, tokenizer, rng);
            StringBuilder out = new StringBuilder();
            for (String w : words) {
                if (!(rng.nextDouble() < rate)) {
                    Words.append(out, w);
                }
            }
            return tokenizer.encode(out.toString());
        }

        @Override
        public Attack withRate(double newRate) {
            return new WordDeletion(newRate, tokenizer);
        }

        @Override
        public String toString() {
            return "WordDeletion[rate=" + rate + "]";
        }
    }

    /**
     * Word insertion on the decoded text.
     *
     * @param rate the per-word probability, in [0, 1]
     * @param tokenizer the tokenizer of the text
     */
    record WordInsertion(double rate, Tokenizer tokenizer) implements Attack {

        /**
         * Validates the parameters.
         *
         * @param rate the per-word probability, in [0, 1]
         * @param tokenizer the tokenizer of the text
         * @throws NullPointerException if {@code tokenizer} is null
         * @throws IllegalArgumentException if {@code rate} is outside [0, 1]
         */
        public WordInsertion {
            Checks.inClosedInterval(rate, 0, 1, "rate");
            Checks.notNull(tokenizer, "tokenizer");
        }

        @Override
        public int[] apply(int[] tokens, RandomGenerator rng) {
            String[] words = Words.of(tokens, tokenizer, rng);
            StringBuilder out = new StringBuilder();
            for (String w : words) {
                Words.append(out, w);
                if (rng.nextDouble() < rate) {
                    Words.append(out, words[rng.nextInt(words.length)]);
                }
            }
            return tokenizer.encode(out.toString());
        }

        @Override
        public Attack withRate(double newRate) {
            return new WordInsertion(newRate, tokenizer);
        }

        @Override
        public String toString() {
            return "WordInsertion[rate=" + rate + "]";
        }
    }
}
