package io.github.genailab.watermark.families;

import io.github.genailab.core.lm.NGramModel;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The test bed of the family tests: a trigram model on the first 75% of tiny Shakespeare (V = 4096), and the
 * held-out tail cut into 16-token prompts, each followed by its 200-token human continuation (346 of them).
 */
public final class ShakespeareTexts {

    public static final int PROMPT = 16;
    public static final int LENGTH = 200;
    public static final BpeTokenizer TOKENIZER = Corpora.shakespeareTokenizer();
    public static final NGramModel MODEL;
    public static final List<int[]> PROMPTS = new ArrayList<>();
    public static final List<int[]> HUMAN = new ArrayList<>();

    static {
        List<String> passages = Corpora.tinyShakespearePassages();
        int split = (int) Math.round(passages.size() * 0.75);
        List<int[]> training = new ArrayList<>();
        for (int i = 0; i < split; i++) {
            training.add(TOKENIZER.encode(passages.get(i)));
        }
        MODEL = NGramModel.train(training, TOKENIZER.vocabularySize(), 3);
        int[] heldOut = TOKENIZER.encode(String.join("\n\n", passages.subList(split, passages.size())));
        int chunk = PROMPT + LENGTH;
        for (int from = 0; from + chunk <= heldOut.length; from += chunk) {
            PROMPTS.add(Arrays.copyOfRange(heldOut, from, from + PROMPT));
            HUMAN.add(Arrays.copyOfRange(heldOut, from + PROMPT, from + chunk));
        }
    }

    private ShakespeareTexts() {
    }
}
