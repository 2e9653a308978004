package io.github.genailab.collapse.text;

import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bundled tiny Shakespeare corpus, encoded once with its BPE tokenizer and split by passages: the
 * first 90% of the passages (in corpus order) are the training split, joined by blank lines as in the
 * corpus and encoded as one token stream; the last 10% are the held-out split, one document per
 * passage. Loaded on first use and
 * immutable afterwards (callers receive copies).
 */
final class ShakespeareSplit {

    /** Share of the passages in the training split. */
    static final double TRAINING_SHARE = 0.9;

    private ShakespeareSplit() {
    }

    /** The training split as one token stream (shared; never modify). */
    static int[] trainingStream() {
        return Holder.TRAINING;
    }

    /** The held-out passages (shared; never modify the arrays). */
    static List<int[]> heldOut() {
        return Holder.HELD_OUT;
    }

    static int vocabularySize() {
        return Corpora.SHAKESPEARE_VOCABULARY_SIZE;
    }

    /** Holder: encoded by the JVM on first use, thread-safe, immutable afterwards. */
    private static final class Holder {
        static final int[] TRAINING;
        static final List<int[]> HELD_OUT;

        static {
            List<String> passages = Corpora.tinyShakespearePassages();
            BpeTokenizer tokenizer = Corpora.shakespeareTokenizer();
            int cut = (int) Math.round(passages.size() * TRAINING_SHARE);
            int[] stream = tokenizer.encode(String.join("\n\n", passages.subList(0, cut)));
            List<int[]> heldOut = new ArrayList<>(passages.size() - cut);
            for (int i = cut; i < passages.size(); i++) {
                heldOut.add(tokenizer.encode(passages.get(i)));
            }
            TRAINING = stream;
            HELD_OUT = Collections.unmodifiableList(heldOut);
        }
    }
}
