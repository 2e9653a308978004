package io.github.genailab.contrastive.tinyclip;

import io.github.genailab.core.internal.nn.Linear;
import io.github.genailab.core.internal.nn.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The tiny CLIP's text tower: a bag of words. {@code v = W tanh(mean_t E[token_t]) + b}, with a word
 * vocabulary fixed from the training captions; unknown words map to {@code <unk>}.
 *
 * <p>Tokens are the lower-cased runs of letters and digits ({@code "An 8x8 image of a 7."} gives
 * {@code an, 8x8, image, of, a, 7}). A bag of words ignores order, which suffices for captions whose
 * only informative word is the digit's name.
 */
final class TextEncoder {

    static final String UNKNOWN = "<unk>";

    private final Map<String, Integer> vocabulary;
    private final int width;
    private final Param embedding;
    private final Linear output;

    private TextEncoder(Map<String, Integer> vocabulary, int width, Param embedding, Linear output) {
        this.vocabulary = vocabulary;
        this.width = width;
        this.embedding = embedding;
        this.output = output;
    }

    /** Vocabulary = {@code <unk>} plus every word of {@code texts}, in order of first appearance. */
    static TextEncoder init(Collection<String> texts, int width, int dimension, RandomGenerator rng) {
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        vocabulary.put(UNKNOWN, 0);
        for (String text : texts) {
            for (String word : words(text)) {
                vocabulary.putIfAbsent(word, vocabulary.size());
            }
        }
        return new TextEncoder(vocabulary, width, Param.uniform(vocabulary.size() * width, 1.0, rng),
                Linear.init(width, dimension, rng));
    }

    TextEncoder copy() {
        return new TextEncoder(vocabulary, width, embedding.copy(), output.copy());
    }

    List<Param> params() {
        List<Param> all = new ArrayList<>();
        all.add(embedding);
        all.addAll(output.params());
        return all;
    }

    List<String> vocabulary() {
        return List.copyOf(vocabulary.keySet());
    }

    int width() {
        return width;
    }

    /** The embedding dimension D. */
    int dimension() {
        return output.outputs();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** Token ids of a text ({@code [<unk>]} if it has no word). */
    int[] tokenize(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new int[] {0};
        }
        return words.stream().mapToInt(w -> vocabulary.getOrDefault(w, 0)).toArray();
    }

    /** Forward pass; fills {@code activation} (kept for backward) and returns the embedding. */
    double[] forward(int[] tokens, double[] activation) {
        Arrays.fill(activation, 0);
        for (int token : tokens) {
            int row = token * width;
            for (int k = 0; k < width; k++) {
                activation[k] += embedding.value()[row + k] / tokens.length;
            }
        }
        for (int k = 0; k < width; k++) {
            activation[k] = Math.tanh(activation[k]);
        }
        double[] v = new double[output.outputs()];
        output.forward(activation, v);
        return v;
    }

    /** Accumulates parameter gradients for one text given {@code dl/dv}. */
    void backward(int[] tokens, double[] activation, double[] gradEmbedding) {
        double[] gradHidden = new double[width];
        output.backward(activation, gradEmbedding, gradHidden);
        for (int k = 0; k < width; k++) {
            gradHidden[k] *= (1 - activation[k] * activation[k]) / tokens.length;
        }
        for (int token : tokens) {
            int row = token * width;
            for (int k = 0; k < width; k++) {
                embedding.grad()[row + k] += gradHidden[k];
            }
        }
    }
}
