package io.github.genailab.examples;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What several lectures do with the bundled corpus: encode passages and measure perplexity.
 */
public final class Shakespeare {

    private Shakespeare() {
    }

    /**
     * Encodes each passage.
     *
     * @param tokenizer the tokenizer
     * @param passages the passages
     * @return one token array per passage, in order
     */
    public static List<int[]> encode(Tokenizer tokenizer, List<String> passages) {
        List<int[]> documents = new ArrayList<>(passages.size());
        for (String passage : passages) {
            documents.add(tokenizer.encode(passage));
        }
        return documents;
    }

    /**
     * Concatenates documents into one token stream.
     *
     * @param documents the documents
     * @return their tokens, in order
     */
    public static int[] concatenate(List<int[]> documents) {
        int total = 0;
        for (int[] document : documents) {
            total += document.length;
        }
        int[] stream = new int[total];
        int at = 0;
        for (int[] document : documents) {
            System.arraycopy(document, 0, stream, at, document.length);
            at += document.length;
        }
        return stream;
    }

    /**
     * Perplexity {@code exp(-mean log p)} over every scored token of every document (documents with fewer than
     * two tokens have none).
     *
     * @param model the model
     * @param documents the documents
     * @return the perplexity
     */
    public static double perplexity(LanguageModel model, List<int[]> documents) {
        double total = 0;
        long count = 0;
        for (int[] document : documents) {
            if (document.length < 2) {
                continue;
            }
            for (double logProb : model.tokenLogProbs(document)) {
                total -= logProb;
                count++;
            }
        }
        return Math.exp(total / count);
    }

    /**
     * The text of each token on its own, for showing how a text splits.
     *
     * @param tokenizer the tokenizer
     * @param tokens the token ids
     * @return one string per token
     */
    public static List<String> pieces(Tokenizer tokenizer, int[] tokens) {
        List<String> pieces = new ArrayList<>(tokens.length);
        for (int id : tokens) {
            pieces.add(tokenizer.decode(new int[] {id}));
        }
        return pieces;
    }
}
